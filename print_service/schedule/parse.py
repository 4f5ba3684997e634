"""From fetched bytes to a schedule: detect the format, then read it with the right parser.

Each parser's library (icalendar and its recurrence expander, pypdf) is imported when a document of its
format arrives: the watch daemon holds this module from the start, and most practices use one format.
"""

import io
from dataclasses import dataclass
from datetime import datetime

from print_service.errors import ScheduleError
from print_service.schedule.detect import decode_text, detect_format
from print_service.schedule.model import Appointment, in_window
from print_service.schedule.settings import ScheduleSettings
from print_service.schedule.sources import Document

__all__ = ["Parsed", "parse_document"]


@dataclass(frozen=True, slots=True)
class Parsed:
    """A readable schedule: its format and either appointments (within the window) or a PDF."""

    format: str
    appointments: tuple[Appointment, ...] = ()
    pdf: bytes | None = None


def parse_document(document: Document, settings: ScheduleSettings, window: tuple[datetime, datetime]) -> Parsed:
    """Parse `document` per `schedule.format`; ScheduleError with one clear line when it is not usable.

    Whatever a parser library raises becomes a ScheduleError naming only the kind of error:
    a library's own message or a traceback may quote the content, which holds PHI.
    """
    try:
        return _parse(document, settings, window)
    except ScheduleError:
        raise
    except (Exception, RecursionError, MemoryError) as exc:
        raise ScheduleError(f"schedule source {document.origin}: expected a readable schedule "
                            f"({type(exc).__name__} while reading it)") from None


def _parse(document: Document, settings: ScheduleSettings, window: tuple[datetime, datetime]) -> Parsed:
    kind = detect_format(document, settings.format)
    if kind == "pdf":
        _check_pdf(document)
        return Parsed("pdf", pdf=document.data)
    text = decode_text(document, settings.encoding)
    if kind == "ics":
        from print_service.schedule.ics import parse_ics

        found = parse_ics(text, document.origin, settings.timezone, window, patient_from=settings.patient_from,
                          provider_from=settings.provider_from, limits=settings.limits)
    else:
        from print_service.schedule.csv_export import parse_csv

        found = parse_csv(text, document.origin, settings.csv, settings.timezone, window=window,
                          limits=settings.limits)
    return Parsed(kind, tuple(in_window(found, *window)))


def _check_pdf(document: Document) -> None:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        pages = len(PdfReader(io.BytesIO(document.data)).pages)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError):
        pages = 0
    if pages == 0:
        raise ScheduleError(f"schedule source {document.origin}: not a readable PDF")

"""Deciding what a fetched document is (iCalendar, CSV or PDF) and decoding its text (pure).

`schedule.format = "auto"` looks at the content first (a PDF header, BEGIN:VCALENDAR), then
the content type and the name's suffix. Whatever was configured, an HTML page (typically a
login page served in place of the calendar) is refused with a message saying so.
"""

from print_service.errors import ScheduleError
from print_service.schedule.sources import Document

__all__ = ["decode_text", "detect_format"]

_TYPES = {"text/calendar": "ics", "text/csv": "csv", "application/csv": "csv", "application/pdf": "pdf"}
_SUFFIXES = {".ics": "ics", ".ical": "ics", ".ifb": "ics", ".csv": "csv", ".pdf": "pdf"}


def detect_format(document: Document, configured: str) -> str:
    """"ics", "csv" or "pdf"; ScheduleError for HTML, empty or unrecognisable content."""
    head = document.data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if not head:
        raise ScheduleError(f"schedule source {document.origin}: the file is empty")
    if _looks_like_html(head):
        raise ScheduleError(f"schedule source {document.origin}: got a web page (HTML, perhaps a login page) "
                            "instead of a schedule; check the address and schedule.auth")
    sniffed = "pdf" if head.startswith(b"%pdf-") else "ics" if head.startswith(b"begin:vcalendar") else ""
    if configured != "auto":
        if sniffed and sniffed != configured:
            raise ScheduleError(f"schedule source {document.origin}: expected {configured.upper()} "
                                f"(schedule.format), got {sniffed.upper()}")
        return configured
    found = sniffed or _TYPES.get(document.content_type) or _SUFFIXES.get(document.suffix)
    if found:
        return found
    if b"," in head.split(b"\n", 1)[0] or b";" in head.split(b"\n", 1)[0]:
        return "csv"
    raise ScheduleError(f"schedule source {document.origin}: not recognisable as iCalendar, CSV or PDF "
                        "(set schedule.format if it is one of them)")


def _looks_like_html(head: bytes) -> bool:
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<?xml")) or b"<html" in head[:512]


def decode_text(document: Document, encoding: str) -> str:
    """The document as text (a byte-order mark wins over `encoding`); a clear error naming the first bad byte."""
    data = document.data
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            data, encoding = data[len(bom):], codec
            break
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        bad = data[exc.start:exc.start + 1].hex().upper()
        raise ScheduleError(f"schedule source {document.origin}: not valid {encoding} text (byte 0x{bad} at "
                            f"offset {exc.start}); save it as UTF-8 or set schedule.encoding") from None
    except LookupError:
        raise ScheduleError(f"schedule.encoding: unknown text encoding {encoding!r}") from None

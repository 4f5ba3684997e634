"""The packet: what one press of the physical button prints (`printing.packet`).

All or nothing: every form is rendered and the queue checked before the first job is sent,
and if a later job cannot be sent the earlier ones are cancelled.
"""

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Protocol

from print_service.printing.model import SubmittedJob
from print_service.printing.service import PrintService
from print_service.printing.settings import PacketItem
from print_service.printing.titles import job_title

__all__ = ["FormSource", "print_form", "print_packet"]


class FormSource(Protocol):
    """What printing needs from the form catalogue: a rendered PDF for an id."""

    def pdf(self, form_id: str) -> Path:
        """The cached PDF of `form_id` (UnknownNameError when there is no such form)."""
        ...


def print_form(service: PrintService, catalogue: FormSource, form_id: str, *, copies: int = 1,
               printer: str | None = None, now: datetime | None = None) -> SubmittedJob:
    """Print one blank form."""
    return print_packet(service, catalogue, [PacketItem(form_id, copies)], printer=printer, now=now)[0]


def print_packet(service: PrintService, catalogue: FormSource, packet: Sequence[PacketItem] | None = None, *,
                 printer: str | None = None, copies: int | None = None,
                 now: datetime | None = None) -> list[SubmittedJob]:
    """Print every form of `packet` (default `printing.packet`); `copies` overrides each item's count."""
    items = list(service.settings.packet if packet is None else packet)
    documents = [(item, catalogue.pdf(item.form_id)) for item in items]
    if not service.uses_folder(printer):
        printer = service.resolve_queue(printer)
    when = now or datetime.now()
    jobs: list[SubmittedJob] = []
    try:
        for item, document in documents:
            title = job_title(item.form_id, when)
            jobs.append(service.submit(document, title=title, copies=copies or item.copies, printer=printer))
    except BaseException:
        for job in jobs:
            service.cancel(job)
        raise
    return jobs

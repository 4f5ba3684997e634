"""Printing through CUPS (pycups), or into a folder when no printer is used.

The words for printer problems are in `words` (pure); `service.PrintService` is the one
adapter that talks to cupsd. The package exports only pure names; the adapter (`service`) and the
packet printing (`packet`) are imported from their modules.
"""

from typing import TYPE_CHECKING

from print_service.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from print_service.printing.model import JobOutcome, QueueStatus, SubmittedJob
    from print_service.printing.settings import DEFAULT_PACKET, PAPER_SIZES, PacketItem, PrintingSettings
    from print_service.printing.titles import job_title

__all__ = [
    "DEFAULT_PACKET",
    "PAPER_SIZES",
    "JobOutcome",
    "PacketItem",
    "PrintingSettings",
    "QueueStatus",
    "SubmittedJob",
    "job_title",
]

__getattr__ = lazy_exports(__name__, {
    "JobOutcome": "print_service.printing.model",
    "QueueStatus": "print_service.printing.model",
    "SubmittedJob": "print_service.printing.model",
    "DEFAULT_PACKET": "print_service.printing.settings",
    "PAPER_SIZES": "print_service.printing.settings",
    "PacketItem": "print_service.printing.settings",
    "PrintingSettings": "print_service.printing.settings",
    "job_title": "print_service.printing.titles",
})

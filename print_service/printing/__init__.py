"""Printing through CUPS (pycups), or into a folder when no printer is used.

The words for printer problems are in `words` (pure); `service.PrintService` is the one
adapter that talks to cupsd.
"""

from print_service.printing.model import JobOutcome, QueueStatus, SubmittedJob
from print_service.printing.packet import FormSource, print_form, print_packet
from print_service.printing.service import PrintService
from print_service.printing.settings import DEFAULT_PACKET, PAPER_SIZES, PacketItem, PrintingSettings
from print_service.printing.titles import job_title

__all__ = [
    "DEFAULT_PACKET",
    "PAPER_SIZES",
    "FormSource",
    "JobOutcome",
    "PacketItem",
    "PrintService",
    "PrintingSettings",
    "QueueStatus",
    "SubmittedJob",
    "job_title",
    "print_form",
    "print_packet",
]

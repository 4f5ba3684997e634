"""The `[printing]` settings: which queue, which paper, what the button prints."""

from dataclasses import dataclass
from pathlib import Path

__all__ = ["DEFAULT_PACKET", "PAPER_SIZES", "PacketItem", "PrintingSettings"]

PAPER_SIZES = ("letter", "a4")


@dataclass(frozen=True, slots=True)
class PacketItem:
    """One form of the packet the physical button prints, and how many copies of it."""

    form_id: str
    copies: int = 1


DEFAULT_PACKET = (
    PacketItem("therapist-note"),
    PacketItem("prescriber-note"),
    PacketItem("nursing-note"),
    PacketItem("med-change-log"),
)


@dataclass(frozen=True, slots=True)
class PrintingSettings:
    """How forms reach paper.

    `printer` names the CUPS queue ("" = the CUPS default destination). With `output_dir`
    set, documents are written there as PDF files and CUPS is never contacted (the demo's
    "printer"); an explicit queue asked for on the command line still goes to CUPS.
    """

    printer: str = ""
    paper: str = "letter"
    duplex: bool = False
    output_dir: Path | None = None
    packet: tuple[PacketItem, ...] = DEFAULT_PACKET
    job_timeout_seconds: float = 120.0

"""What the Print and Schedule screens ask of printing and the schedule, as plain data (no Kivy).

The screens call these from a worker thread, never from the UI thread: printing and CUPS queries
can take seconds. `kiosk.ui.services` implements them with PrintService, FormCatalogue and
ScheduleCache.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol

__all__ = ["FormChoice", "JobResult", "PrintDesk", "ScheduleData", "ScheduleDay", "ScheduleDesk", "Visit"]

Progress = Callable[[str], None]


@dataclass(frozen=True)
class FormChoice:
    """One printable blank form."""

    id: str
    title: str


@dataclass(frozen=True)
class JobResult:
    """How a print request ended: `ok`, and plain words ("Printed", "Out of paper").

    `waiting` means it did not print yet but stays in the queue and prints after Resume.
    """

    ok: bool
    message: str
    waiting: bool = False


class PrintDesk(Protocol):
    """Printing as the Print screen needs it."""

    def forms(self) -> list[FormChoice]:
        """The blank forms, in the catalogue's order."""

    def print_form(self, form_id: str, copies: int, progress: Progress) -> JobResult:
        """Print `copies` of one form and wait for the outcome, reporting progress words."""

    def print_packet(self, progress: Progress) -> JobResult:
        """Print the configured downtime packet."""

    def resume(self, queue: str | None) -> JobResult:
        """Resume a stopped printer queue."""


@dataclass(frozen=True)
class Visit:
    """One appointment as the unlocked Schedule screen shows it."""

    time: str
    patient: str
    provider: str
    detail: str = ""


@dataclass(frozen=True)
class ScheduleDay:
    """The visits of one day."""

    day: date
    visits: list[Visit] = field(default_factory=list)


@dataclass(frozen=True)
class ScheduleData:
    """Today, the next clinic day, and how fresh the local copy is."""

    today: ScheduleDay
    next_day: ScheduleDay | None
    as_of: datetime | None
    stale: bool = False
    error: str | None = None


class ScheduleDesk(Protocol):
    """The local schedule copy as the Schedule screen needs it (PHI: only behind the PIN)."""

    def load(self, today: date) -> ScheduleData:
        """Today's and the next clinic day's visits from the encrypted cache."""

    def print_day(self, day: date, progress: Progress) -> JobResult:
        """Print one day's schedule."""

    def print_prefilled(self, day: date, progress: Progress) -> JobResult:
        """Print the pre-filled packet for every visit of one day."""

"""The Print and Schedule desks, built on first use: the screen starts without the forms renderer
(reportlab, pypdf) or the schedule's libraries (httpx, cryptography, icalendar) and loads them only
when someone prints or unlocks the schedule. The form buttons' labels are known without them."""

import threading
from collections.abc import Callable
from datetime import date
from typing import Generic, TypeVar

from kiosk.ui.desk import FormChoice, JobResult, PrintDesk, Progress, ScheduleData, ScheduleDesk

__all__ = ["LazyPrintDesk", "LazyScheduleDesk"]

D = TypeVar("D")


class _OnFirstUse(Generic[D]):
    """Builds the real desk once, on whichever (worker) thread asks first."""

    def __init__(self, make: Callable[[], D]) -> None:
        self._make = make
        self._desk: D | None = None
        self._lock = threading.Lock()

    def desk(self) -> D:
        with self._lock:
            if self._desk is None:
                self._desk = self._make()
            return self._desk


class LazyPrintDesk:
    """A PrintDesk whose forms are listed from `choices`; printing builds the real desk with `make`."""

    def __init__(self, make: Callable[[], PrintDesk], choices: list[FormChoice]) -> None:
        self._real = _OnFirstUse(make)
        self._choices = choices

    def forms(self) -> list[FormChoice]:
        """The forms, in the catalogue's order (no renderer needed)."""
        return list(self._choices)

    def print_form(self, form_id: str, copies: int, progress: Progress) -> JobResult:
        """Print through the real desk."""
        return self._real.desk().print_form(form_id, copies, progress)

    def print_packet(self, progress: Progress) -> JobResult:
        """Print the packet through the real desk."""
        return self._real.desk().print_packet(progress)

    def resume(self, queue: str | None) -> JobResult:
        """Resume the queue through the real desk."""
        return self._real.desk().resume(queue)


class LazyScheduleDesk:
    """A ScheduleDesk built with `make` when the unlocked Schedule screen first asks."""

    def __init__(self, make: Callable[[], ScheduleDesk]) -> None:
        self._real = _OnFirstUse(make)

    def load(self, today: date) -> ScheduleData:
        """Read the schedule copy through the real desk."""
        return self._real.desk().load(today)

    def print_day(self, day: date, progress: Progress) -> JobResult:
        """Print a day through the real desk."""
        return self._real.desk().print_day(day, progress)

    def print_prefilled(self, day: date, progress: Progress) -> JobResult:
        """Print pre-filled notes through the real desk."""
        return self._real.desk().print_prefilled(day, progress)

"""The screen's side of a drill: start and stop it (Info, behind the PIN), and note in the running drill
what the screen printed, so the drill record lists it. Runs on the screen's worker thread."""

from collections.abc import Callable
from datetime import date, datetime

from kiosk.drill.store import DrillStore
from kiosk.ui.desk import FormChoice, JobResult, PrintDesk, ScheduleData, ScheduleDesk

__all__ = ["DRILL_MINUTES", "DrillDesk", "NotingPrintDesk", "NotingScheduleDesk"]

DRILL_MINUTES = 30
Progress = Callable[[str], None]


class DrillDesk:
    """Starts and stops drills in the drill file the watch daemon follows."""

    def __init__(self, store: DrillStore, now: Callable[[], datetime], *, upload_url: str = "") -> None:
        self.store = store
        self.now = now
        self.upload_url = upload_url

    def start(self, level: str, minutes: int = DRILL_MINUTES) -> JobResult:
        """Begin a drill of `level`; the result says until when."""
        drill = self.store.start(level, minutes, self.now(), upload_url=self.upload_url)
        return JobResult(True, f"Drill started: {level.replace('_', ' ')} until {drill.until.astimezone():%H:%M}")

    def stop(self) -> JobResult:
        """End the running drill."""
        stopped = self.store.stop(self.now(), "stopped on the screen")
        return JobResult(True, "Drill stopped" if stopped else "No drill was running")

    def note(self, what: str) -> None:
        """Note a print made on the screen in the running drill (nothing when none runs)."""
        self.store.note_print(what, self.now())


class NotingPrintDesk:
    """A `PrintDesk` whose successful prints are noted in the running drill."""

    def __init__(self, desk: PrintDesk, drills: DrillDesk) -> None:
        self.desk = desk
        self.drills = drills

    def forms(self) -> list[FormChoice]:
        """The forms, as the desk has them."""
        return self.desk.forms()

    def print_form(self, form_id: str, copies: int, progress: Progress) -> JobResult:
        """Print one form, noted as "<form id> (screen)"."""
        return self._noted(self.desk.print_form(form_id, copies, progress), f"{form_id} (screen)")

    def print_packet(self, progress: Progress) -> JobResult:
        """Print the packet, noted as "downtime packet (screen)"."""
        return self._noted(self.desk.print_packet(progress), "downtime packet (screen)")

    def resume(self, queue: str | None) -> JobResult:
        """Resume the printer (not a print)."""
        return self.desk.resume(queue)

    def _noted(self, result: JobResult, what: str) -> JobResult:
        if result.ok:
            self.drills.note(what)
        return result


class NotingScheduleDesk:
    """A `ScheduleDesk` whose prints are noted in the running drill (the schedule only when someone asks)."""

    def __init__(self, desk: ScheduleDesk, drills: DrillDesk) -> None:
        self.desk = desk
        self.drills = drills

    def load(self, today: date) -> ScheduleData:
        """The schedule, as the desk has it."""
        return self.desk.load(today)

    def print_day(self, day: date, progress: Progress) -> JobResult:
        """Print a day's schedule, noted as "schedule (screen)"."""
        result = self.desk.print_day(day, progress)
        if result.ok:
            self.drills.note("schedule (screen)")
        return result

    def print_prefilled(self, day: date, progress: Progress) -> JobResult:
        """Print the pre-filled notes, noted as "pre-filled notes (screen)"."""
        result = self.desk.print_prefilled(day, progress)
        if result.ok:
            self.drills.note("pre-filled notes (screen)")
        return result

"""The screen's side of the catch-up sheet: print it for the pending (or the last) downtime, dismiss the
alert, note the initials typed. Runs on the screen's worker thread; the sheet goes to CUPS only (PHI)."""

from collections.abc import Callable, Mapping
from datetime import datetime, tzinfo
from typing import Any

from kiosk.reconcile.book import ReconcileBook
from kiosk.reconcile.downtimes import Downtime, find_downtimes, span_words
from kiosk.reconcile.sheet import SHEET_KIND, catchup_document
from kiosk.status.downtime_log import DowntimeWindow
from kiosk.status.level import Level
from kiosk.ui.desk import JobResult
from print_service.schedule.cache import ScheduleCache
from print_service.schedule.nightly import PrintDocument

__all__ = ["CatchUpDesk", "downtime_from_json", "last_downtime"]


def downtime_from_json(data: Mapping[str, Any]) -> Downtime:
    """The state file's `reconcile.pending` (or a Downtime's `to_json()`) back as a Downtime."""
    end = data.get("end")
    return Downtime(datetime.fromisoformat(str(data["start"])), datetime.fromisoformat(str(end)) if end else None,
                    tuple(Level(level) for level in data.get("levels", [])))


def last_downtime(state: Mapping[str, Any] | None) -> Downtime | None:
    """The most recent ended downtime in the state file's recent log, if any."""
    rows = state.get("downtime_log") if state else None
    if not isinstance(rows, list):
        return None
    try:
        windows = [DowntimeWindow.from_json(row) for row in reversed(rows) if isinstance(row, dict)]
    except (ValueError, KeyError, TypeError):
        return None
    return next((d for d in find_downtimes(windows) if d.end is not None), None)


class CatchUpDesk:
    """Prints the sheet and keeps the reconcile book."""

    def __init__(self, cache: ScheduleCache | None, print_document: PrintDocument, book: ReconcileBook, *,
                 practice: str, zone: tzinfo, paper: str = "letter", now: Callable[[], datetime]) -> None:
        self.cache = cache
        self.print_document = print_document
        self.book = book
        self.practice = practice
        self.zone = zone
        self.paper = paper
        self.now = now

    def print_sheet(self, downtime: Downtime, progress: Callable[[str], None]) -> JobResult:
        """Print the catch-up sheet of `downtime` and note it in the book."""
        now = self.now().astimezone(self.zone)
        document = catchup_document(downtime, self.cache, practice=self.practice, zone=self.zone, now=now,
                                    paper=self.paper)
        progress("printing…")
        self.print_document(document, SHEET_KIND)
        self.book.mark_printed(downtime.key, now)
        return JobResult(True, f"Printed the catch-up sheet for {span_words(downtime, self.zone)}")

    def dismiss(self, key: str) -> JobResult:
        """Dismiss the alert without printing."""
        self.book.dismiss(key, self.now())
        return JobResult(True, "Catch-up reminder dismissed")

    def acknowledge(self, key: str, initials: str) -> JobResult:
        """Note who took the sheet on (UsageError for initials that are not initials)."""
        record = self.book.acknowledge(key, initials, self.now())
        return JobResult(True, f"Noted: {record.acknowledged_by}")

"""The screen's side of the catch-up sheet: print it for the pending (or the last) downtime, dismiss the
alert, note the initials typed. Runs on the screen's worker thread; the sheet goes to CUPS only (PHI).

The sheet's renderer and the schedule cache's libraries are imported only when a sheet is printed."""

from collections.abc import Callable
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from kiosk.reconcile.book import ReconcileBook
from kiosk.reconcile.downtimes import Downtime, find_downtimes, span_words
from kiosk.state.document import PendingDowntime, StateDocument
from kiosk.status.downtime_log import DowntimeWindow
from kiosk.status.level import Level
from kiosk.ui.desk import JobResult

if TYPE_CHECKING:
    from print_service.schedule.cache import ScheduleCache
    from print_service.schedule.nightly import PrintDocument

__all__ = ["CatchUpDesk", "downtime_from_pending", "last_downtime"]


def downtime_from_pending(pending: PendingDowntime) -> Downtime:
    """The state file's `reconcile.pending` back as a Downtime."""
    return Downtime(datetime.fromisoformat(pending.start),
                    datetime.fromisoformat(pending.end) if pending.end else None,
                    tuple(Level(level) for level in pending.levels))


def last_downtime(state: StateDocument | None) -> Downtime | None:
    """The most recent ended downtime in the state file's recent log, if any."""
    if state is None:
        return None
    try:
        windows = [DowntimeWindow.from_json(entry.to_json()) for entry in reversed(state.downtime_log)]
    except (ValueError, KeyError, TypeError):
        return None
    return next((d for d in find_downtimes(windows) if d.end is not None), None)


class CatchUpDesk:
    """Prints the sheet and keeps the reconcile book."""

    def __init__(self, cache: "ScheduleCache | None", print_document: "PrintDocument", book: ReconcileBook, *,
                 practice: str, zone: tzinfo, paper: str = "letter", now: Callable[[], datetime],
                 open_cache: "Callable[[], ScheduleCache | None] | None" = None) -> None:
        self.cache = cache
        self.open_cache = open_cache  # used instead of `cache` when given: the cache opened on first print
        self.print_document = print_document
        self.book = book
        self.practice = practice
        self.zone = zone
        self.paper = paper
        self.now = now

    def print_sheet(self, downtime: Downtime, progress: Callable[[str], None]) -> JobResult:
        """Print the catch-up sheet of `downtime` and note it in the book."""
        from kiosk.reconcile.sheet import SHEET_KIND, catchup_document

        now = self.now().astimezone(self.zone)
        if self.open_cache is not None:
            self.cache, self.open_cache = self.open_cache(), None
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

"""The catch-up alert: when a downtime of at least `reconcile.min_minutes` has ended, the daemon stands the
alert "ICANotes is back — print the catch-up sheet for the downtime 09:12–11:47" (screen and LED reminder)
until the sheet is printed or the alert is dismissed on the screen (both recorded in the reconcile book)."""

import logging
from datetime import datetime, tzinfo

from kiosk.reconcile.alert import ALERT_KIND, alert_message, pending_downtime
from kiosk.reconcile.book import ReconcileBook
from kiosk.reconcile.downtimes import Downtime, find_downtimes
from kiosk.reconcile.settings import ReconcileSettings
from kiosk.status.downtime_log import DowntimeLog
from kiosk.watch.state import WatchState

__all__ = ["ReconcilePart"]

log = logging.getLogger(__name__)


class ReconcilePart:
    """`state.reconcile` (`{pending: {key, start, end, level, levels, message} | null}`) and the alert."""

    name = "reconcile"

    def __init__(self, downtime_log: DowntimeLog, book: ReconcileBook, settings: ReconcileSettings, zone: tzinfo,
                 interval: float = 2.0) -> None:
        self.downtime_log = downtime_log
        self.book = book
        self.settings = settings
        self.zone = zone
        self.interval = interval
        self.pending: Downtime | None = None

    async def update(self, state: WatchState, now: datetime) -> bool:
        """Look at the log and the book; True when the alert or the block changed."""
        downtimes = find_downtimes(self.downtime_log.entries())
        pending = pending_downtime(downtimes, self.book.records(), self.settings.min_minutes)
        self.pending = pending
        if pending is None:
            block: dict[str, object] = {"pending": None}
            changed = state.clear_alert(ALERT_KIND)
            if changed:
                log.info("catch-up sheet printed or dismissed", extra={"EVENT": "alert_cleared", "KIND": ALERT_KIND})
        else:
            message = alert_message(pending, self.zone)
            block = {"pending": {**pending.to_json(), "message": message}}
            changed = state.raise_alert(ALERT_KIND, message, now)
            if changed:
                log.warning("alert: %s", message, extra={"EVENT": "alert", "KIND": ALERT_KIND})
        if block != state.reconcile:
            state.reconcile = block
            changed = True
        return changed

"""The recent downtime log in the state file: the status engine's windows, most recent first."""

from datetime import datetime

from kiosk.state.document import LogEntry
from kiosk.status.downtime_log import DowntimeLog
from kiosk.watch.state import DOWNTIME_LOG_LIMIT, WatchState

__all__ = ["DowntimeLogPart"]


class DowntimeLogPart:
    """`state.downtime_log` from the engine's persistent log (levels and times only)."""

    name = "downtime_log"

    def __init__(self, log: DowntimeLog, interval: float = 2.0) -> None:
        self.log = log
        self.interval = interval

    async def update(self, state: WatchState, now: datetime) -> bool:
        """Re-read the windows; True when they changed."""
        windows = tuple(LogEntry.from_json(window.to_json()) for window in self.log.recent(DOWNTIME_LOG_LIMIT))
        if windows == state.downtime_log:
            return False
        state.downtime_log = windows
        return True

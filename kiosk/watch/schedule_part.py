"""The schedule in the state file: refreshed on `schedule.refresh_minutes`, shown as freshness only.

Refreshing fetches and re-encrypts the schedule (blocking, in a daemon thread; on the box in a child process,
schedule_refresh.py); the state file gets source, fetched_at, count, stale and error, never an appointment. A stale
copy stands as the `schedule` alert so someone fixes the source before it is needed.

A refresh outlives the update that started it: the daemon gives each part 1.5 s before READY=1 and cancels the
rest, and a first fetch (a child process, a calendar over the network) takes longer. The next update waits for the
same refresh instead of reading the cache half-way, which on a first boot said "no schedule fetched yet. Call IT."
while the fetch was still running, and started no other refresh for `refresh_minutes`.
"""

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from kiosk.state.document import ScheduleBlock
from kiosk.watch.blocking import in_thread
from kiosk.watch.schedule_refresh import RefreshOutcome
from kiosk.watch.state import WatchState
from print_service.schedule.cache import ScheduleCache

__all__ = ["SchedulePart"]

log = logging.getLogger(__name__)

FRESHNESS_CHECK_SECONDS = 60.0


class SchedulePart:
    """Refreshes the cache every `refresh_minutes` and republishes its freshness every minute."""

    name = "schedule"

    def __init__(self, cache: ScheduleCache, refresh: Callable[[], RefreshOutcome] | None = None) -> None:
        self.cache = cache
        self.refresh = refresh or self._refresh_here
        self.interval = min(FRESHNESS_CHECK_SECONDS, cache.settings.refresh_minutes * 60.0)
        self._next_refresh: datetime | None = None
        self._refreshing: asyncio.Task[None] | None = None

    async def update(self, state: WatchState, now: datetime) -> bool:
        """Refresh when due, then read the freshness; True when the schedule block or its alert changed."""
        if not self.cache.settings.source:  # no schedule configured: nothing is stale, nothing to fetch
            changed = state.schedule != ScheduleBlock()
            state.schedule = ScheduleBlock()
            return state.clear_alert("schedule") or changed
        if self._refreshing is None and (self._next_refresh is None or now >= self._next_refresh):
            self._next_refresh = now + timedelta(minutes=self.cache.settings.refresh_minutes)
            self._refreshing = asyncio.ensure_future(self._refresh_once())
        await self._refresh_finished()
        freshness = await in_thread(self.cache.freshness, "kiosk-schedule")
        block = ScheduleBlock.from_json(freshness.to_json())
        changed = block != state.schedule
        state.schedule = block
        if freshness.stale:
            reason = freshness.error or "it has not been refreshed for too long"
            if state.raise_alert("schedule", f"The schedule copy is out of date ({reason}). Call IT.", now):
                log.warning("schedule copy is stale: %s", reason, extra={"EVENT": "alert", "KIND": "schedule"})
                changed = True
        elif state.clear_alert("schedule"):
            changed = True
        return changed

    async def _refresh_once(self) -> None:
        result = await in_thread(self.refresh, "kiosk-schedule")
        if not result.ok:
            log.warning("schedule refresh failed: %s", result.error, extra={"EVENT": "schedule_refresh_failed"})

    async def _refresh_finished(self) -> None:
        """Wait for the refresh in flight, if any; a cancelled update leaves it running for the next one."""
        task = self._refreshing
        if task is None:
            return
        try:
            await asyncio.shield(task)
        finally:
            if task.done():
                self._refreshing = None

    def _refresh_here(self) -> RefreshOutcome:
        return RefreshOutcome.of(self.cache.refresh())

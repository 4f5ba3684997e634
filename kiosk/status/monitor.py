"""The long-running monitor behind the watch daemon, the LED and the screen.

Every `poll_seconds` (± 10 % jitter) it runs one poll. A level changes only when
`confirm_polls` consecutive polls agree; while a new level waits for confirmation the next
poll comes after `confirm_seconds`. The first poll after start sets the level directly.
When the status page answers 429 or 5xx it is left alone for a while (doubling, at most
15 minutes, or longer if Retry-After says so), while the other probes carry on. The last
good status-page data is used for up to `STALE_AFTER_MISSES - 1` missed polls, then shown
marked stale and no longer decides anything. Every level change goes to the downtime log;
every published snapshot is saved, and restored (stale) at the next start.
"""

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

import httpx

from kiosk.status.downtime_log import DowntimeLog
from kiosk.status.fetch import new_client
from kiosk.status.guidance import guidance_for
from kiosk.status.level import Level
from kiosk.status.probe import Clock, PollOutcome, build_snapshot, local_now, run_probes
from kiosk.status.report import PageReport
from kiosk.status.settings import StatusSettings
from kiosk.status.snapshot import StatusSnapshot
from kiosk.status.snapshot_store import SnapshotStore
from print_service.paths import AppPaths

__all__ = ["JITTER", "MAX_BACKOFF_SECONDS", "STALE_AFTER_MISSES", "Listener", "StatusMonitor", "unknown_snapshot"]

log = logging.getLogger(__name__)

Listener = Callable[[StatusSnapshot], None]
Sleep = Callable[[float], Awaitable[None]]

STALE_AFTER_MISSES = 3
JITTER = 0.1
MAX_BACKOFF_SECONDS = 900.0
MAX_RETRY_AFTER_SECONDS = 3600.0


def unknown_snapshot(settings: StatusSettings) -> StatusSnapshot:
    """What is shown before anything is known: level `unknown`."""
    return StatusSnapshot(Level.UNKNOWN, "Checking whether ICANotes can be used…", None, stale=True,
                          guidance=guidance_for(Level.UNKNOWN, settings.upload_url))


class StatusMonitor:
    """Polls for as long as `run(stop)` runs and tells listeners about each published snapshot.

    >>> monitor = StatusMonitor(settings, paths)
    >>> unsubscribe = monitor.add_listener(lambda snap: print(snap.level))
    >>> await monitor.run(stop_event)

    `clock` gives aware datetimes and `sleep` waits; tests pass fakes to compress time.
    """

    def __init__(self, settings: StatusSettings, paths: AppPaths, *, clock: Clock = local_now,
                 sleep: Sleep = asyncio.sleep, rng: random.Random | None = None,
                 client: httpx.AsyncClient | None = None) -> None:
        self.settings = settings
        self.downtime_log = DowntimeLog(paths.state_dir)
        self._store = SnapshotStore(paths.state_dir)
        self._clock, self._sleep = clock, sleep
        self._rng = rng or random.Random()
        self._client, self._own_client = client, client is None
        self._listeners: list[Listener] = []
        restored = self._store.load()
        self._current = restored.as_stale() if restored else unknown_snapshot(settings)
        self._first_poll = True
        self._pending: Level | None = None
        self._pending_count = 0
        self._last_page: PageReport | None = None
        self._missed = 0
        self._backoff_failures = 0
        self._page_not_before: datetime | None = None

    # -- what others read -------------------------------------------------------------------
    @property
    def current(self) -> StatusSnapshot:
        """The published snapshot (restored and stale, or `unknown`, before the first poll)."""
        return self._current

    @property
    def pending(self) -> Level | None:
        """A level seen but not yet confirmed, if any."""
        return self._pending

    def add_listener(self, listener: Listener) -> Callable[[], None]:
        """Call `listener(snapshot)` on every publish; returns the function that unsubscribes it."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    # -- running ----------------------------------------------------------------------------
    async def run(self, stop: asyncio.Event) -> None:
        """Poll until `stop` is set; a failing poll is logged and the loop goes on."""
        try:
            while not stop.is_set():
                try:
                    await self.poll_once()
                except Exception:
                    log.exception("status poll failed unexpectedly; trying again at the next interval")
                await self._wait(self.next_delay(), stop)
        finally:
            await self.aclose()

    async def poll_once(self) -> StatusSnapshot:
        """Run one poll, apply the confirm rule, publish if the level holds or is confirmed; returns `current`."""
        now = self._clock()
        outcome = await run_probes(self.settings, self._http(), skip_page=self._backoff_reason(now))
        self._note_backoff(outcome, now)
        observed = self._observe(outcome, now)
        if self._first_poll or observed.level is self._current.level:
            self._first_poll = False
            self._publish(observed)
        else:
            self._pending_count = self._pending_count + 1 if observed.level is self._pending else 1
            self._pending = observed.level
            log.info("status: %s seen (%d of %d needed)", observed.level, self._pending_count,
                     self.settings.confirm_polls)
            if self._pending_count >= self.settings.confirm_polls:
                self._publish(observed)
        return self._current

    def next_delay(self) -> float:
        """Seconds until the next poll: `confirm_seconds` while a change waits, else the interval ± jitter."""
        if self._pending is not None:
            return self.settings.confirm_seconds
        return self.settings.poll_seconds * self._rng.uniform(1 - JITTER, 1 + JITTER)

    async def aclose(self) -> None:
        """Close the HTTP client the monitor opened."""
        if self._client is not None and self._own_client:
            await self._client.aclose()
            self._client = None

    async def __aenter__(self) -> "StatusMonitor":
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    # -- inside -----------------------------------------------------------------------------
    def _http(self) -> httpx.AsyncClient:
        if self._client is None:
            self._client = new_client(self.settings.timeout_seconds)
        return self._client

    def _observe(self, outcome: PollOutcome, now: datetime) -> StatusSnapshot:
        if outcome.page is not None:
            self._last_page, self._missed = outcome.page, 0
        else:
            self._missed += 1
        fresh_enough = self._missed < STALE_AFTER_MISSES
        decide_with = outcome.page or (self._last_page if fresh_enough else None)
        return build_snapshot(outcome.probes, decide_with, self.settings, now,
                              stale=outcome.page is None and not fresh_enough and self._last_page is not None,
                              shown_page=outcome.page or self._last_page, related=outcome.related)

    def _publish(self, snapshot: StatusSnapshot) -> None:
        self._pending, self._pending_count = None, 0
        if self.downtime_log.record(snapshot.level, snapshot.checked_at or self._clock()):
            log.info("status: level is now %s: %s", snapshot.level, snapshot.headline)
        self._current = snapshot
        self._store.save(snapshot)
        for listener in list(self._listeners):
            try:
                listener(snapshot)
            except Exception:
                log.exception("status listener %r failed", listener)

    def _backoff_reason(self, now: datetime) -> str | None:
        if self._page_not_before is None or now >= self._page_not_before:
            return None
        until = self._page_not_before.strftime("%H:%M:%S")
        return f"not asked until {until}: backing off after it answered with an error (429 or 5xx)"

    def _note_backoff(self, outcome: PollOutcome, now: datetime) -> None:
        if outcome.page is not None:
            self._backoff_failures, self._page_not_before = 0, None
        elif outcome.page_throttled:
            self._backoff_failures += 1
            wait = min(self.settings.poll_seconds * 2 ** min(self._backoff_failures, 10), MAX_BACKOFF_SECONDS)
            if outcome.retry_after is not None:
                wait = max(wait, min(outcome.retry_after, MAX_RETRY_AFTER_SECONDS))
            self._page_not_before = now + timedelta(seconds=wait)
            log.info("status page answered %s; not asking it again for %.0f s",
                     outcome.probes.status_page.http_status, wait)

    async def _wait(self, seconds: float, stop: asyncio.Event) -> None:
        if stop.is_set():
            return
        sleeper = asyncio.ensure_future(self._sleep(seconds))
        stopper = asyncio.ensure_future(stop.wait())
        try:
            await asyncio.wait({sleeper, stopper}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (sleeper, stopper):
                task.cancel()
            await asyncio.gather(sleeper, stopper, return_exceptions=True)

"""The monitor's memory and its one pure step: what a poll changes, decided on plain values.

`advance(memory, poll, now, settings)` takes what the monitor remembers (the level it last
published, a level waiting for confirmation, the last good status-page data and how many polls
missed it, the status page's backoff) and one poll's outcome, and returns the new memory and the
snapshot to publish, if any. The monitor (`kiosk.status.monitor`) only does the I/O around it.

- A level changes only when `confirm_polls` consecutive polls agree; the first poll of a run
  publishes at once.
- Status-page data from a missed poll is reused for `STALE_AFTER_MISSES - 1` polls, then shown
  marked stale and no longer decides anything.
- A 429 or 5xx from the status page leaves it alone for `poll_seconds * 2**failures` (at most
  15 minutes), or longer when Retry-After says so (at most an hour).
"""

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from kiosk.status.level import Level
from kiosk.status.observe import PollOutcome, build_snapshot
from kiosk.status.report import PageReport
from kiosk.status.settings import StatusSettings
from kiosk.status.snapshot import StatusSnapshot

__all__ = ["MAX_BACKOFF_SECONDS", "MAX_RETRY_AFTER_SECONDS", "STALE_AFTER_MISSES", "MonitorMemory", "Step",
           "advance", "backoff_reason"]

STALE_AFTER_MISSES = 3
MAX_BACKOFF_SECONDS = 900.0
MAX_RETRY_AFTER_SECONDS = 3600.0


@dataclass(frozen=True)
class MonitorMemory:
    """What the monitor carries from one poll to the next (a fresh run starts from `MonitorMemory()`)."""

    published: Level | None = None       # the level this run last published; None before the first poll
    pending: Level | None = None         # a different level seen, waiting for confirmation
    pending_count: int = 0
    last_page: PageReport | None = None  # the last status-page data that could be read
    missed: int = 0                      # polls since it was read
    backoff_failures: int = 0            # 429/5xx answers in a row
    page_not_before: datetime | None = None


@dataclass(frozen=True)
class Step:
    """The outcome of one step: the new memory, the snapshot to publish (None while a change waits),
    what the poll showed, and the backoff just started (seconds), if any."""

    memory: MonitorMemory
    publish: StatusSnapshot | None
    observed: StatusSnapshot
    backoff_seconds: float | None = None


def backoff_reason(memory: MonitorMemory, now: datetime) -> str | None:
    """Why the status page is not asked at `now` (None: ask it)."""
    if memory.page_not_before is None or now >= memory.page_not_before:
        return None
    until = memory.page_not_before.strftime("%H:%M:%S")
    return f"not asked until {until}: backing off after it answered with an error (429 or 5xx)"


def advance(memory: MonitorMemory, poll: PollOutcome, now: datetime, settings: StatusSettings) -> Step:
    """Apply one poll to `memory`: backoff, last good page, confirmation. Pure."""
    memory, backoff = _note_backoff(memory, poll, now, settings)
    memory, observed = _observe(memory, poll, now, settings)
    if memory.published is None or observed.level is memory.published:
        return Step(_published(memory, observed.level), observed, observed, backoff)
    count = memory.pending_count + 1 if observed.level is memory.pending else 1
    if count >= settings.confirm_polls:
        return Step(_published(memory, observed.level), observed, observed, backoff)
    return Step(replace(memory, pending=observed.level, pending_count=count), None, observed, backoff)


def _published(memory: MonitorMemory, level: Level) -> MonitorMemory:
    return replace(memory, published=level, pending=None, pending_count=0)


def _observe(memory: MonitorMemory, poll: PollOutcome, now: datetime,
             settings: StatusSettings) -> tuple[MonitorMemory, StatusSnapshot]:
    if poll.page is not None:
        memory = replace(memory, last_page=poll.page, missed=0)
    else:
        memory = replace(memory, missed=memory.missed + 1)
    fresh_enough = memory.missed < STALE_AFTER_MISSES
    decide_with = poll.page or (memory.last_page if fresh_enough else None)
    snapshot = build_snapshot(poll.probes, decide_with, settings, now,
                              stale=poll.page is None and not fresh_enough and memory.last_page is not None,
                              shown_page=poll.page or memory.last_page, related=poll.related)
    return memory, snapshot


def _note_backoff(memory: MonitorMemory, poll: PollOutcome, now: datetime,
                  settings: StatusSettings) -> tuple[MonitorMemory, float | None]:
    if poll.page is not None:
        return replace(memory, backoff_failures=0, page_not_before=None), None
    if not poll.page_throttled:
        return memory, None
    failures = memory.backoff_failures + 1
    wait = min(settings.poll_seconds * 2 ** min(failures, 10), MAX_BACKOFF_SECONDS)
    if poll.retry_after is not None:
        wait = max(wait, min(poll.retry_after, MAX_RETRY_AFTER_SECONDS))
    return replace(memory, backoff_failures=failures, page_not_before=now + timedelta(seconds=wait)), wait

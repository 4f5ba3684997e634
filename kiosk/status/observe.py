"""From what one poll saw to what people are told: the raw outcome of a poll and the snapshot dressed from it.

Pure apart from logging each unknown value or stale maintenance once; the monitor's pure step
(`kiosk.status.step`) and the one-shot probe both build snapshots here.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from kiosk.status.current_page import current_page
from kiosk.status.decide import decide
from kiosk.status.guidance import guidance_for
from kiosk.status.related_guidance import fold_related
from kiosk.status.related_service import RelatedResult
from kiosk.status.report import PageReport
from kiosk.status.settings import StatusSettings
from kiosk.status.snapshot import PageSummary, Probes, StatusSnapshot

__all__ = ["Clock", "PollOutcome", "build_snapshot", "local_now"]

log = logging.getLogger("kiosk.status.probe")  # the name these messages always had
Clock = Callable[[], datetime]
"""A wall clock: aware datetimes (the `now` of every status function)."""


def local_now() -> datetime:
    """Now, with the local offset (what `checked_at` and the downtime log show)."""
    return datetime.now().astimezone()



@dataclass(frozen=True)
class PollOutcome:
    """The raw result of one poll: the four probes and the status page as read (None if not)."""

    probes: Probes
    page: PageReport | None
    page_throttled: bool = False      # the status page answered 429 or 5xx: back off
    retry_after: float | None = None  # seconds, from its Retry-After header
    related: tuple[RelatedResult, ...] = ()  # [[status.related]]: shown and folded into guidance, never decide



def build_snapshot(probes: Probes, page: PageReport | None, settings: StatusSettings, now: datetime, *,
                   stale: bool = False, shown_page: PageReport | None = None,
                   related: tuple[RelatedResult, ...] = ()) -> StatusSnapshot:
    """Decide the level for what was seen and dress it for people: headline, lists, guidance.

    The level is decided with `page`; `shown_page` (default `page`) is what the lists show,
    e.g. the last good status-page data once it is too old to decide with.
    """
    page, shown_page = _current(page, now, settings), _current(shown_page, now, settings)
    verdict = decide(probes, page, ehr_on=bool(settings.ehr_url), upload_on=bool(settings.upload_url),
                     watch=settings.watch_components, now=now)
    _log_unknown_once(verdict.unknown_values)
    page = shown_page or page
    in_progress = tuple(m for m in page.maintenances if m not in verdict.upcoming) if page else ()
    return StatusSnapshot(
        level=verdict.level,
        headline=verdict.headline,
        checked_at=now.replace(microsecond=0),
        stale=stale,
        page=PageSummary(page.name, page.status) if page else PageSummary(),
        components=page.components if page else (),
        incidents=page.incidents if page else (),
        maintenances=in_progress + verdict.upcoming,
        probes=probes,
        guidance=fold_related(verdict.level, guidance_for(verdict.level, settings.upload_url), related,
                              tuple(s.name for s in settings.related if s.is_prescribing)),
        related=related,
    )


_logged_unknown: set[str] = set()
_logged_stale: set[tuple[str, str]] = set()


def _current(page: PageReport | None, now: datetime, settings: StatusSettings) -> PageReport | None:
    """The page without past "scheduled" maintenances (logged once each) and unwatched ones."""
    if page is None:
        return None
    current = current_page(page, now, settings.watch_components)
    for maintenance in current.stale:
        key = (maintenance.name, str(maintenance.start))
        if key not in _logged_stale and len(_logged_stale) < 200:
            _logged_stale.add(key)
            log.warning("status page: maintenance %r is still marked %s but its window ended (%s): stale vendor "
                        "data, not shown", maintenance.name, maintenance.status, maintenance.end or maintenance.start)
    return current.page


def _log_unknown_once(values: tuple[str, ...]) -> None:
    for value in values:
        if value not in _logged_unknown and len(_logged_unknown) < 200:
            _logged_unknown.add(value)
            log.warning("status page: unknown %s, counted as degraded", value)



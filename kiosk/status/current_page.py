"""The status page as it matters here and now: stale announcements and unwatched maintenances left out.

Vendors leave maintenances marked "scheduled" long after their window ended; announcing one
("Maintenance planned for Wed 17 Jun") would be false. With `status.watch_components` set,
a maintenance that names only components nobody here uses is not ours to list. Pure: the
caller passes `now` and logs what was dropped as stale.
"""

from dataclasses import dataclass, replace
from datetime import datetime

from kiosk.status.page_signals import is_watched
from kiosk.status.report import Maintenance, PageReport, enum_key

__all__ = ["CurrentPage", "current_page"]

_NOT_STARTED = {"NOTSTARTEDYET", "SCHEDULED"}


@dataclass(frozen=True, slots=True)
class CurrentPage:
    """`page` with only current, relevant maintenances; `stale` lists the past "scheduled" ones dropped."""

    page: PageReport
    stale: tuple[Maintenance, ...] = ()


def _is_past(maintenance: Maintenance, now: datetime) -> bool:
    """Announced as not started yet, but its window (or, without an end, its start) is over."""
    if enum_key(maintenance.status) not in _NOT_STARTED:
        return False
    over = maintenance.end or maintenance.start
    return over is not None and over <= now


def _concerns_us(maintenance: Maintenance, page: PageReport, watch: tuple[str, ...]) -> bool:
    if not watch or not maintenance.component_ids:
        return True
    watched = {c.id for c in page.components if is_watched(c, watch)}
    return bool(watched & set(maintenance.component_ids))


def current_page(page: PageReport, now: datetime, watch: tuple[str, ...] = ()) -> CurrentPage:
    """The page without past "scheduled" maintenances and, when `watch` is set, unwatched ones."""
    stale = tuple(m for m in page.maintenances if _is_past(m, now))
    kept = tuple(m for m in page.maintenances if m not in stale and _concerns_us(m, page, watch))
    return CurrentPage(replace(page, maintenances=kept), stale)

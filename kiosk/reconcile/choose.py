"""Which downtime `downtime-kiosk reconcile` prints: the latest, the N-th (`--window N`), or `--from/--to`."""

from collections.abc import Sequence
from datetime import datetime, tzinfo

from kiosk.errors import UsageError
from kiosk.reconcile.downtimes import DOWN_LEVELS, Downtime
from kiosk.status.downtime_log import DowntimeWindow
from kiosk.status.level import Level

__all__ = ["by_number", "by_times", "parse_moment"]


def parse_moment(option: str, text: str, zone: tzinfo) -> datetime:
    """An ISO 8601 time ("2026-11-01T01:30", "2026-11-01 01:30-04:00"); without an offset, in `zone`."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"{option}: expected a time such as 2026-11-25T09:12 (ISO 8601), got {text!r}") from None
    return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment


def by_number(downtimes: Sequence[Downtime], number: int | None) -> Downtime:
    """The `number`-th downtime, most recent first (1 when not given)."""
    if not downtimes:
        raise UsageError("no downtime is recorded in the downtime log yet (use --from and --to)")
    wanted = number or 1
    if not 1 <= wanted <= len(downtimes):
        raise UsageError(f"--window: expected a number from 1 to {len(downtimes)} (see --list), got {wanted}")
    return downtimes[wanted - 1]


def by_times(windows: Sequence[DowntimeWindow], start: datetime, end: datetime) -> Downtime:
    """A downtime given by hand; its levels are those the log recorded in that time, if any."""
    if end <= start:
        raise UsageError(f"--to: expected a time after --from ({start.isoformat()}), got {end.isoformat()}")
    levels: list[Level] = []
    for window in windows:
        overlaps = window.start < end and (window.end is None or window.end > start)
        if overlaps and window.level in DOWN_LEVELS and (not levels or levels[-1] is not window.level):
            levels.append(window.level)
    return Downtime(start, end, tuple(levels))

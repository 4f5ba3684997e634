"""The downtime log as `status --log --json` shows it: every window, and for those inside a downtime the
catch-up sheet's record (printed when, acknowledged by whom), keyed by that downtime."""

from collections.abc import Mapping, Sequence
from typing import Any

from kiosk.reconcile.book import ReconcileRecord
from kiosk.reconcile.downtimes import DOWN_LEVELS, Downtime, find_downtimes
from kiosk.status.downtime_log import DowntimeWindow

__all__ = ["log_json"]


def log_json(windows: Sequence[DowntimeWindow], records: Mapping[str, ReconcileRecord]) -> list[dict[str, Any]]:
    """One object per window, oldest first: `{level, start, end, drill: false, downtime, reconcile}`."""
    downtimes = find_downtimes(windows)
    rows = []
    for window in windows:
        owner = _downtime_of(window, downtimes)
        record = records.get(owner.key) if owner is not None else None
        rows.append({**window.to_json(), "drill": False, "downtime": owner.key if owner else None,
                     "reconcile": (record or ReconcileRecord()).to_json() if owner else None})
    return rows


def _downtime_of(window: DowntimeWindow, downtimes: Sequence[Downtime]) -> Downtime | None:
    if window.level not in DOWN_LEVELS:
        return None
    for downtime in downtimes:
        if downtime.start <= window.start and (downtime.end is None or window.start < downtime.end):
            return downtime
    return None

"""Downtimes from the downtime log (pure): runs of consecutive windows during which ICANotes could not be
used for notes (outage, regional outage, maintenance, clinic offline). Degraded counts as usable.

A downtime ends when a usable level begins; the one still going has no end. Drills never reach the
downtime log, so they never appear here.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo

from kiosk.status.downtime_log import DowntimeWindow
from kiosk.status.level import Level

__all__ = ["DOWN_LEVELS", "Downtime", "find_downtimes", "span_words"]

DOWN_LEVELS = (Level.OUTAGE, Level.REGIONAL_OUTAGE, Level.MAINTENANCE, Level.OFFLINE)
_SEVERITY = (Level.REGIONAL_OUTAGE, Level.OUTAGE, Level.OFFLINE, Level.MAINTENANCE)


@dataclass(frozen=True, slots=True)
class Downtime:
    """One downtime: when it began and ended (None while it lasts) and the levels it went through, in order."""

    start: datetime
    end: datetime | None
    levels: tuple[Level, ...]

    @property
    def key(self) -> str:
        """Its identity in the reconcile book: the start in UTC, to the second."""
        return self.start.astimezone(UTC).isoformat(timespec="seconds")

    @property
    def level(self) -> Level:
        """The most severe level it reached."""
        return min(self.levels, key=_SEVERITY.index, default=Level.UNKNOWN)

    @property
    def level_words(self) -> str:
        """"outage", or "outage, then regional_outage" when it changed."""
        return ", then ".join(level.value for level in self.levels)

    def lasted(self, now: datetime) -> timedelta:
        """How long it lasted (until `now` while it lasts)."""
        return (self.end or now) - self.start

    def to_json(self) -> dict[str, object]:
        """`{key, start, end, level, levels}`."""
        return {"key": self.key, "start": self.start.isoformat(timespec="seconds"),
                "end": self.end.isoformat(timespec="seconds") if self.end else None,
                "level": self.level.value, "levels": [level.value for level in self.levels]}


def find_downtimes(windows: Sequence[DowntimeWindow]) -> list[Downtime]:
    """Every downtime in the log, most recent first."""
    found: list[Downtime] = []
    start: datetime | None = None
    levels: list[Level] = []
    for window in windows:
        if window.level in DOWN_LEVELS:
            if start is None:
                start, levels = window.start, []
            if not levels or levels[-1] is not window.level:
                levels.append(window.level)
            continue
        if start is not None:
            found.append(Downtime(start, window.start, tuple(levels)))
            start = None
    if start is not None:
        last = windows[-1]
        found.append(Downtime(start, last.end, tuple(levels)))
    return list(reversed(found))


def span_words(downtime: Downtime, zone: tzinfo) -> str:
    """"09:12–11:47" in the practice's zone; with dates when it did not start and end on one day."""
    start = downtime.start.astimezone(zone)
    if downtime.end is None:
        return f"{start:%H:%M}–now"
    end = downtime.end.astimezone(zone)
    if start.date() == end.date():
        return f"{start:%H:%M}–{end:%H:%M}"
    return f"{start:%b} {start.day} {start:%H:%M}–{end:%b} {end.day} {end:%H:%M}"

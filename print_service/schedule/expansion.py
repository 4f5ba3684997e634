"""How far a calendar may expand: the caps that keep one event from eating the Pi (pure).

One 190-byte event with `RRULE:FREQ=SECONDLY` asks for 2.7 million occurrences in a month;
the recurrence library (through dateutil) would build every one of them, and iterate from
the event's first start to get there. So before anything is expanded each repeat rule gets
an upper bound of its occurrences per day and of the steps from its start to the end of the
window (`rule_bounds`), and rules past the caps are refused; during the expansion the real
occurrences are counted and the expansion stops at the caps (`OccurrenceCounter`).
Errors name the line of the event's UID, never its summary (which is a patient's name).
"""

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from typing import Any

__all__ = ["DEFAULT_MAX_APPOINTMENTS", "DEFAULT_MAX_PER_DAY", "ExpansionLimits", "OccurrenceCounter",
           "RuleBound", "rule_bound", "uid_lines"]

DEFAULT_MAX_APPOINTMENTS = 2000
DEFAULT_MAX_PER_DAY = 200
_STEPS_PER_CAP = 50  # a rule may be stepped through this many times the total cap from its start (history)
_PER_DAY = {"SECONDLY": 86400, "MINUTELY": 1440, "HOURLY": 24}
_UID_RE = re.compile(r"^UID[;:]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ExpansionLimits:
    """`schedule.max_appointments` in the whole window and `schedule.max_appointments_per_day`."""

    total: int = DEFAULT_MAX_APPOINTMENTS
    per_day: int = DEFAULT_MAX_PER_DAY

    @property
    def steps(self) -> int:
        """How many occurrences one rule may produce from its first start to the window's end."""
        return self.total * _STEPS_PER_CAP


@dataclass(frozen=True, slots=True)
class RuleBound:
    """At most this many occurrences per day, and this many from the rule's start to the window's end."""

    per_day: int
    steps: float


def _count(parts: dict[str, Any], key: str) -> int:
    values = parts.get(key)
    return len(values) if isinstance(values, list) and values else 0


def rule_bound(parts: dict[str, Any], first: date | datetime, window_end: datetime) -> RuleBound:
    """An upper bound of what one RRULE (icalendar's vRecur as a dict) expands to.

    At most one occurrence per day comes from a DAILY or coarser frequency; BYHOUR,
    BYMINUTE and BYSECOND multiply, finer frequencies give 24, 1440 or 86400 a day (over
    INTERVAL). COUNT caps the steps; UNTIL and the window's end cap the days.
    """
    freq = str((parts.get("FREQ") or ["DAILY"])[0]).upper()
    interval = max(1, int((parts.get("INTERVAL") or [1])[0]))
    hours = _count(parts, "BYHOUR") or (24 if freq in _PER_DAY else 1)
    minutes = _count(parts, "BYMINUTE") or (60 if freq in ("MINUTELY", "SECONDLY") else 1)
    seconds = _count(parts, "BYSECOND") or (60 if freq == "SECONDLY" else 1)
    per_day = hours * minutes * seconds
    if freq in _PER_DAY:
        per_day = min(per_day, math.ceil(_PER_DAY[freq] / interval))
    start_day = first.date() if isinstance(first, datetime) else first
    days = max(1, (window_end.date() - start_day).days + 1)
    until = (parts.get("UNTIL") or [None])[0]
    if isinstance(until, date):
        until_day = until.date() if isinstance(until, datetime) else until
        days = max(1, min(days, (until_day - start_day).days + 1))
    steps: float = per_day * days
    count = (parts.get("COUNT") or [None])[0]
    if isinstance(count, int):
        steps = min(steps, count)
    return RuleBound(per_day, steps)


def uid_lines(text: str) -> dict[str, int]:
    """Each UID's first line number in the raw file (1-based), to point at an event without quoting it."""
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if _UID_RE.match(line):
            uid = line.split(":", 1)[1].strip() if ":" in line else ""
            lines.setdefault(uid, number)
    return lines


@dataclass
class OccurrenceCounter:
    """Counts occurrences as they are expanded; `add()` says when a cap is passed and whose fault it is."""

    limits: ExpansionLimits
    zone: tzinfo
    total: int = 0
    by_uid: Counter[str] = field(default_factory=Counter)
    by_day: Counter[date] = field(default_factory=Counter)
    by_day_uid: Counter[tuple[date, str]] = field(default_factory=Counter)

    def add(self, uid: str, start: date | datetime) -> tuple[str, str] | None:
        """Count one occurrence; (the UID most to blame, the cap passed) once a cap is passed, else None."""
        day = start.astimezone(self.zone).date() if isinstance(start, datetime) else start
        self.total += 1
        self.by_uid[uid] += 1
        self.by_day[day] += 1
        self.by_day_uid[(day, uid)] += 1
        if self.by_day[day] > self.limits.per_day:
            worst = max((u for d, u in self.by_day_uid if d == day), key=lambda u: self.by_day_uid[(day, u)])
            return worst, f"at most {self.limits.per_day} appointments a day (schedule.max_appointments_per_day)"
        if self.total > self.limits.total:
            worst = self.by_uid.most_common(1)[0][0]
            return worst, f"at most {self.limits.total} appointments in all (schedule.max_appointments)"
        return None


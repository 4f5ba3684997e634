"""The normalised appointment and the pure rules over a list of them (no I/O).

Every source (iCalendar, CSV) becomes a list of `Appointment`s with aware start and end
times in the practice's zone; everything after parsing works on this model only.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

__all__ = ["Appointment", "appointments_on", "in_window", "is_clinic_day", "next_clinic_day"]


@dataclass(frozen=True, slots=True)
class Appointment:
    """One visit (or an all-day entry such as "office closed"); `start`/`end` are aware."""

    start: datetime
    end: datetime
    title: str = ""
    patient: str = ""
    provider: str = ""
    type: str = ""
    location: str = ""
    all_day: bool = False

    def to_json(self) -> dict[str, object]:
        """The `schedule show --json` form: start and end as ISO 8601 with offset."""
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "title": self.title,
            "patient": self.patient,
            "provider": self.provider,
            "type": self.type,
            "location": self.location,
            "all_day": self.all_day,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> "Appointment":
        """The inverse of `to_json` (used by the encrypted cache)."""
        return cls(
            start=datetime.fromisoformat(str(data["start"])),
            end=datetime.fromisoformat(str(data["end"])),
            title=str(data.get("title", "")),
            patient=str(data.get("patient", "")),
            provider=str(data.get("provider", "")),
            type=str(data.get("type", "")),
            location=str(data.get("location", "")),
            all_day=bool(data.get("all_day", False)),
        )


def _day_bounds(day: date, zone: tzinfo) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(0), zone)
    return start, datetime.combine(day + timedelta(days=1), time(0), zone)


def appointments_on(appointments: Iterable[Appointment], day: date, zone: tzinfo) -> list[Appointment]:
    """The appointments that touch `day` in `zone`, all-day entries first, then by start."""
    start, end = _day_bounds(day, zone)
    chosen = [a for a in appointments if start <= a.start < end or (a.start < start < a.end)]
    return sorted(chosen, key=lambda a: (not a.all_day, a.start, a.provider, a.end))


def is_clinic_day(appointments: Iterable[Appointment], day: date, zone: tzinfo) -> bool:
    """A clinic day has at least one timed appointment; all-day entries ("office closed") do not count."""
    return any(not a.all_day for a in appointments_on(appointments, day, zone))


def next_clinic_day(appointments: Sequence[Appointment], today: date, zone: tzinfo, lookahead_days: int) -> date | None:
    """The first day after `today`, at most `lookahead_days` ahead, with timed appointments.

    >>> next_clinic_day(appts, date(2026, 11, 27), zone, 4)   # a Friday
    datetime.date(2026, 11, 30)                               # prints Monday
    """
    for offset in range(1, lookahead_days + 1):
        day = today + timedelta(days=offset)
        if is_clinic_day(appointments, day, zone):
            return day
    return None


def in_window(appointments: Iterable[Appointment], start: datetime, end: datetime) -> list[Appointment]:
    """The appointments that end after `start` and begin before `end`, sorted by start."""
    return sorted((a for a in appointments if a.end > start and a.start < end), key=lambda a: (a.start, a.provider))

"""Reading an iCalendar feed into appointments, with icalendar and recurring-ical-events.

The libraries expand RRULE/RDATE, drop EXDATE occurrences, apply RECURRENCE-ID overrides
and resolve VTIMEZONE/TZID (and Google's X-WR-TIMEZONE). Here: cancelled events are left
out, all-day events are marked, floating times are taken in the practice's zone, and the
patient and provider are taken from where `schedule.patient_from`/`provider_from` say.
Parser errors never quote the feed (it holds PHI): only the kind of error and the line of the
event's UID are shown. Expansion is capped (`expansion.py`), so no calendar can eat the Pi.
"""

import re
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

import icalendar
import recurring_ical_events

from print_service.errors import ScheduleError
from print_service.schedule.expansion import ExpansionLimits, OccurrenceCounter, rule_bound, uid_lines
from print_service.schedule.messages import content_error_text
from print_service.schedule.model import Appointment

__all__ = ["events_near", "parse_ics"]

_EVENT_RE = re.compile(r"^BEGIN:VEVENT\r?$.*?^END:VEVENT\r?$", re.MULTILINE | re.DOTALL)
_REPEATS_RE = re.compile(r"^(?:RRULE|RDATE|RECURRENCE-ID|EXRULE)[;:]", re.MULTILINE | re.IGNORECASE)
_DTSTART_RE = re.compile(r"^DTSTART[^:\r\n]*:(\d{8})", re.MULTILINE | re.IGNORECASE)
_DTEND_RE = re.compile(r"^DTEND[^:\r\n]*:(\d{8})", re.MULTILINE | re.IGNORECASE)
_MARGIN = timedelta(days=2)


def parse_ics(text: str, origin: str, zone: tzinfo, window: tuple[datetime, datetime], *,
              patient_from: str = "summary", provider_from: str = "calendar",
              limits: ExpansionLimits | None = None) -> list[Appointment]:
    """Every non-cancelled occurrence within `window`, as appointments in `zone`, within `limits`."""
    caps = limits or ExpansionLimits()
    calendar = _calendar(events_near(text, window, caps, origin), origin)
    calendar_name = str(calendar.get("X-WR-CALNAME", "") or "")
    _check_rules(calendar, text, origin, window, caps)
    events = _expand(calendar, text, origin, window, caps, zone=zone)
    appointments = []
    for event in events:
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            continue
        appointment = _appointment(event, zone, calendar_name, patient_from, provider_from)
        if appointment is not None:
            appointments.append(appointment)
    return sorted(appointments, key=lambda a: (a.start, a.provider, a.title))


def events_near(text: str, window: tuple[datetime, datetime], limits: ExpansionLimits, origin: str) -> str:
    """`text` without the single events that plainly lie outside `window` (two days' margin either side).

    A feed with years of history is mostly such events, and icalendar holds about 7 KB per
    event: 95,000 of them (a 10 MB feed) would take 630 MB, more than the Pi has. An event
    that repeats, moves an occurrence, or has no start this can read is always kept; more
    than `limits.total` * 2 events kept is refused before parsing.
    """
    low, high = window[0].date() - _MARGIN, window[1].date() + _MARGIN
    kept = 0

    def keep_or_drop(match: re.Match[str]) -> str:
        nonlocal kept
        block = match.group(0)
        if not _REPEATS_RE.search(block):
            start, end = _DTSTART_RE.search(block), _DTEND_RE.search(block)
            first = _day(start.group(1)) if start else None
            last = _day(end.group(1)) if end else first
            if first is not None and last is not None and (first > high or last < low):
                return ""
        kept += 1
        return block

    trimmed = _EVENT_RE.sub(keep_or_drop, text)
    if kept > 2 * limits.total:
        raise ScheduleError(content_error_text(
            origin, f"at most {2 * limits.total} events near the next {(window[1] - window[0]).days} days "
                    f"(twice schedule.max_appointments), not {kept}", fmt="iCalendar"))
    return trimmed


def _day(digits: str) -> date | None:
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None


def _refuse(text: str, origin: str, uid: str, expected: str) -> ScheduleError:
    line = uid_lines(text).get(uid)
    where = " (the event whose UID is on this line)" if line is not None else ""
    return ScheduleError(content_error_text(origin, expected + where, line=line, fmt="iCalendar"))


def _rules(event: Any) -> list[Any]:
    found = event.get("RRULE")
    return [] if found is None else found if isinstance(found, list) else [found]


def _rdate_count(event: Any) -> int:
    found = event.get("RDATE")
    lists = [] if found is None else found if isinstance(found, list) else [found]
    return sum(len(getattr(item, "dts", [])) for item in lists)


def _check_rules(calendar: Any, text: str, origin: str, window: tuple[datetime, datetime],
                 limits: ExpansionLimits) -> None:
    """Refuse, before expanding anything, a repeat rule that would go past the caps."""
    for event in calendar.walk("VEVENT"):
        uid = str(event.get("UID", ""))
        if _rdate_count(event) > limits.total:
            raise _refuse(text, origin, uid, f"at most {limits.total} extra dates (RDATE) in one event "
                                             "(schedule.max_appointments)")
        try:
            first = event.decoded("DTSTART")
        except Exception:  # a broken start is the expansion's error to report
            continue
        for rule in _rules(event):
            bound = rule_bound(dict(rule), first, window[1])
            if bound.per_day > limits.per_day:
                raise _refuse(text, origin, uid, f"an event repeating at most {limits.per_day} times a day "
                                                 f"(schedule.max_appointments_per_day), not up to {bound.per_day}")
            if bound.steps > limits.steps:
                raise _refuse(text, origin, uid, f"a repeat rule of at most {limits.steps} occurrences from its "
                                                 "start (it repeats too often for too long)")


def _expand(calendar: Any, text: str, origin: str, window: tuple[datetime, datetime], limits: ExpansionLimits, *,
            zone: tzinfo) -> list[Any]:
    """The occurrences in `window`, counted as they come; stops at the first cap passed."""
    counter = OccurrenceCounter(limits, zone)
    found: list[Any] = []
    uid = ""
    try:
        query = recurring_ical_events.of(calendar)
        start, end = query.to_datetime(window[0]), query.to_datetime(window[1])
        for series in query.series:
            uid = str(series.uid or "")
            for occurrence in series.between(start, end):
                component = occurrence.as_component(False)
                over = counter.add(uid, component.decoded("DTSTART"))
                if over is not None:
                    raise _refuse(text, origin, over[0], over[1])
                found.append(component)
    except ScheduleError:
        raise
    except Exception as exc:  # the library raises many kinds for a broken series
        raise _refuse(text, origin, uid, f"a recurring event that can be expanded ({type(exc).__name__})") \
            from None
    return found


def _calendar(text: str, origin: str) -> Any:
    try:
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
    except Exception as exc:  # icalendar raises ValueError, KeyError, IndexError … on broken input
        raise ScheduleError(f"schedule source {origin}: not a valid iCalendar file ({type(exc).__name__} "
                            "while parsing)") from None
    found = [c for c in calendars if getattr(c, "name", "") == "VCALENDAR"]
    if not found:
        raise ScheduleError(f"schedule source {origin}: not a valid iCalendar file (no VCALENDAR)")
    return found[0]


def _moment(value: date | datetime, zone: tzinfo) -> datetime:
    if isinstance(value, datetime):
        return value.replace(tzinfo=zone) if value.tzinfo is None else value.astimezone(zone)
    return datetime.combine(value, time(0), zone)


def _appointment(event: Any, zone: tzinfo, calendar_name: str, patient_from: str,
                 provider_from: str) -> Appointment | None:
    try:
        raw_start = event.decoded("DTSTART")
    except KeyError:
        return None
    all_day = not isinstance(raw_start, datetime)
    start = _moment(raw_start, zone)
    end = _end(event, raw_start, start, zone, all_day)
    return Appointment(
        start=start,
        end=end,
        title=_text(event.get("SUMMARY")),
        patient=_field(event, patient_from, calendar_name),
        provider=_field(event, provider_from, calendar_name),
        type=_categories(event),
        location=_text(event.get("LOCATION")),
        all_day=all_day,
    )


def _end(event: Any, raw_start: date | datetime, start: datetime, zone: tzinfo, all_day: bool) -> datetime:
    if "DTEND" in event:
        return max(_moment(event.decoded("DTEND"), zone), start)
    if "DURATION" in event:
        duration: timedelta = event.decoded("DURATION")
        return start + duration
    return _moment(raw_start + timedelta(days=1), zone) if all_day else start


def _text(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _categories(event: Any) -> str:
    value = event.get("CATEGORIES")
    if value is None:
        return ""
    items: Iterable[Any] = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        names.extend(str(c) for c in getattr(item, "cats", [item]))
    return ", ".join(n for n in names if n)


def _person(value: Any) -> str:
    if value is None:
        return ""
    first = value[0] if isinstance(value, list) else value
    name = getattr(first, "params", {}).get("CN", "")
    return str(name) if name else str(first).removeprefix("mailto:").removeprefix("MAILTO:")


def _field(event: Any, source: str, calendar_name: str) -> str:
    kind, _, label = source.partition(":")
    if kind == "description" and label:
        return _labelled_line(_raw_text(event.get("DESCRIPTION")), label)
    simple = {
        "summary": lambda: _text(event.get("SUMMARY")),
        "description": lambda: _text(event.get("DESCRIPTION")),
        "location": lambda: _text(event.get("LOCATION")),
        "organizer": lambda: _person(event.get("ORGANIZER")),
        "attendee": lambda: _person(event.get("ATTENDEE")),
        "categories": lambda: _categories(event),
        "calendar": lambda: calendar_name,
    }
    getter = simple.get(kind)
    return getter() if getter else ""


def _raw_text(value: object) -> str:
    return str(value) if value is not None else ""


def _labelled_line(text: str, label: str) -> str:
    wanted = label.strip().lower()
    for line in text.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() == wanted:
            return " ".join(value.split())
    return ""

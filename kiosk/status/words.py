"""Status words for people: vendor states, sentence ends and dates, spelled one way everywhere.

The one humaniser for what status pages say. Both vendors' spellings of a state
(`DEGRADEDPERFORMANCE`, `degraded_performance`) read "degraded performance"; a vendor's name
for an incident is used inside our own sentences without its full stop; a date carries its
year only when it is not this year. Pure: the caller passes `now`.
"""

import re
from datetime import date, datetime, timedelta

from kiosk.status.report import enum_key

__all__ = ["clause", "day_words", "moment_words", "sentence", "state_words"]

_STATES = {
    "OPERATIONAL": "operational", "DEGRADEDPERFORMANCE": "degraded performance", "PARTIALOUTAGE": "partial outage",
    "MINOROUTAGE": "minor outage", "MAJOROUTAGE": "major outage", "UNDERMAINTENANCE": "under maintenance",
    "INVESTIGATING": "investigating", "IDENTIFIED": "identified", "MONITORING": "monitoring",
    "RESOLVED": "resolved", "POSTMORTEM": "postmortem", "NOTSTARTEDYET": "not started yet",
    "SCHEDULED": "scheduled", "INPROGRESS": "in progress", "VERIFYING": "verifying", "COMPLETED": "completed",
    "HASISSUES": "has issues", "UP": "up", "NONE": "none", "MINOR": "minor", "MAJOR": "major",
    "CRITICAL": "critical", "MAINTENANCE": "maintenance",
}
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_TRAILING = " \t.;:,"


def state_words(value: str | None) -> str:
    """A component, incident or maintenance state in lower-case words ("partial outage")."""
    known = _STATES.get(enum_key(value))
    if known is not None:
        return known
    spaced = _CAMEL.sub(" ", (value or "").strip()).replace("_", " ").replace("-", " ")
    return " ".join(spaced.lower().split())


def clause(text: str) -> str:
    """`text` without its closing full stop, so it can sit inside a sentence of ours."""
    return text.strip().rstrip(_TRAILING) if not text.rstrip().endswith("…") else text.strip()


def sentence(text: str) -> str:
    """`text` ending in exactly one full stop (or its own "?", "!" or "…")."""
    body = clause(text)
    return body if body.endswith(("?", "!", "…")) or not body else f"{body}."


def day_words(day: date, today: date) -> str:
    """"today", "tomorrow", "yesterday", "Thu 26 Nov", or "Thu 26 Nov 2027" when not this year."""
    if day == today:
        return "today"
    if day == today + timedelta(days=1):
        return "tomorrow"
    if day == today - timedelta(days=1):
        return "yesterday"
    words = f"{day:%a} {day.day} {day:%b}"
    return words if day.year == today.year else f"{words} {day.year}"


def moment_words(moment: datetime, now: datetime) -> str:
    """A local time with its day: "14:05 today", "09:30 Thu 26 Nov", "04:00 Wed 17 Jun 2020"."""
    local, local_now = moment.astimezone(), now.astimezone()
    return f"{local:%H:%M} {day_words(local.date(), local_now.date())}"

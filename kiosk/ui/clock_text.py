"""Times in the words a receptionist reads: "checked just now", "14:00–16:00 today", "Thu 26 Nov 09:30"."""

from datetime import datetime

from kiosk.status.words import day_words, moment_words

__all__ = ["age_words", "parse_time", "when_words", "window_words"]


def parse_time(value: object) -> datetime | None:
    """An ISO-8601 time with offset from the state file, or None when absent or malformed."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else None


def age_words(seconds: float) -> str:
    """How long ago, in words that do not change while checks keep coming every minute.

    Every change of text is a redraw of the whole screen, and the screen idles for weeks, so a
    check within the last 90 s is "just now" (the status is polled every 60 s by default).
    """
    if seconds < 90:
        return "just now"
    if seconds < 3600:
        return f"{max(2, int(seconds // 60))} min ago"
    if seconds < 48 * 3600:
        hours, rest = divmod(int(seconds), 3600)
        return f"{hours} h {rest // 60} min ago" if hours < 6 else f"{hours} h ago"
    return f"{int(seconds // 86400)} days ago"


def when_words(moment: datetime, now: datetime) -> str:
    """A local time with its day: "14:05 today", "09:30 Thu 26 Nov" (with the year when not this year)."""
    return moment_words(moment, now)


def window_words(start: datetime | None, end: datetime | None, now: datetime) -> str:
    """A window: "14:00–16:00 today", "since 13:10 today", "from 22:00 Thu 26 Nov"."""
    if start is None and end is None:
        return "time not given"
    if start is None:
        return f"until {when_words(end, now)}"  # type: ignore[arg-type]
    if end is None:
        return ("since " if start <= now else "from ") + when_words(start, now)
    local_start, local_end = start.astimezone(), end.astimezone()
    if local_start.date() == local_end.date():
        return f"{local_start:%H:%M}–{local_end:%H:%M} {day_words(local_start.date(), now.astimezone().date())}"
    return f"{when_words(start, now)} – {when_words(end, now)}"

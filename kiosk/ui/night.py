"""When the screen is drawn dark: inside `ui.night`, unless touched recently or ICANotes is not up.

Pure: the caller passes the local time, the level and a monotonic clock reading.
"""

from datetime import time

__all__ = ["NightMode", "in_window"]


def in_window(now: time, window: tuple[time, time] | None) -> bool:
    """Whether `now` falls in the daily window `[start, end)`, which may wrap past midnight."""
    if window is None:
        return False
    start, end = window
    if start == end:
        return False
    if start < end:
        return start <= now < end
    return now >= start or now < end


class NightMode:
    """Tracks wake-ups: a touch wakes the screen for `wake_seconds`; any level but operational keeps it awake."""

    def __init__(self, window: tuple[time, time] | None, wake_seconds: float) -> None:
        self._window = window
        self._wake_seconds = wake_seconds
        self._awake_until = 0.0

    def wake(self, mono_now: float) -> None:
        """A touch: stay lit for `wake_seconds` from `mono_now`."""
        self._awake_until = mono_now + self._wake_seconds

    def is_dark(self, local_now: time, level: str, mono_now: float) -> bool:
        """Whether to draw the screen dark now."""
        if level != "operational" or mono_now < self._awake_until:
            return False
        return in_window(local_now, self._window)

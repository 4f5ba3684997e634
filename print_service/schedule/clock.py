"""The clocks the nightly print runs by, and whether the system clock can be trusted yet.

The Pi has no real-time clock: after boot it may think it is yesterday until NTP answers,
and printing then would print the wrong day. systemd-timesyncd touches
`/run/systemd/timesync/synchronized` once synchronised; without it, the kernel's
adjtimex() state says whether any NTP client has disciplined the clock.
"""

import ctypes
import ctypes.util
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol

__all__ = ["TIMESYNC_FLAG", "Clock", "ClockSync", "FixedStartClock", "SystemClock", "kernel_clock_synchronised"]

TIMESYNC_FLAG = Path("/run/systemd/timesync/synchronized")
_TIME_ERROR = 5  # adjtimex(): "clock not synchronised"


class Clock(Protocol):
    """Where the time comes from, and how to wait (tests pass a clock whose sleep just advances it)."""

    def now(self) -> datetime:
        """The current time, aware."""

    def sleep(self, seconds: float) -> None:
        """Wait `seconds`."""


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        """The system time in UTC."""
        return datetime.now(UTC)

    def sleep(self, seconds: float) -> None:
        """A real wait."""
        time.sleep(max(0.0, seconds))


class FixedStartClock:
    """`nightly --now ISO-TIME`: the run starts at that time and the clock moves on from it in real time."""

    def __init__(self, start: datetime) -> None:
        self._start = start
        self._origin = time.monotonic()

    def now(self) -> datetime:
        """The given start plus the real time elapsed since."""
        return self._start + _seconds(time.monotonic() - self._origin)

    def sleep(self, seconds: float) -> None:
        """A real wait."""
        time.sleep(max(0.0, seconds))


def _seconds(value: float) -> timedelta:
    return timedelta(seconds=value)


def kernel_clock_synchronised() -> bool:
    """adjtimex() with no changes: False when the kernel reports TIME_ERROR (unsynchronised) or the call fails."""
    name = ctypes.util.find_library("c")
    if name is None:
        return False
    libc = ctypes.CDLL(name, use_errno=True)
    buffer = ctypes.create_string_buffer(512)  # struct timex, modes = 0 (read only); larger than any ABI's
    state = libc.adjtimex(buffer)
    return state not in (-1, _TIME_ERROR)


class ClockSync:
    """Whether the clock is synchronised: timesyncd's flag file first, else the kernel's state."""

    def __init__(self, flag: Path = TIMESYNC_FLAG, kernel: Callable[[], bool] = kernel_clock_synchronised) -> None:
        self.flag = flag
        self.kernel = kernel

    def __call__(self) -> bool:
        """True once the system clock can be trusted."""
        return self.flag.exists() or self.kernel()

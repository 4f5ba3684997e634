"""A clock for the real status monitor that moves only when the test says: each `step()` lets one of the
monitor's sleeps end, advancing the clock by what it asked for; the poll after it runs for real."""

import asyncio
import threading
from datetime import datetime, timedelta

from tests.waiting import wait_until


class SteppedTime:
    """`clock` and `sleep` for StatusMonitor; `step(n)` from the test thread releases n sleeps."""

    def __init__(self, start: datetime) -> None:
        self.now = start
        self._lock = threading.Lock()
        self._allowed = 0
        self.sleeping = False

    def clock(self) -> datetime:
        with self._lock:
            return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeping = True
        while True:
            with self._lock:
                if self._allowed > 0:
                    self._allowed -= 1
                    self.now += timedelta(seconds=seconds)
                    self.sleeping = False
                    return
            await asyncio.sleep(0.005)

    def step(self, count: int = 1) -> None:
        """Let `count` polls happen and wait until the monitor sleeps again after the last."""
        with self._lock:
            self._allowed += count
        wait_until(lambda: self._allowed == 0, 20, "the monitor to take its steps")
        wait_until(lambda: self.sleeping, 20, "the monitor to finish its poll")

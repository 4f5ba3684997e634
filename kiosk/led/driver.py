"""Plays the LED scene on the LED device from the asyncio loop, waking only when the frame changes.

Steady patterns cost nothing between changes; fades redraw 50 times a second. The clock,
the time of day and the sleep are injectable so tests step time instead of waiting.
"""

import asyncio
import contextlib
import time
from collections.abc import Callable
from datetime import datetime
from datetime import time as time_of_day
from typing import TYPE_CHECKING

from kiosk.led.pattern import Frame
from kiosk.led.scene import LedScene

if TYPE_CHECKING:  # gpiozero, only on a box with an LED
    from kiosk.led.gpio import LedDevice

__all__ = ["LedDriver"]

MAX_SLEEP = 30.0  # re-check at least this often, so night brightness starts on time


def _local_time() -> time_of_day:
    return datetime.now().time()


class LedDriver:
    """Keeps `device` (None: no LED fitted or no GPIO) showing what `scene` says."""

    def __init__(self, scene: LedScene, device: "LedDevice | None", *,
                 clock: Callable[[], float] = time.monotonic,
                 local_time: Callable[[], time_of_day] = _local_time) -> None:
        self.scene = scene
        self.device = device
        self.clock = clock
        self.local_time = local_time
        self._wake = asyncio.Event()

    def render(self) -> Frame:
        """Compute the frame for now and write it to the device."""
        frame = self.scene.frame_at(self.clock(), self.local_time())
        if self.device is not None:
            self.device.show(frame)
        return frame

    def wake(self) -> None:
        """Redraw at once (the scene changed)."""
        self._wake.set()

    async def run(self, stop: asyncio.Event) -> None:
        """Render until `stop` is set, then leave the LED dark."""
        try:
            while not stop.is_set():
                self.render()
                delay = min(self.scene.next_change(self.clock()), MAX_SLEEP)
                self._wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout=delay)
        finally:
            self.off()

    def off(self) -> None:
        """Dark LED (used on shutdown)."""
        if self.device is not None:
            self.device.off()

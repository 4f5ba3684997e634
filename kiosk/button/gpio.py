"""The gpiozero adapter of the print button: hands each edge to the asyncio loop, thread-safely.

gpiozero calls `when_pressed`/`when_released` from its own threads; nothing is decided
there. The edge and its time go to the loop with `call_soon_threadsafe`, where the
`PressRecogniser` debounces it and times holds.
"""

import asyncio
import contextlib
import time
from collections.abc import Callable

from gpiozero import Button
from gpiozero.pins import Factory

from kiosk.button.recogniser import Gesture, PressRecogniser
from kiosk.button.settings import ButtonSettings
from kiosk.errors import HardwareError

__all__ = ["ButtonInput"]


class ButtonInput:
    """Listens to the button on `settings.pin` and calls `on_gesture(gesture)` on `loop`'s thread."""

    def __init__(self, settings: ButtonSettings, pin_factory: Factory, loop: asyncio.AbstractEventLoop,
                 on_gesture: Callable[[Gesture], None], *, clock: Callable[[], float] = time.monotonic) -> None:
        self._loop = loop
        self._on_gesture = on_gesture
        self._clock = clock
        self._recogniser = PressRecogniser(bounce=settings.bounce_ms / 1000, hold=settings.hold_seconds)
        self._hold_timer: asyncio.TimerHandle | None = None
        try:
            self._button: Button | None = Button(settings.pin, pull_up=settings.pull_up, pin_factory=pin_factory)
        except Exception as exc:  # gpiozero's pin errors: in use, no such pin
            raise HardwareError(f"the button on {settings.pin} cannot be read: {exc}") from exc
        self._button.when_pressed = lambda: self._from_thread(True)
        self._button.when_released = lambda: self._from_thread(False)

    def _from_thread(self, pressed: bool) -> None:
        at = self._clock()
        with contextlib.suppress(RuntimeError):  # the loop has closed: the daemon is stopping
            self._loop.call_soon_threadsafe(self._edge, pressed, at)

    def _edge(self, pressed: bool, at: float) -> None:
        gesture = self._recogniser.edge(pressed, at)
        self._schedule_hold()
        if gesture is not None:
            self._on_gesture(gesture)

    def _schedule_hold(self) -> None:
        if self._hold_timer is not None:
            self._hold_timer.cancel()
            self._hold_timer = None
        deadline = self._recogniser.hold_deadline()
        if deadline is not None:
            self._hold_timer = self._loop.call_later(max(deadline - self._clock(), 0.0), self._hold_due)

    def _hold_due(self) -> None:
        self._hold_timer = None
        gesture = self._recogniser.tick(self._clock())
        if gesture is not None:
            self._on_gesture(gesture)
        else:
            self._schedule_hold()

    def close(self) -> None:
        """Stop listening and free the pin; safe to call twice."""
        if self._hold_timer is not None:
            self._hold_timer.cancel()
            self._hold_timer = None
        if self._button is not None:
            self._button.close()
            self._button = None

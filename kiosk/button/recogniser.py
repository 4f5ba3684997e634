"""Turning the button's raw edges into presses and holds: debounce and hold timing, as pure logic.

gpiozero's mock pins ignore `bounce_time`, and a hold must not also count as a press,
so both rules live here, fed with edge times by the adapter and asked about deadlines by
the loop. A press is reported on release (shorter than the hold time); a hold is
reported once, when the button has been down for the hold time, and its release is
then silent.
"""

from dataclasses import dataclass, field
from enum import StrEnum

__all__ = ["Gesture", "PressRecogniser"]


class Gesture(StrEnum):
    """What the person did with the button."""

    PRESS = "press"
    HOLD = "hold"


@dataclass
class PressRecogniser:
    """Feed `edge(pressed, at)` and `tick(now)`; each returns the gesture completed, if any.

    >>> r = PressRecogniser(bounce=0.05, hold=3.0)
    >>> r.edge(True, 10.0), r.edge(False, 10.01), r.edge(False, 10.4)
    (None, None, <Gesture.PRESS: 'press'>)
    """

    bounce: float
    hold: float
    _down_since: float | None = field(default=None, init=False)
    _held: bool = field(default=False, init=False)
    _last_edge: float = field(default=float("-inf"), init=False)

    def edge(self, pressed: bool, at: float) -> Gesture | None:
        """A raw edge at monotonic time `at`; edges within `bounce` of the last accepted one are chatter."""
        if at - self._last_edge < self.bounce:
            return None
        if pressed == (self._down_since is not None):
            return None  # no change in the debounced state
        self._last_edge = at
        if pressed:
            self._down_since, self._held = at, False
            return None
        was_held, self._down_since = self._held, None
        return None if was_held else Gesture.PRESS

    def hold_deadline(self) -> float | None:
        """When a hold completes if the button stays down (None: not down, or already held)."""
        if self._down_since is None or self._held:
            return None
        return self._down_since + self.hold

    def tick(self, now: float) -> Gesture | None:
        """Report the hold once the button has been down `hold` seconds."""
        deadline = self.hold_deadline()
        if deadline is not None and now >= deadline:
            self._held = True
            return Gesture.HOLD
        return None

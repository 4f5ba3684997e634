# mypy: disallow-subclassing-any=False
"""The demo's stand-ins for the hardware, drawn in the navigation bar: the LED and the button.

The LED shows what the watch daemon says it shows (`led` in state.json), played with the
daemon's own pattern table for an RGB LED: the level's colour and rhythm, and the overlays.
The button is an on-screen control (and the B key): a tap prints the packet, a hold of three
seconds prints the next clinic day's schedule, as the physical button does.
"""

import time
from collections.abc import Callable
from typing import Any

from kivy.clock import Clock
from kivy.core.window import Window
from kivy.graphics import Color, Ellipse, Line
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.widget import Widget

from kiosk.led.pattern import Pattern
from kiosk.led.scene import LedView
from kiosk.led.settings import LedKind
from kiosk.led.table import OVERLAYS, level_pattern, overlay_pattern
from kiosk.state.document import StateDocument
from kiosk.ui.sizes import Sizes
from kiosk.ui.widgets.basics import FlatButton

__all__ = ["HOLD_SECONDS", "DemoPanel"]

HOLD_SECONDS = 3.0
_SHORTEST = 1 / 20  # a fading pattern asks for a new frame at most this often
_LONGEST = 30.0     # a steady lamp is looked at again at least this often
ANIMATE_SECONDS = 10.0  # the rhythm plays this long after a change, then the lamp holds its colour


class LedLamp(Widget):
    """A round lamp showing the LED's pattern and overlay.

    It draws only when its colour changes, waking when the pattern says the next change is due.
    Every change of colour redraws the whole screen, so the rhythm plays for `ANIMATE_SECONDS`
    after each change of level or overlay and the lamp then holds the pattern's colour.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.pattern = level_pattern(LedKind.RGB, "unknown")
        self.overlay: str | None = None
        self.started = self.overlay_started = time.monotonic()
        with self.canvas:
            self._glow = Color(0.2, 0.2, 0.2, 1)
            self._disc = Ellipse()
            Color(0.8, 0.8, 0.8, 1)
            self._rim = Line(circle=(0, 0, 1), width=1.5)
        self.bind(pos=self._place, size=self._place)
        self._shown: tuple[float, float, float, float] | None = None
        self._wake = Clock.schedule_once(self._animate, 0)

    def show(self, led: LedView | None) -> None:
        """Take the state file's `led` (None: the LED is dark: the daemon is not running)."""
        level = led.pattern if led is not None and led.pattern else "unknown"
        overlay = led.overlay if led is not None and led.overlay in OVERLAYS else None
        changed = False
        if level != self.pattern.name:
            self.pattern, self.started = level_pattern(LedKind.RGB, level), time.monotonic()
            changed = True
        if overlay != self.overlay:
            self.overlay, self.overlay_started = overlay, time.monotonic()
            changed = True
        if changed:
            self._animate()

    def flash(self, overlay: str) -> None:
        """Play an overlay now (the demo's own button acknowledges a press)."""
        self.overlay, self.overlay_started = overlay, time.monotonic()
        self._animate()

    def _place(self, *_: object) -> None:
        side = min(self.width, self.height) * 0.8
        self._disc.pos = (self.center_x - side / 2, self.center_y - side / 2)
        self._disc.size = (side, side)
        self._rim.circle = (self.center_x, self.center_y, side / 2)

    def _animate(self, *_: object) -> None:
        """Set the colour for now (only if it changed) and sleep until the pattern changes next."""
        now = time.monotonic()
        frame, wait = None, _LONGEST
        if self.overlay is not None:
            pattern = overlay_pattern(LedKind.RGB, self.overlay)
            if pattern.finished(now - self.overlay_started):
                self.overlay = None
            else:
                frame = pattern.frame_at(now - self.overlay_started)
                wait = pattern.next_change(now - self.overlay_started)
        if frame is None and now - self.started >= ANIMATE_SECONDS:
            frame, wait = _brightest(self.pattern), _LONGEST
        if frame is None:
            frame = self.pattern.frame_at(now - self.started) or (0.0, 0.0, 0.0)
            wait = min(wait, self.pattern.next_change(now - self.started), self.started + ANIMATE_SECONDS - now)
        rgba = (frame[0], frame[1], frame[2], 1.0)
        if rgba != self._shown:
            self._shown = rgba
            self._glow.rgba = rgba
        self._wake.cancel()
        self._wake = Clock.schedule_once(self._animate, min(_LONGEST, max(_SHORTEST, wait)))


def _brightest(pattern: Pattern) -> tuple[float, ...]:
    """The pattern's strongest colour, for the lamp at rest."""
    steps = [pattern.frame_at(pattern.period * n / 24) for n in range(24)]
    return max((frame for frame in steps if frame is not None), key=sum, default=(0.0, 0.0, 0.0))


class DemoPanel(BoxLayout):
    """[LED] [Button (B)]: what sits on the box beside the screen."""

    def __init__(self, sizes: Sizes, *, on_press: Callable[[], None], on_hold: Callable[[], None],
                 **kwargs: Any) -> None:
        super().__init__(orientation="horizontal", size_hint_x=None, width=sizes(230), spacing=sizes(4), **kwargs)
        self.lamp = LedLamp(size_hint_x=None, width=sizes(64))
        self.button = FlatButton(text="Button (B)", font_size=sizes(17), bold=True, colour=[0.45, 0.1, 0.1, 1])
        self.on_press, self.on_hold = on_press, on_hold
        self._down_at: float | None = None
        self.button.bind(on_press=lambda *_: self._down(), on_release=lambda *_: self._up())
        Window.bind(on_key_down=self._key_down, on_key_up=self._key_up)
        self.add_widget(self.lamp)
        self.add_widget(self.button)

    def update(self, state: StateDocument | None) -> None:
        """Called every second with the live state (None: monitor not running, LED dark)."""
        self.lamp.show(state.led if state else None)

    def _down(self) -> None:
        if self._down_at is None:
            self._down_at = time.monotonic()

    def _up(self) -> None:
        if self._down_at is None:
            return
        held = time.monotonic() - self._down_at
        self._down_at = None
        self.lamp.flash("ack")
        (self.on_hold if held >= HOLD_SECONDS else self.on_press)()

    def _key_down(self, _window: object, key: int, *_: object) -> bool:
        if key == ord("b"):
            self._down()
            return True
        return False

    def _key_up(self, _window: object, key: int, *_: object) -> bool:
        if key == ord("b"):
            self._up()
            return True
        return False

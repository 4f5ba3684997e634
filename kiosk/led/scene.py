"""What the LED should show right now: the level's pattern, a standing-alert reminder, a one-shot flash.

`LedScene` is pure state plus arithmetic. Times are monotonic seconds handed in by the
caller (the driver passes its clock; tests pass numbers), and the time of day for the
night brightness is handed in too, so nothing here reads a clock.
"""

from dataclasses import dataclass
from datetime import time

from kiosk.led.pattern import Frame, Pattern
from kiosk.led.settings import CHANNELS, LedSettings
from kiosk.led.table import level_color, level_pattern, overlay_pattern

__all__ = ["LedScene", "LedView", "in_window"]


def in_window(window: tuple[time, time] | None, moment: time) -> bool:
    """Whether `moment` lies in the daily window [start, end), which may wrap past midnight."""
    if window is None:
        return False
    start, end = window
    if start <= end:
        return start <= moment < end
    return moment >= start or moment < end


@dataclass(frozen=True, slots=True)
class LedView:
    """What the LED shows, in words, for the state file: the level pattern, the overlay, the colour."""

    pattern: str
    overlay: str | None
    color: tuple[int, int, int]

    def to_json(self) -> dict[str, object]:
        """The `led` object of state.json."""
        return {"pattern": self.pattern, "overlay": self.overlay, "color": list(self.color)}


@dataclass(slots=True)
class _Layer:
    pattern: Pattern
    since: float


class LedScene:
    """The layers of the LED: level pattern at the bottom, alert reminder above, a flash on top.

    >>> scene = LedScene(settings); scene.set_level("outage", at=0.0)
    >>> scene.frame_at(0.25, time(12, 0))
    (1.0, 0.0, 0.0)
    """

    def __init__(self, settings: LedSettings, level: str = "unknown", at: float = 0.0) -> None:
        self.settings = settings
        self.kind = settings.kind
        self._base = _Layer(level_pattern(self.kind, level), at)
        self._alert: _Layer | None = None
        self._flash: _Layer | None = None

    @property
    def level(self) -> str:
        """The level whose pattern is showing."""
        return self._base.pattern.name

    def set_level(self, level: str, at: float) -> bool:
        """Show `level`'s pattern from `at` (its rhythm starts there); False when it already shows."""
        if level_pattern(self.kind, level).name == self.level:
            return False
        self._base = _Layer(level_pattern(self.kind, level), at)
        return True

    def set_alert(self, standing: bool, at: float) -> None:
        """Start or stop the repeating reminder blip of a standing alert."""
        if standing and self._alert is None:
            self._alert = _Layer(overlay_pattern(self.kind, "alert"), at)
        elif not standing:
            self._alert = None

    def flash(self, overlay: str, at: float) -> None:
        """Play a one-shot overlay ("ack", "busy", "failed") from `at`, replacing any still playing."""
        self._flash = _Layer(overlay_pattern(self.kind, overlay), at)

    def overlay_at(self, now: float) -> str | None:
        """The overlay in effect at `now`: a playing flash, else a standing alert, else None."""
        if self._flash is not None and not self._flash.pattern.finished(now - self._flash.since):
            return self._flash.pattern.name
        return None if self._alert is None else "alert"

    def view(self, now: float) -> LedView:
        """The LED in words at `now`, for the state file."""
        return LedView(self.level, self.overlay_at(now), level_color(self.level, self.kind))

    def brightness(self, moment: time) -> float:
        """The brightness for the time of day `moment`."""
        night = in_window(self.settings.night, moment)
        return self.settings.night_brightness if night else self.settings.brightness

    def frame_at(self, now: float, moment: time) -> Frame:
        """The channel values (0..1, brightness applied) at monotonic `now` and time of day `moment`."""
        frame = self._raw_frame(now)
        scale = self.brightness(moment)
        return tuple(round(value * scale, 6) for value in frame)

    def next_change(self, now: float) -> float:
        """Seconds from `now` until any layer may change its frame."""
        return min(layer.pattern.next_change(now - layer.since) for layer in self._layers())

    def _layers(self) -> list[_Layer]:
        return [layer for layer in (self._flash, self._alert, self._base) if layer is not None]

    def _raw_frame(self, now: float) -> Frame:
        for layer in self._layers():
            frame = layer.pattern.frame_at(now - layer.since)
            if frame is not None:
                return frame
        return (0.0,) * len(CHANNELS[self.kind])


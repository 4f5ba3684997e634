"""The `[led]` settings: which LED hardware is fitted, on which pins, and how bright."""

from dataclasses import dataclass, field
from datetime import time
from enum import StrEnum

__all__ = ["CHANNELS", "LedKind", "LedSettings"]


class LedKind(StrEnum):
    """The LED hardware: one RGB LED, a three-lamp traffic light, one plain LED, or none."""

    RGB = "rgb"
    TRAFFIC = "traffic"
    SINGLE = "single"
    NONE = "none"


CHANNELS: dict[LedKind, tuple[str, ...]] = {
    LedKind.RGB: ("red", "green", "blue"),
    LedKind.TRAFFIC: ("green", "amber", "red"),
    LedKind.SINGLE: ("led",),
    LedKind.NONE: (),
}
"""The pins each kind needs, in the order of a frame's channel values."""


@dataclass(frozen=True, slots=True)
class LedSettings:
    """What `[led]` says. `pins` maps each channel of `kind` to a gpiozero pin name.

    `common_anode` means the LED's common leg goes to 3.3 V, so a pin drives it low to
    light it. Brightness is 0..1; `night` is the daily window (may wrap past midnight)
    in which `night_brightness` applies, None for never.
    """

    kind: LedKind = LedKind.NONE
    pins: dict[str, str] = field(default_factory=dict)
    common_anode: bool = False
    brightness: float = 1.0
    night_brightness: float = 0.2
    night: tuple[time, time] | None = (time(20, 0), time(7, 0))

    def channel_pins(self) -> tuple[str, ...]:
        """The pin names in channel order (empty for `none`)."""
        return tuple(self.pins[channel] for channel in CHANNELS[self.kind])

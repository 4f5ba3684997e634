"""The gpiozero adapter of the LED: builds the devices for `led.kind` and writes frames to them.

Devices are always built with an explicit `pin_factory`, so tests pass a MockFactory and
the daemon the one it opened; nothing relies on gpiozero's global default.
"""

from gpiozero import PWMLED, RGBLED
from gpiozero.pins import Factory

from kiosk.errors import HardwareError
from kiosk.led.pattern import Frame
from kiosk.led.settings import LedKind, LedSettings

__all__ = ["LedDevice"]


class LedDevice:
    """The LED hardware for one `led.kind`: `show(frame)` sets every channel, `close()` frees the pins.

    `common_anode` LEDs light when their pin is low, so every device is built with
    `active_high=False` then; brightness stays 0 = dark either way.
    """

    def __init__(self, settings: LedSettings, pin_factory: Factory) -> None:
        self.kind = settings.kind
        active_high = not settings.common_anode
        pins = settings.channel_pins()
        self._rgb: RGBLED | None = None
        self._lamps: list[PWMLED] = []
        try:
            if self.kind is LedKind.RGB:
                self._rgb = RGBLED(*pins, active_high=active_high, pwm=True, pin_factory=pin_factory)
            else:
                for pin in pins:
                    self._lamps.append(PWMLED(pin, active_high=active_high, pin_factory=pin_factory))
        except Exception as exc:  # gpiozero's pin errors: in use, no PWM, no such pin
            self.close()
            raise HardwareError(f"the {self.kind} LED on {', '.join(pins)} cannot be driven: {exc}") from exc
        self._last: Frame | None = None

    def show(self, frame: Frame) -> None:
        """Set the channels to `frame` (values 0..1); unchanged frames are not rewritten."""
        if frame == self._last:
            return
        if self._rgb is not None:
            self._rgb.value = frame
        else:
            for lamp, value in zip(self._lamps, frame, strict=True):
                lamp.value = value
        self._last = frame

    def off(self) -> None:
        """All channels dark."""
        self.show((0.0,) * (3 if self._rgb is not None else len(self._lamps)))

    def close(self) -> None:
        """Release the pins (the LED goes dark with them); safe to call twice."""
        if self._rgb is not None:
            self._rgb.close()
            self._rgb = None
        for lamp in self._lamps:
            lamp.close()
        self._lamps = []
        self._last = None

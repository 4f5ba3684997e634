"""Opening the LED and the button for the daemon, or running without them and saying so once.

Nothing is opened when neither is configured. When they are but no pin factory can be
made (a laptop, a container), the daemon logs one line and goes on without them; a pin
that cannot be used (in use, no PWM) is logged and that device left out.
"""

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kiosk.button.recogniser import Gesture
from kiosk.button.settings import ButtonSettings
from kiosk.errors import HardwareError
from kiosk.gpio.factory import FactoryResult
from kiosk.led.settings import LedKind, LedSettings

if TYPE_CHECKING:  # the gpiozero devices are imported when something is fitted (open_hardware)
    from kiosk.button.gpio import ButtonInput
    from kiosk.led.gpio import LedDevice

__all__ = ["Hardware", "open_hardware"]

log = logging.getLogger(__name__)


@dataclass
class Hardware:
    """The LED and button actually in use (None: not fitted or not usable)."""

    led: "LedDevice | None" = None
    button: "ButtonInput | None" = None

    def close(self) -> None:
        """LED dark, pins released; safe to call twice."""
        if self.led is not None:
            self.led.off()
            self.led.close()
            self.led = None
        if self.button is not None:
            self.button.close()
            self.button = None


def open_hardware(led: LedSettings, button: ButtonSettings, open_factory: Callable[[], FactoryResult],
                  loop: asyncio.AbstractEventLoop, on_gesture: Callable[[Gesture], None]) -> Hardware:
    """Build what the configuration asks for; `open_factory` is only called when something is fitted."""
    if led.kind is LedKind.NONE and not button.fitted:
        return Hardware()
    from kiosk.button.gpio import ButtonInput
    from kiosk.led.gpio import LedDevice

    result = open_factory()
    passed_over = "".join(f"; passed over {backend}" for backend in result.passed_over)
    if result.factory is None:
        log.warning("no GPIO on this machine (%s%s): running without the LED and the button", result.reason,
                    passed_over, extra={"EVENT": "no_gpio"})
        return Hardware()
    if passed_over:
        log.warning("GPIO through %s%s", type(result.factory).__name__, passed_over, extra={"EVENT": "gpio_fallback"})
    hardware = Hardware()
    if led.kind is not LedKind.NONE:
        try:
            hardware.led = LedDevice(led, result.factory)
        except HardwareError as exc:
            log.error("%s; running without the LED", exc, extra={"EVENT": "hardware_error"})
    if button.fitted:
        try:
            hardware.button = ButtonInput(button, result.factory, loop, on_gesture)
        except HardwareError as exc:
            log.error("%s; running without the button", exc, extra={"EVENT": "hardware_error"})
    return hardware

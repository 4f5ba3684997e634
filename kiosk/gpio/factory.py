"""Opening gpiozero's pin factory once, explicitly, so a machine without GPIO is a plain fact.

Off a Pi, gpiozero imports fine but its first device raises `BadPinFactory` after a
warning per backend it tried. The daemon asks here once: a factory, or None with the one
reason why, and runs without LED and button in that case. The backends gpiozero passed over
on the way are kept with their errors: a Pi whose lgpio fails silently gets RPi.GPIO instead,
whose "No access to /dev/mem" says nothing about the real cause. gpiozero is imported only
then: a box without LED and button never loads it.
"""

import os
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gpiozero.pins import Factory

__all__ = ["FactoryResult", "open_pin_factory"]

_FALLBACK_PREFIX = "Falling back from "


@dataclass(frozen=True, slots=True)
class FactoryResult:
    """The pin factory, or None and the reason no GPIO is available.

    `passed_over` holds "backend: error" for each backend gpiozero tried and dropped first.
    """

    factory: "Factory | None"
    reason: str = ""
    passed_over: tuple[str, ...] = ()


def open_pin_factory() -> FactoryResult:
    """Make the default pin factory (honouring GPIOZERO_PIN_FACTORY), never raising.

    The mock factory gets PWM-capable pins unless GPIOZERO_MOCK_PIN_CLASS says otherwise,
    because the LED dims and pulses.
    """
    from gpiozero import Device, PinFactoryFallback
    from gpiozero.pins.mock import MockFactory, MockPWMPin

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            factory = Device._default_pin_factory()
        except Exception as exc:  # gpiozero raises BadPinFactory, ImportError, OSError … per backend
            factory, reason = None, str(exc) or type(exc).__name__
    passed_over = tuple(str(w.message).removeprefix(_FALLBACK_PREFIX) for w in caught
                        if issubclass(w.category, PinFactoryFallback))
    if factory is None:
        return FactoryResult(None, reason, passed_over)
    if isinstance(factory, MockFactory) and "GPIOZERO_MOCK_PIN_CLASS" not in os.environ:
        factory.pin_class = MockPWMPin
    return FactoryResult(factory, passed_over=passed_over)

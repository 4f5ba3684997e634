"""Opening gpiozero's pin factory once, explicitly, so a machine without GPIO is a plain fact.

Off a Pi, gpiozero imports fine but its first device raises `BadPinFactory` after a
warning per backend it tried. The daemon asks here once: a factory, or None with the one
reason why, and runs without LED and button in that case. gpiozero is imported only then: a box
without LED and button never loads it.
"""

import os
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gpiozero.pins import Factory

__all__ = ["FactoryResult", "open_pin_factory"]


@dataclass(frozen=True, slots=True)
class FactoryResult:
    """The pin factory, or None and the reason no GPIO is available."""

    factory: "Factory | None"
    reason: str = ""


def open_pin_factory() -> FactoryResult:
    """Make the default pin factory (honouring GPIOZERO_PIN_FACTORY), never raising.

    The mock factory gets PWM-capable pins unless GPIOZERO_MOCK_PIN_CLASS says otherwise,
    because the LED dims and pulses.
    """
    from gpiozero import Device
    from gpiozero.pins.mock import MockFactory, MockPWMPin

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            factory = Device._default_pin_factory()
        except Exception as exc:  # gpiozero raises BadPinFactory, ImportError, OSError … per backend
            return FactoryResult(None, str(exc) or type(exc).__name__)
    if isinstance(factory, MockFactory) and "GPIOZERO_MOCK_PIN_CLASS" not in os.environ:
        factory.pin_class = MockPWMPin
    return FactoryResult(factory)

"""Validating GPIO pin names the way gpiozero spells them, without touching any hardware.

The LED and the button sections both take pins by gpiozero's names ("GPIO17", "BOARD11",
"BCM17", "J8:11"); two names may mean the same pin, so duplicates are found on the
canonical GPIO name. The 40-pin header is the same on every Pi this appliance supports.
"""

from gpiozero.exc import PinInvalidPin
from gpiozero.pins.pi import pi_info

__all__ = ["canonical_pin"]

_HEADER = pi_info("a02082")  # any 40-pin Pi: the header's GPIO mapping is identical


def canonical_pin(name: str) -> str | None:
    """The pin's canonical name ("GPIO17") or None when `name` is not a usable GPIO pin."""
    try:
        return str(_HEADER.to_gpio(name.strip()))
    except PinInvalidPin:
        return None

"""Validating GPIO pin names the way gpiozero spells them, without touching any hardware.

The LED and the button sections both take pins by gpiozero's names ("GPIO17", "BOARD11",
"BCM17", "J8:11"); two names may mean the same pin, so duplicates are found on the
canonical GPIO name. The 40-pin header is the same on every Pi this appliance supports.
Works with gpiozero 2.x (Raspberry Pi OS) and 1.6 (Debian's python3-gpiozero).
"""

from typing import Any

from gpiozero.exc import PinInvalidPin

try:  # gpiozero 2.x
    from gpiozero.pins.pi import pi_info
except ImportError:  # gpiozero 1.6
    from gpiozero.pins.data import pi_info

__all__ = ["canonical_pin"]

_HEADER: Any = pi_info("a02082")  # any 40-pin Pi: the header's GPIO mapping is identical


def canonical_pin(name: str) -> str | None:
    """The pin's canonical name ("GPIO17") or None when `name` is not a usable GPIO pin."""
    try:
        gpio = _HEADER.to_gpio(name.strip())
    except (PinInvalidPin, ValueError):
        return None
    return f"GPIO{gpio}" if isinstance(gpio, int) else str(gpio)  # 1.6 answers a number, 2.x a name

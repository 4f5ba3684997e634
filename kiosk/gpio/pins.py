"""Validating GPIO pin names the way gpiozero spells them, from a table of the Pi's 40-pin header.

The LED and the button sections take pins by gpiozero's names ("GPIO17", "BCM17", "BOARD11",
"J8:11", WiringPi's "WPI0", or a bare "17"); two names may mean the same pin, so duplicates are
found on the canonical GPIO name. The header is the same on every Pi this appliance supports, so a
small table answers without importing gpiozero (7.6 MiB) or touching hardware; a test checks it
against gpiozero's own header data.
"""

import re

__all__ = ["HEADER", "canonical_pin"]

HEADER: dict[int, int] = {  # physical pin on the 40-pin header (BOARDn, J8:n) -> GPIO (BCM) number
    3: 2, 5: 3, 7: 4, 8: 14, 10: 15, 11: 17, 12: 18, 13: 27, 15: 22, 16: 23, 18: 24, 19: 10, 21: 9, 22: 25,
    23: 11, 24: 8, 26: 7, 27: 0, 28: 1, 29: 5, 31: 6, 32: 12, 33: 13, 35: 19, 36: 16, 37: 26, 38: 20, 40: 21,
}
"""Power and ground pins are absent: no device can use them."""

_WIRING_PI: dict[int, int] = {  # WiringPi number -> GPIO number
    0: 17, 1: 18, 2: 27, 3: 22, 4: 23, 5: 24, 6: 25, 7: 4, 8: 2, 9: 3, 10: 8, 11: 7, 12: 10, 13: 9, 14: 11,
    15: 14, 16: 15, 21: 5, 22: 6, 23: 13, 24: 19, 25: 26, 26: 12, 27: 16, 28: 20, 29: 21, 30: 0, 31: 1,
}
_GPIOS = frozenset(HEADER.values())
_NAME = re.compile(r"^(GPIO|BCM|BOARD|J8:|WPI)?(0|[1-9][0-9]?)$")


def canonical_pin(name: str) -> str | None:
    """The pin's canonical name ("GPIO17") or None when `name` is not a usable GPIO pin."""
    match = _NAME.match(name.strip())
    if match is None:
        return None
    prefix, number = match.group(1) or "GPIO", int(match.group(2))
    if prefix in ("BOARD", "J8:"):
        gpio = HEADER.get(number)
    elif prefix == "WPI":
        gpio = _WIRING_PI.get(number)
    else:
        gpio = number if number in _GPIOS else None
    return None if gpio is None else f"GPIO{gpio}"

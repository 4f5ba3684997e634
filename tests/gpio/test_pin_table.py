"""The header table answers exactly as gpiozero does for every spelling of every pin, without gpiozero."""

import pytest

from kiosk.gpio.pins import HEADER, canonical_pin

try:  # gpiozero 2.x
    from gpiozero.pins.pi import pi_info
except ImportError:  # gpiozero 1.6 (Debian)
    from gpiozero.pins.data import pi_info

PREFIXES = ("GPIO", "BCM", "BOARD", "J8:", "WPI", "", "gpio", "board", "P1:", "GPIO0")
NAMES = [f"{prefix}{number}" for prefix in PREFIXES for number in range(45)] + \
    ["GPIO017", "BCM 17", "", " ", "GPIO-1", "GPIO17 ", " BOARD11", "GPIO1.5"]


def gpiozero_answer(name: str) -> str | None:
    header = pi_info("a02082")
    try:
        gpio = header.to_gpio(name.strip())
    except Exception:  # PinInvalidPin, ValueError
        return None
    return f"GPIO{gpio}" if isinstance(gpio, int) else str(gpio)


@pytest.mark.parametrize("prefix", PREFIXES)
def test_every_spelling_agrees_with_gpiozero(prefix: str) -> None:
    names = [name for name in NAMES if name.startswith(prefix)] if prefix else NAMES
    assert {name: canonical_pin(name) for name in names} == {name: gpiozero_answer(name) for name in names}


def test_the_table_has_every_gpio_of_the_header_once() -> None:
    assert sorted(HEADER.values()) == list(range(28))
    assert canonical_pin("BOARD37") == "GPIO26"
    assert canonical_pin("BOARD1") is None  # 3.3 V

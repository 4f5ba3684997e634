"""`[led]` and `[button]` in the configuration file: defaults, pins by gpiozero names, and every mistake."""

from collections.abc import Callable
from datetime import time
from pathlib import Path

import pytest

from kiosk.button.settings import ButtonSettings
from kiosk.config import load_config
from kiosk.errors import ConfigError
from kiosk.led.settings import LedKind, LedSettings
from tests.conftest import RunCli


def test_defaults_have_no_led_and_no_button(write_config: Callable[[str], Path]) -> None:
    config = load_config(write_config(""))
    led, button = config.get(LedSettings), config.get(ButtonSettings)
    assert led.kind is LedKind.NONE
    assert (led.brightness, led.night_brightness, led.night) == (1.0, 0.2, (time(20, 0), time(7, 0)))
    assert not button.fitted
    assert (button.pull_up, button.hold_seconds) == (True, 3.0)


def test_a_full_setup(write_config: Callable[[str], Path]) -> None:
    config = load_config(write_config(
        '[led]\nkind = "traffic"\npins = { green = "GPIO5", amber = "BOARD31", red = "BCM26" }\n'
        'common_anode = true\nbrightness = 0.7\nnight_brightness = 0.05\nnight = "21:30-06:15"\n'
        '[button]\npin = "GPIO23"\npull_up = false\nbounce_ms = 20\nhold_seconds = 2.5\n'
    ))
    led, button = config.get(LedSettings), config.get(ButtonSettings)
    assert led.channel_pins() == ("GPIO5", "BOARD31", "BCM26")
    assert (led.common_anode, led.brightness, led.night) == (True, 0.7, (time(21, 30), time(6, 15)))
    assert button == ButtonSettings(pin="GPIO23", pull_up=False, bounce_ms=20, hold_seconds=2.5)


@pytest.mark.parametrize(("text", "message"), [
    ('[led]\nkind = "rgb"\npins = { red = "GPIO17", green = "GPIO99", blue = "GPIO22" }',
     "led.pins.green: expected a gpiozero pin name"),
    ('[led]\nkind = "rgb"\npins = { red = "GPIO17", green = "BOARD11", blue = "GPIO22" }',
     "led.pins.green: expected a pin not already used by led.pins.red, got 'BOARD11'"),
    ('[led]\nkind = "rgb"\npins = { red = "GPIO17", green = "GPIO27" }', "(missing blue)"),
    ('[led]\nkind = "single"\npins = { red = "GPIO17" }', "(missing led)"),
    ('[led]\nkind = "single"\npins = { led = "GPIO17", spare = "GPIO4" }', "(unknown spare)"),
    ('[led]\nkind = "rgb"', 'led.pins: expected a table { red = "GPIO…"'),
    ('[led]\nkind = "blinky"', 'led.kind: expected one of "rgb", "traffic", "single", "none"'),
    ('[led]\nbrightness = 1.5', "led.brightness: expected a number from 0 to 1, got 1.5"),
    ('[led]\nnight = "8pm-7am"', 'led.night: expected a window "HH:MM-HH:MM"'),
    ('[button]\npin = "BOARD1"', 'button.pin: expected a gpiozero pin name'),
    ('[button]\nhold_seconds = 0', "button.hold_seconds: expected a number from 0.5 to 30"),
    ('[led]\nkind = "single"\npins = { led = "GPIO17" }\n[button]\npin = "BOARD11"',
     "button.pin: expected a pin not used by the LED, got 'BOARD11' (led.pins.led is 'GPIO17')"),
])
def test_mistakes_are_one_line_config_errors(write_config: Callable[[str], Path], text: str, message: str) -> None:
    path = write_config(text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_config_check_exits_78_on_a_shared_pin(write_config: Callable[[str], Path], run_cli: RunCli) -> None:
    path = write_config('[led]\nkind = "single"\npins = { led = "GPIO17" }\n[button]\npin = "GPIO17"\n')
    result = run_cli("--config", path, "config", "check")
    assert result.returncode == 78
    assert result.stderr.count("\n") == 1
    assert "button.pin: expected a pin not used by the LED" in result.stderr

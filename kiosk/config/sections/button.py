"""`[button]`: the print button's pin, pull-up, debounce and hold time; it may not share an LED pin."""

from kiosk.button.settings import ButtonSettings
from kiosk.config.model import Config
from kiosk.config.reader import SectionReader
from kiosk.config.section import SectionSpec
from kiosk.errors import ConfigError
from kiosk.gpio.pins import canonical_pin
from kiosk.led.settings import CHANNELS, LedSettings

_D = ButtonSettings()


def build(reader: SectionReader) -> ButtonSettings:
    """Read and validate `[button]`; an empty pin means no button."""
    pin = reader.string("pin", _D.pin).strip()
    if pin and canonical_pin(pin) is None:
        raise reader.error("pin", 'a gpiozero pin name such as "GPIO27" or "BOARD13", or "" for no button')
    return ButtonSettings(
        pin=pin,
        pull_up=reader.boolean("pull_up", _D.pull_up),
        bounce_ms=reader.integer("bounce_ms", _D.bounce_ms, minimum=0, maximum=1000),
        hold_seconds=reader.number("hold_seconds", _D.hold_seconds, minimum=0.5, maximum=30),
    )


def check(config: Config) -> None:
    """The button may not sit on a pin the LED already drives."""
    button = config.get(ButtonSettings)
    led = config.get(LedSettings)
    if not button.fitted:
        return
    mine = canonical_pin(button.pin)
    for channel in CHANNELS[led.kind]:
        if canonical_pin(led.pins[channel]) == mine:
            raise ConfigError(
                f"{config.source}: button.pin: expected a pin not used by the LED, got {button.pin!r} "
                f"(led.pins.{channel} is {led.pins[channel]!r})"
            )


SECTION = SectionSpec("button", ButtonSettings, build, check)

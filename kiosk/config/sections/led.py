"""`[led]`: the status LED's kind, pins, polarity and brightness (day and night)."""

from kiosk.config.reader import SectionReader
from kiosk.config.section import SectionSpec
from kiosk.gpio.pins import canonical_pin
from kiosk.led.settings import CHANNELS, LedKind, LedSettings

_D = LedSettings()
_PIN_WORDS = 'a gpiozero pin name such as "GPIO17" or "BOARD11"'


def _pins(reader: SectionReader, kind: LedKind) -> dict[str, str]:
    channels = CHANNELS[kind]
    table = reader.string_map("pins", {})
    if kind is LedKind.NONE:
        return table
    wanted = "{ " + ", ".join(f'{c} = "GPIO…"' for c in channels) + " }"
    missing = [c for c in channels if c not in table]
    extra = sorted(set(table) - set(channels))
    if missing or extra:
        detail = f"missing {', '.join(missing)}" if missing else f"unknown {', '.join(extra)}"
        raise reader.error("pins", f'a table {wanted} for led.kind = "{kind}"', detail=detail)
    seen: dict[str, str] = {}
    for channel in channels:
        name = table[channel]
        canonical = canonical_pin(name)
        if canonical is None:
            raise reader.error(f"pins.{channel}", _PIN_WORDS, got=name)
        if canonical in seen:
            raise reader.error(f"pins.{channel}", f"a pin not already used by led.pins.{seen[canonical]}", got=name)
        seen[canonical] = channel
    return table


def build(reader: SectionReader) -> LedSettings:
    """Read and validate `[led]`; pins are checked against the Pi's 40-pin header."""
    kind = LedKind(reader.choice("kind", _D.kind, [k.value for k in LedKind]))
    return LedSettings(
        kind=kind,
        pins=_pins(reader, kind),
        common_anode=reader.boolean("common_anode", _D.common_anode),
        brightness=reader.number("brightness", _D.brightness, minimum=0, maximum=1),
        night_brightness=reader.number("night_brightness", _D.night_brightness, minimum=0, maximum=1),
        night=reader.time_range("night", _D.night),
    )


SECTION = SectionSpec("led", LedSettings, build)

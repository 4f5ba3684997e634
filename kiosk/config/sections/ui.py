"""`[ui]`: the wall screen — PIN hash, auto-lock, night window, how it draws."""

from kiosk.config.reader import SectionReader
from kiosk.config.section import SectionSpec
from kiosk.ui.pin import is_pin_hash
from kiosk.ui.settings import UiSettings

_D = UiSettings()


def build(reader: SectionReader) -> UiSettings:
    """Read and validate `[ui]`."""
    pin_hash = reader.string("pin_hash", _D.pin_hash)
    if pin_hash and not is_pin_hash(pin_hash):
        raise reader.error("pin_hash", 'the line `downtime-kiosk ui --set-pin` prints ("scrypt$…") or ""',
                           got="a value of another shape")
    return UiSettings(
        lock_seconds=reader.number("lock_seconds", _D.lock_seconds, minimum=5, maximum=3600),
        pin_hash=pin_hash,
        night=reader.time_range("night", _D.night),
        wake_seconds=reader.number("wake_seconds", _D.wake_seconds, minimum=5, maximum=3600),
        monitor_timeout_seconds=reader.number("monitor_timeout_seconds", _D.monitor_timeout_seconds,
                                              minimum=3, maximum=3600),
        fullscreen=reader.boolean("fullscreen", _D.fullscreen),
        max_fps=reader.integer("max_fps", _D.max_fps, minimum=1, maximum=60),
        idle_fps=reader.integer("idle_fps", _D.idle_fps, minimum=1, maximum=60),
    )


SECTION = SectionSpec("ui", UiSettings, build)

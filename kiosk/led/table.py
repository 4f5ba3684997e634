"""The pattern table: what the LED shows for each level and each overlay, per LED kind.

Every level differs from every other in rhythm as well as colour, so a colour-blind
person (or a single-colour LED) can still tell them apart across the room:

- operational: rgb steady green; traffic steady green; single steady on
- maintenance: rgb slow blue pulse (3 s); traffic slow amber pulse; single slow pulse
- degraded: rgb/traffic amber with a short dark dip every 3 s; single slow blink (1.5 s / 1.5 s)
- outage: rgb/traffic red blink 1 Hz; single blink 1 Hz
- regional_outage: rgb/traffic red blink 3 Hz; single blink 3 Hz
- offline: rgb magenta double blink; traffic amber and red alternate; single double blink
- unknown: rgb dim white; traffic all lamps dim; single off with a short blip every 5 s

Overlays sit on top: ``ack`` (two short white flashes: the button press was taken),
``busy`` (one long flash: press ignored, a print is already running), ``failed`` (a rapid
white/red flicker: that print failed) and ``alert`` (a reminder blip every 8 s while an
alert stands).
"""

from collections.abc import Callable, Mapping

from kiosk.led.pattern import Frame, Pattern, Segment, fade, hold
from kiosk.led.settings import CHANNELS, LedKind

__all__ = ["LEVELS", "OVERLAYS", "level_color", "level_pattern", "overlay_pattern"]

LEVELS = ("operational", "maintenance", "degraded", "outage", "regional_outage", "offline", "unknown")
OVERLAYS = ("ack", "busy", "failed", "alert")

STEADY = 3600.0  # a hold this long never needs redrawing
DIM = 0.15

_RGB_COLOURS: dict[str, Frame] = {
    "operational": (0.0, 1.0, 0.0),
    "maintenance": (0.0, 0.0, 1.0),
    "degraded": (1.0, 0.4, 0.0),
    "outage": (1.0, 0.0, 0.0),
    "regional_outage": (1.0, 0.0, 0.0),
    "offline": (1.0, 0.0, 1.0),
    "unknown": (DIM, DIM, DIM),
}


_LAMP_COLOURS: dict[str, Frame] = {  # the lit lamp of a traffic light, as it looks
    "operational": (0.0, 1.0, 0.0),
    "maintenance": (1.0, 0.6, 0.0),
    "degraded": (1.0, 0.6, 0.0),
    "outage": (1.0, 0.0, 0.0),
    "regional_outage": (1.0, 0.0, 0.0),
    "offline": (1.0, 0.6, 0.0),
    "unknown": (DIM, DIM, DIM),
}


def level_color(level: str, kind: LedKind = LedKind.RGB) -> tuple[int, int, int]:
    """The colour the LED shows for `level` as 0-255 RGB, for drawing it on a screen.

    An RGB LED (and `none`: what one would show) mixes the level's colour; a traffic light
    lights its green, amber or red lamp; a single LED is white-ish whatever the level (dim
    for unknown).
    """
    known = level if level in _RGB_COLOURS else "unknown"
    if kind is LedKind.TRAFFIC:
        colour = _LAMP_COLOURS[known]
    elif kind is LedKind.SINGLE:
        colour = (DIM, DIM, DIM) if known == "unknown" else (1.0, 1.0, 1.0)
    else:
        colour = _RGB_COLOURS[known]
    red, green, blue = colour
    return round(red * 255), round(green * 255), round(blue * 255)


# -- rhythms ------------------------------------------------------------------------------------
def _steady(on: Frame, off: Frame) -> tuple[Segment, ...]:
    return (hold(STEADY, on),)


def _dipped(on: Frame, off: Frame) -> tuple[Segment, ...]:
    # steady to the eye, but a short dark dip gives it a rhythm of its own: steady green
    # and steady amber look alike to a red-green colour-blind person
    return hold(2.8, on), hold(0.2, off)


def _pulse(on: Frame, off: Frame) -> tuple[Segment, ...]:
    return fade(1.5, off, on), fade(1.5, on, off)


def _blink(on_time: float, off_time: float) -> Callable[[Frame, Frame], tuple[Segment, ...]]:
    def rhythm(on: Frame, off: Frame) -> tuple[Segment, ...]:
        return hold(on_time, on), hold(off_time, off)
    return rhythm


def _double_blink(on: Frame, off: Frame) -> tuple[Segment, ...]:
    return hold(0.2, on), hold(0.2, off), hold(0.2, on), hold(1.4, off)


Rhythm = Callable[[Frame, Frame], tuple[Segment, ...]]

_RHYTHMS: dict[str, Rhythm] = {
    "operational": _steady,
    "maintenance": _pulse,
    "degraded": _dipped,
    "outage": _blink(0.5, 0.5),
    "regional_outage": _blink(1 / 6, 1 / 6),
    "offline": _double_blink,
    "unknown": _steady,
}

_SINGLE_RHYTHMS: dict[str, Rhythm] = {
    **_RHYTHMS,
    "degraded": _blink(1.5, 1.5),
    "unknown": _blink(0.1, 4.9),
}

_TRAFFIC: dict[str, Frame] = {  # (green, amber, red)
    "operational": (1.0, 0.0, 0.0),
    "maintenance": (0.0, 1.0, 0.0),
    "degraded": (0.0, 1.0, 0.0),
    "outage": (0.0, 0.0, 1.0),
    "regional_outage": (0.0, 0.0, 1.0),
    "offline": (0.0, 1.0, 0.0),
    "unknown": (DIM, DIM, DIM),
}


def _off(kind: LedKind) -> Frame:
    return (0.0,) * len(CHANNELS[kind])


def _full(kind: LedKind) -> Frame:
    return (1.0,) * len(CHANNELS[kind])


def _segments(kind: LedKind, level: str) -> tuple[Segment, ...]:
    off = _off(kind)
    if kind is LedKind.RGB:
        return _RHYTHMS[level](_RGB_COLOURS[level], off)
    if kind is LedKind.TRAFFIC:
        if level == "offline":  # amber and red take turns, a dark gap between (a rhythm, not only lamps)
            return hold(0.4, (0.0, 1.0, 0.0)), hold(0.1, off), hold(0.4, (0.0, 0.0, 1.0)), hold(0.1, off)
        return _RHYTHMS[level](_TRAFFIC[level], off)
    if kind is LedKind.SINGLE:
        return _SINGLE_RHYTHMS[level]((1.0,), off)
    return _RHYTHMS[level](off, off)


def level_pattern(kind: LedKind, level: str) -> Pattern:
    """The looping pattern for `level` on a `kind` LED (an unknown level word shows as unknown)."""
    known = level if level in _RGB_COLOURS else "unknown"
    return Pattern(known, _segments(kind, known))


def _overlays(kind: LedKind) -> Mapping[str, Pattern]:
    on, off = _full(kind), _off(kind)
    failed_on = (1.0, 0.0, 0.0) if kind is LedKind.RGB else (0.0, 0.0, 1.0) if kind is LedKind.TRAFFIC else off
    flicker: list[Segment] = []
    for _ in range(6):
        flicker += [hold(0.1, on), hold(0.1, failed_on)]
    return {
        "ack": Pattern("ack", (hold(0.15, on), hold(0.15, off), hold(0.15, on), hold(0.15, off)), repeat=False),
        "busy": Pattern("busy", (hold(0.8, on), hold(0.2, off)), repeat=False),
        "failed": Pattern("failed", (*flicker, hold(0.3, off)), repeat=False),
        "alert": Pattern("alert", (hold(0.25, off), hold(0.25, on), hold(0.25, off), hold(7.25, None))),
    }


def overlay_pattern(kind: LedKind, overlay: str) -> Pattern:
    """The pattern of `overlay` ("ack", "busy", "failed", "alert") on a `kind` LED."""
    return _overlays(kind)[overlay]

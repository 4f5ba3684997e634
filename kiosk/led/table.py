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
from dataclasses import dataclass

from kiosk.led.pattern import Frame, Pattern, Segment, fade, hold
from kiosk.led.settings import CHANNELS, LedKind
from kiosk.status.level import Level

__all__ = ["LEVELS", "OVERLAYS", "PROFILES", "LedProfile", "level_color", "level_pattern", "overlay_pattern"]

LEVELS = tuple(level.value for level in Level)
OVERLAYS = ("ack", "busy", "failed", "alert")

STEADY = 3600.0  # a hold this long never needs redrawing
DIM = 0.15
WHITE: Frame = (1.0, 1.0, 1.0)
DIMMED: Frame = (DIM, DIM, DIM)

_RGB_COLOURS: dict[Level, Frame] = {
    Level.OPERATIONAL: (0.0, 1.0, 0.0),
    Level.MAINTENANCE: (0.0, 0.0, 1.0),
    Level.DEGRADED: (1.0, 0.4, 0.0),
    Level.OUTAGE: (1.0, 0.0, 0.0),
    Level.REGIONAL_OUTAGE: (1.0, 0.0, 0.0),
    Level.OFFLINE: (1.0, 0.0, 1.0),
    Level.UNKNOWN: DIMMED,
}

_LAMP_COLOURS: dict[Level, Frame] = {  # the lit lamp of a traffic light, as it looks
    Level.OPERATIONAL: (0.0, 1.0, 0.0),
    Level.MAINTENANCE: (1.0, 0.6, 0.0),
    Level.DEGRADED: (1.0, 0.6, 0.0),
    Level.OUTAGE: (1.0, 0.0, 0.0),
    Level.REGIONAL_OUTAGE: (1.0, 0.0, 0.0),
    Level.OFFLINE: (1.0, 0.6, 0.0),
    Level.UNKNOWN: DIMMED,
}

_TRAFFIC: dict[Level, Frame] = {  # (green, amber, red)
    Level.OPERATIONAL: (1.0, 0.0, 0.0),
    Level.MAINTENANCE: (0.0, 1.0, 0.0),
    Level.DEGRADED: (0.0, 1.0, 0.0),
    Level.OUTAGE: (0.0, 0.0, 1.0),
    Level.REGIONAL_OUTAGE: (0.0, 0.0, 1.0),
    Level.OFFLINE: (0.0, 1.0, 0.0),
    Level.UNKNOWN: DIMMED,
}


# -- rhythms ------------------------------------------------------------------------------------
Rhythm = Callable[[Frame, Frame], tuple[Segment, ...]]


def _steady(on: Frame, off: Frame) -> tuple[Segment, ...]:
    return (hold(STEADY, on),)


def _dipped(on: Frame, off: Frame) -> tuple[Segment, ...]:
    # steady to the eye, but a short dark dip gives it a rhythm of its own: steady green
    # and steady amber look alike to a red-green colour-blind person
    return hold(2.8, on), hold(0.2, off)


def _pulse(on: Frame, off: Frame) -> tuple[Segment, ...]:
    return fade(1.5, off, on), fade(1.5, on, off)


def _blink(on_time: float, off_time: float) -> Rhythm:
    def rhythm(on: Frame, off: Frame) -> tuple[Segment, ...]:
        return hold(on_time, on), hold(off_time, off)
    return rhythm


def _double_blink(on: Frame, off: Frame) -> tuple[Segment, ...]:
    return hold(0.2, on), hold(0.2, off), hold(0.2, on), hold(1.4, off)


def _alternate(first: Frame, second: Frame) -> Rhythm:
    def rhythm(on: Frame, off: Frame) -> tuple[Segment, ...]:  # two lamps take turns, a dark gap between
        return hold(0.4, first), hold(0.1, off), hold(0.4, second), hold(0.1, off)
    return rhythm


_RHYTHMS: dict[Level, Rhythm] = {
    Level.OPERATIONAL: _steady,
    Level.MAINTENANCE: _pulse,
    Level.DEGRADED: _dipped,
    Level.OUTAGE: _blink(0.5, 0.5),
    Level.REGIONAL_OUTAGE: _blink(1 / 6, 1 / 6),
    Level.OFFLINE: _double_blink,
    Level.UNKNOWN: _steady,
}

_SINGLE_RHYTHMS: dict[Level, Rhythm] = {**_RHYTHMS, Level.DEGRADED: _blink(1.5, 1.5), Level.UNKNOWN: _blink(0.1, 4.9)}
_TRAFFIC_RHYTHMS: dict[Level, Rhythm] = {**_RHYTHMS, Level.OFFLINE: _alternate((0.0, 1.0, 0.0), (0.0, 0.0, 1.0))}


# -- one profile per kind --------------------------------------------------------------------------
@dataclass(frozen=True)
class LedProfile:
    """How one kind of LED says every level: the pin values (`frames`) in each level's rhythm, the colour
    a person sees (`looks`, 0..1 RGB, for drawing it on a screen), and the second colour of the
    `failed` flicker."""

    kind: LedKind
    frames: Mapping[Level, Frame]
    rhythms: Mapping[Level, Rhythm]
    looks: Mapping[Level, Frame]
    failed: Frame

    @property
    def off(self) -> Frame:
        """Every channel dark."""
        return (0.0,) * len(CHANNELS[self.kind])

    @property
    def full(self) -> Frame:
        """Every channel fully on."""
        return (1.0,) * len(CHANNELS[self.kind])

    def segments(self, level: Level) -> tuple[Segment, ...]:
        """The looping segments of `level`."""
        return self.rhythms[level](self.frames[level], self.off)


def _everywhere(frame: Frame) -> dict[Level, Frame]:
    return dict.fromkeys(Level, frame)


PROFILES: dict[LedKind, LedProfile] = {
    LedKind.RGB: LedProfile(LedKind.RGB, _RGB_COLOURS, _RHYTHMS, _RGB_COLOURS, failed=(1.0, 0.0, 0.0)),
    LedKind.TRAFFIC: LedProfile(LedKind.TRAFFIC, _TRAFFIC, _TRAFFIC_RHYTHMS, _LAMP_COLOURS, failed=(0.0, 0.0, 1.0)),
    LedKind.SINGLE: LedProfile(LedKind.SINGLE, _everywhere((1.0,)), _SINGLE_RHYTHMS,
                               {**_everywhere(WHITE), Level.UNKNOWN: DIMMED}, failed=(0.0,)),
    # no LED fitted: nothing lights, but the screen still draws what an RGB LED would show
    LedKind.NONE: LedProfile(LedKind.NONE, _everywhere(()), _RHYTHMS, _RGB_COLOURS, failed=()),
}


def _known(level: str) -> Level:
    return Level(level) if level in LEVELS else Level.UNKNOWN


def level_color(level: str, kind: LedKind = LedKind.RGB) -> tuple[int, int, int]:
    """The colour the LED shows for `level` as 0-255 RGB, for drawing it on a screen.

    An RGB LED (and `none`: what one would show) mixes the level's colour; a traffic light
    lights its green, amber or red lamp; a single LED is white-ish whatever the level (dim
    for unknown).
    """
    red, green, blue = PROFILES[kind].looks[_known(level)]
    return round(red * 255), round(green * 255), round(blue * 255)


def level_pattern(kind: LedKind, level: str) -> Pattern:
    """The looping pattern for `level` on a `kind` LED (an unknown level word shows as unknown)."""
    known = _known(level)
    return Pattern(known.value, PROFILES[kind].segments(known))


def _overlays(profile: LedProfile) -> Mapping[str, Pattern]:
    on, off = profile.full, profile.off
    flicker: list[Segment] = []
    for _ in range(6):
        flicker += [hold(0.1, on), hold(0.1, profile.failed)]
    return {
        "ack": Pattern("ack", (hold(0.15, on), hold(0.15, off), hold(0.15, on), hold(0.15, off)), repeat=False),
        "busy": Pattern("busy", (hold(0.8, on), hold(0.2, off)), repeat=False),
        "failed": Pattern("failed", (*flicker, hold(0.3, off)), repeat=False),
        "alert": Pattern("alert", (hold(0.25, off), hold(0.25, on), hold(0.25, off), hold(7.25, None))),
    }


def overlay_pattern(kind: LedKind, overlay: str) -> Pattern:
    """The pattern of `overlay` ("ack", "busy", "failed", "alert") on a `kind` LED."""
    return _overlays(PROFILES[kind])[overlay]

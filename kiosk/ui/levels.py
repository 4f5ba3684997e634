"""How each level looks on the wall: the LED's colour, a word readable from three metres, an icon.

Colour is never the only signal: each level also has its own word and its own icon shape.
"""

from dataclasses import dataclass

from kiosk.status.level import Level

__all__ = ["LEVELS", "MONITOR_STOPPED", "VERSIONS_DIFFER", "LevelLook", "look_for"]

RGB = tuple[float, float, float]
_WORDS = frozenset(level.value for level in Level)
_WHITE: RGB = (1.0, 1.0, 1.0)
_BLACK: RGB = (0.0, 0.0, 0.0)


@dataclass(frozen=True)
class LevelLook:
    """The band for one level: background colour, text colour, the big word and the icon's name."""

    level: Level
    colour: RGB
    text_colour: RGB
    word: str
    icon: str


LEVELS: dict[Level, LevelLook] = {
    look.level: look
    for look in (
        LevelLook(Level.OPERATIONAL, (0.0, 0.53, 0.22), _WHITE, "ICANotes is UP", "check"),
        LevelLook(Level.MAINTENANCE, (0.08, 0.33, 0.80), _WHITE, "READ-ONLY — maintenance", "lock"),
        LevelLook(Level.DEGRADED, (1.0, 0.70, 0.0), _BLACK, "SLOW / PARTLY DOWN", "warning"),
        LevelLook(Level.OUTAGE, (0.80, 0.07, 0.07), _WHITE, "ICANotes is DOWN", "stop"),
        LevelLook(Level.REGIONAL_OUTAGE, (0.80, 0.07, 0.07), _WHITE, "REGIONAL OUTAGE", "globe"),
        LevelLook(Level.OFFLINE, (0.72, 0.0, 0.62), _WHITE, "NO INTERNET HERE", "no_signal"),
        LevelLook(Level.UNKNOWN, (0.38, 0.38, 0.38), _WHITE, "STATUS UNKNOWN", "question"),
    )
}

MONITOR_STOPPED = LevelLook(Level.UNKNOWN, (0.38, 0.38, 0.38), _WHITE, "Status monitor not running", "question")
VERSIONS_DIFFER = LevelLook(Level.UNKNOWN, (0.38, 0.38, 0.38), _WHITE, "Monitor and screen versions differ",
                            "question")


def look_for(level: str) -> LevelLook:
    """The look of `level`; anything unrecognised looks like unknown."""
    return LEVELS.get(Level(level) if level in _WORDS else Level.UNKNOWN, LEVELS[Level.UNKNOWN])

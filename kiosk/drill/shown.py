"""What the LED and the screen show during a drill (pure): the drilled level, unless ICANotes is really in
trouble, when the truth wins at once."""

from collections.abc import Mapping
from typing import Any

__all__ = ["TRUTH_WINS", "drill_is_shown", "shown_level"]

TRUTH_WINS = ("maintenance", "degraded", "outage", "regional_outage", "offline")
"""Real levels that end a drill: anything but operational (and unknown, before the first check)."""


def drill_is_shown(real_level: str, drill: Mapping[str, Any] | None) -> bool:
    """Whether the drill is what people see now."""
    return bool(drill and drill.get("active")) and real_level not in TRUTH_WINS


def shown_level(real_level: str, drill: Mapping[str, Any] | None) -> str:
    """The level the LED plays: the drill's while it is shown, else the real one."""
    return str(drill["level"]) if drill is not None and drill_is_shown(real_level, drill) else real_level

"""What the LED and the screen show during a drill (pure): the drilled level, unless ICANotes is really in
trouble, when the truth wins at once."""

from typing import Protocol

__all__ = ["TRUTH_WINS", "Drill", "drill_is_shown", "shown_level"]

TRUTH_WINS = ("maintenance", "degraded", "outage", "regional_outage", "offline")
"""Real levels that end a drill: anything but operational (and unknown, before the first check)."""


class Drill(Protocol):
    """What deciding needs of a drill: whether it runs and the level practised (state.json's `DrillBlock`)."""

    @property
    def active(self) -> bool: ...

    @property
    def level(self) -> str | None: ...


def drill_is_shown(real_level: str, drill: Drill | None) -> bool:
    """Whether the drill is what people see now."""
    return drill is not None and drill.active and real_level not in TRUTH_WINS


def shown_level(real_level: str, drill: Drill | None) -> str:
    """The level the LED plays: the drill's while it is shown, else the real one."""
    if drill is not None and drill.level and drill_is_shown(real_level, drill):
        return drill.level
    return real_level

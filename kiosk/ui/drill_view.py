"""What the screen shows during a drill (pure, no Kivy): the drilled level's look, headline and checklist in
place of the real ones, and the words of the DRILL band on every screen. A real non-operational level
wins at once, even before the daemon has closed the drill."""

from datetime import datetime
from typing import Any

from kiosk.drill.shown import drill_is_shown
from kiosk.ui.clock_text import parse_time

__all__ = ["band_words", "drill_headline", "drill_of", "with_drill"]


def drill_of(state: dict[str, Any] | None) -> dict[str, Any] | None:
    """The state's running drill block, when the drill is what people should see."""
    if not state:
        return None
    drill = state.get("drill")
    if not isinstance(drill, dict) or not drill_is_shown(str(state.get("level", "unknown")), drill):
        return None
    return drill


def with_drill(state: dict[str, Any] | None) -> dict[str, Any] | None:
    """`state` as the Status screen should draw it: during a drill, the drilled level, its headline and steps."""
    drill = drill_of(state)
    if drill is None or state is None:
        return state
    return {**state, "level": drill.get("level"), "headline": drill.get("headline", "DRILL"),
            "guidance": drill.get("guidance", []), "incidents": [], "maintenances": []}


def drill_headline(state: dict[str, Any] | None) -> str | None:
    """The drill's own headline ("DRILL: practising an ICANotes outage. This is not real …"), when shown."""
    drill = drill_of(state)
    return str(drill.get("headline") or "DRILL: practice only") if drill is not None else None


def band_words(state: dict[str, Any] | None, now: datetime) -> str | None:
    """"DRILL · practice only — ICANotes is really working · ends 10:45", or None when no drill is shown."""
    drill = drill_of(state)
    if drill is None:
        return None
    until = parse_time(drill.get("until"))
    ends = f" · ends {until.astimezone(now.tzinfo):%H:%M}" if until else ""
    return f"DRILL · practice only — ICANotes is really working{ends}"

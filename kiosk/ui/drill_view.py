"""What the screen shows during a drill (pure, no Kivy): the drilled level's look, headline and checklist in
place of the real ones, and the words of the DRILL band on every screen. A real non-operational level
wins at once, even before the daemon has closed the drill."""

from dataclasses import replace
from datetime import datetime

from kiosk.drill.shown import drill_is_shown
from kiosk.state.document import DrillBlock, StateDocument
from kiosk.status.level import Level
from kiosk.ui.clock_text import parse_time

__all__ = ["band_words", "drill_headline", "drill_of", "with_drill"]


def drill_of(state: StateDocument | None) -> DrillBlock | None:
    """The state's running drill block, when the drill is what people should see."""
    if state is None or not drill_is_shown(state.status.level.value, state.drill):
        return None
    return state.drill


def with_drill(state: StateDocument | None) -> StateDocument | None:
    """`state` as the Status screen should draw it: during a drill, the drilled level, its headline and steps."""
    drill = drill_of(state)
    if drill is None or state is None or drill.level is None:
        return state
    try:
        level = Level(drill.level)
    except ValueError:
        return state
    status = replace(state.status, level=level, headline=drill.headline or "DRILL", guidance=drill.guidance or (),
                     incidents=(), maintenances=())
    return replace(state, status=status)


def drill_headline(state: StateDocument | None) -> str | None:
    """The drill's own headline ("DRILL: practising an ICANotes outage. This is not real …"), when shown."""
    drill = drill_of(state)
    return (drill.headline or "DRILL: practice only") if drill is not None else None


def band_words(state: StateDocument | None, now: datetime) -> str | None:
    """"DRILL · practice only — ICANotes is really working · ends 10:45", or None when no drill is shown."""
    drill = drill_of(state)
    if drill is None:
        return None
    until = parse_time(drill.until)
    ends = f" · ends {until.astimezone(now.tzinfo):%H:%M}" if until else ""
    return f"DRILL · practice only — ICANotes is really working{ends}"

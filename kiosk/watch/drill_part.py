"""The drill in the daemon: `state.drill` from the drill file, ended when its time is up and at once when a
real non-operational level appears (the screen and LED then show the truth)."""

import logging
from datetime import datetime
from typing import Any

from kiosk.drill.model import NO_DRILL
from kiosk.drill.shown import TRUTH_WINS
from kiosk.drill.store import DrillStore
from kiosk.status.guidance import guidance_for
from kiosk.status.level import Level
from kiosk.watch.state import WatchState

__all__ = ["DrillPart", "drill_block"]

log = logging.getLogger(__name__)


class DrillPart:
    """Keeps `state.drill` (`{active, level, until, started_at, headline, guidance}`) up to date."""

    name = "drill"

    def __init__(self, store: DrillStore, *, upload_url: str = "", interval: float = 1.0) -> None:
        self.store = store
        self.upload_url = upload_url
        self.interval = interval

    async def update(self, state: WatchState, now: datetime) -> bool:
        """End the drill when due; True when the block changed."""
        drill = self.store.open()
        if drill is not None and now >= drill.until:
            self.store.stop(drill.until, f"ended by itself after {_minutes(drill.until - drill.started_at)} min")
            log.info("drill of %s ended by itself", drill.level, extra={"EVENT": "drill_ended"})
        elif drill is not None and state.level in TRUTH_WINS:
            self.store.stop(now, f"a real {state.level} began: the drill ended at once")
            log.warning("drill ended: ICANotes is really %s", state.level,
                        extra={"EVENT": "drill_interrupted", "LEVEL": state.level})
        block = drill_block(self.store, now, self.upload_url)
        if block == state.drill:
            return False
        if block["active"] and not state.drill.get("active"):
            log.warning("drill started: %s until %s", block["level"], block["until"], extra={"EVENT": "drill_started"})
        state.drill = block
        return True


def drill_block(store: DrillStore, now: datetime, upload_url: str = "") -> dict[str, Any]:
    """The state file's `drill` object for the running drill, or `{active: false, …}`."""
    drill = store.running(now)
    if drill is None:
        return dict(NO_DRILL)
    return {**drill.status_json(now), "started_at": drill.started_at.isoformat(timespec="seconds"),
            "headline": f"DRILL: practising {_level_words(drill.level)}. This is not real: ICANotes is fine.",
            "guidance": list(guidance_for(Level(drill.level), upload_url) if upload_url else drill.checklist)}


def _level_words(level: str) -> str:
    return {"outage": "an ICANotes outage", "regional_outage": "a regional outage",
            "offline": "the clinic's internet being down"}.get(level, level)


def _minutes(length: Any) -> int:
    return int(length.total_seconds() // 60)

"""What `downtime-kiosk status` says about a drill: the `drill` object and one line for people.

The exit status stays the real level's, so monitoring never pages anyone for a drill.
"""

from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.drill.model import NO_DRILL
from kiosk.drill.store import DrillStore

__all__ = ["drill_json", "drill_line"]


def drill_json(state_dir: Path, now: datetime) -> dict[str, Any]:
    """`{active, level, until}`."""
    drill = DrillStore(state_dir).running(now)
    return drill.status_json(now) if drill is not None else dict(NO_DRILL)


def drill_line(block: dict[str, Any]) -> str | None:
    """"DRILL running: outage until 10:45 (the level above is the real one)", or None."""
    if not block.get("active"):
        return None
    until = datetime.fromisoformat(str(block["until"])).astimezone()
    return f"DRILL running: {block['level']} until {until:%H:%M} (the level above is the real one)"

"""Drills in `status --log --json`: rows marked `drill: true`, never folded into real downtimes."""

from collections.abc import Sequence
from typing import Any

from kiosk.drill.model import Drill

__all__ = ["drill_lines", "drill_rows"]


def drill_rows(drills: Sequence[Drill]) -> list[dict[str, Any]]:
    """One row per drill, oldest first, shaped like the downtime log's rows."""
    return [{"level": d.level, "start": d.started_at.isoformat(timespec="seconds"),
             "end": d.ended_at.isoformat(timespec="seconds") if d.ended_at else None, "drill": True,
             "downtime": None, "reconcile": None, "ended_how": d.ended_how,
             "prints": [p.to_json() for p in d.prints]} for d in drills]


def drill_lines(drills: Sequence[Drill]) -> list[str]:
    """For `status --log`: a heading and one line per drill, after the real windows."""
    if not drills:
        return []
    lines = ["", "drills (practice, not downtime):"]
    for d in drills:
        end = d.ended_at.strftime("%Y-%m-%d %H:%M:%S%z") if d.ended_at else "running"
        lines.append(f"  {d.level:<16} {d.started_at:%Y-%m-%d %H:%M:%S%z} to {end}: {d.ended_how or 'running'}, "
                     f"{len(d.prints)} printed")
    return lines

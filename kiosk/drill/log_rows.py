"""Drills in `status --log --json`: rows marked `drill: true`, never folded into real downtimes."""

from collections.abc import Sequence
from typing import Any

from kiosk.drill.model import Drill

__all__ = ["drill_rows"]


def drill_rows(drills: Sequence[Drill]) -> list[dict[str, Any]]:
    """One row per drill, oldest first, shaped like the downtime log's rows."""
    return [{"level": d.level, "start": d.started_at.isoformat(timespec="seconds"),
             "end": d.ended_at.isoformat(timespec="seconds") if d.ended_at else None, "drill": True,
             "downtime": None, "reconcile": None, "ended_how": d.ended_how,
             "prints": [p.to_json() for p in d.prints]} for d in drills]

"""One drill as data (pure): the level practised, when it began and is due to end, how it ended, what was
printed while it ran, and the checklist the screen showed."""

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

__all__ = ["DRILL_LEVELS", "NO_DRILL", "Drill", "DrillPrintNote"]

DRILL_LEVELS = ("outage", "regional_outage", "offline")


@dataclass(frozen=True, slots=True)
class DrillPrintNote:
    """Something printed during the drill: a form id, "packet", "schedule" … and when."""

    what: str
    at: datetime

    def to_json(self) -> dict[str, str]:
        """`{what, at}`."""
        return {"what": self.what, "at": self.at.isoformat(timespec="seconds")}


@dataclass(frozen=True, slots=True)
class Drill:
    """A drill; `ended_at` is None while it runs (until `until`, when it ends by itself)."""

    level: str
    started_at: datetime
    until: datetime
    checklist: tuple[str, ...] = ()
    ended_at: datetime | None = None
    ended_how: str = ""
    prints: tuple[DrillPrintNote, ...] = field(default=())

    def running(self, now: datetime) -> bool:
        """Not ended, and not past its end time."""
        return self.ended_at is None and now < self.until

    def ended(self, at: datetime, how: str) -> "Drill":
        """The drill ended at `at` (never after `until`), for the reason `how`."""
        return replace(self, ended_at=min(at, self.until), ended_how=how)

    def printed(self, what: str, at: datetime) -> "Drill":
        """The drill with one more print noted."""
        return replace(self, prints=(*self.prints, DrillPrintNote(what, at)))

    def status_json(self, now: datetime) -> dict[str, Any]:
        """`{active, level, until}`: what `status --json` and state.json say about it."""
        if not self.running(now):
            return {"active": False, "level": None, "until": None}
        return {"active": True, "level": self.level, "until": self.until.isoformat(timespec="seconds")}

    def to_json(self) -> dict[str, Any]:
        """The whole record as the drill file keeps it."""
        return {"level": self.level, "started_at": self.started_at.isoformat(timespec="seconds"),
                "until": self.until.isoformat(timespec="seconds"), "checklist": list(self.checklist),
                "ended_at": self.ended_at.isoformat(timespec="seconds") if self.ended_at else None,
                "ended_how": self.ended_how, "prints": [p.to_json() for p in self.prints]}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Drill":
        """Read back `to_json()` (ValueError, KeyError or TypeError when it is not one)."""
        level = str(data["level"])
        if level not in DRILL_LEVELS:
            raise ValueError(f"not a drill level: {level!r}")
        ended = data.get("ended_at")
        return cls(level=level, started_at=datetime.fromisoformat(data["started_at"]),
                   until=datetime.fromisoformat(data["until"]),
                   checklist=tuple(str(s) for s in data.get("checklist", [])),
                   ended_at=datetime.fromisoformat(ended) if ended else None, ended_how=str(data.get("ended_how", "")),
                   prints=tuple(DrillPrintNote(str(p["what"]), datetime.fromisoformat(p["at"]))
                                for p in data.get("prints", [])))


NO_DRILL: dict[str, Any] = {"active": False, "level": None, "until": None}

"""The persistent downtime log: every level change, with when each level started and ended.

A later reconciliation sheet lists the visits inside each window that was not operational,
so the log survives reboots (`state_dir/downtime-log.json`, written atomically) and keeps
the most recent `MAX_ENTRIES` windows. Levels only; no PHI ever goes in it.
"""

import json
import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.status.level import Level
from print_service.storage import read_json_object, write_atomic

__all__ = ["LOG_FILE_NAME", "MAX_ENTRIES", "DowntimeLog", "DowntimeWindow"]

log = logging.getLogger(__name__)

LOG_FILE_NAME = "downtime-log.json"
MAX_ENTRIES = 2000


@dataclass(frozen=True, slots=True)
class DowntimeWindow:
    """One stretch of time at one level; `end` is None for the current one."""

    level: Level
    start: datetime
    end: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        """`{level, start, end}` with ISO 8601 times (offset included)."""
        return {"level": self.level.value, "start": self.start.isoformat(timespec="seconds"),
                "end": self.end.isoformat(timespec="seconds") if self.end else None}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "DowntimeWindow":
        """Read back `to_json()` (ValueError/KeyError/TypeError when it is not one)."""
        end = data.get("end")
        return cls(Level(data["level"]), datetime.fromisoformat(data["start"]),
                   datetime.fromisoformat(end) if end else None)


class DowntimeLog:
    """The log file in `state_dir`. A damaged file is set aside (renamed) when the next change is recorded.

    >>> log = DowntimeLog(paths.state_dir)
    >>> log.record(Level.OUTAGE, now)          # closes the open window, opens an outage one
    >>> log.entries()[-1].level
    <Level.OUTAGE: 'outage'>
    """

    def __init__(self, state_dir: Path, *, max_entries: int = MAX_ENTRIES) -> None:
        self.path = state_dir / LOG_FILE_NAME
        self.max_entries = max_entries
        self._damaged = False
        self._entries: list[DowntimeWindow] = self._load()

    def entries(self) -> list[DowntimeWindow]:
        """Every window kept, oldest first; the last one is open (end None) once anything was recorded."""
        return list(self._entries)

    def recent(self, count: int = 20) -> list[DowntimeWindow]:
        """The `count` most recent windows, most recent first (what the state file shows)."""
        return list(reversed(self._entries[-count:]))

    def current(self) -> DowntimeWindow | None:
        """The open window, if any."""
        return self._entries[-1] if self._entries and self._entries[-1].end is None else None

    def record(self, level: Level, at: datetime) -> bool:
        """Note that the level is `level` from `at` on; returns whether anything changed."""
        if level is Level.UNKNOWN:
            return False
        open_window = self.current()
        if open_window is not None:
            if open_window.level is level:
                return False
            self._entries[-1] = DowntimeWindow(open_window.level, open_window.start, max(at, open_window.start))
        self._entries.append(DowntimeWindow(level, at))
        del self._entries[:-self.max_entries]
        self._save()
        return True

    def _save(self) -> None:
        if self._damaged:
            self._set_aside()
        document = {"schema": 1, "entries": [entry.to_json() for entry in self._entries]}
        write_atomic(self.path, (json.dumps(document, indent=1) + "\n").encode(), mode=0o644)

    def _load(self) -> list[DowntimeWindow]:
        document = read_json_object(self.path)
        if document is None and not self.path.exists():
            return []
        try:
            if document is None:
                raise ValueError("not a JSON object")
            return [DowntimeWindow.from_json(row) for row in document["entries"]]
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            log.warning("%s: cannot be read (%s); a new log is begun at the next change", self.path, exc)
            self._damaged = True
            return []

    def _set_aside(self) -> None:
        damaged = self.path.with_name(self.path.name + ".damaged")
        try:
            self.path.replace(damaged)
            log.warning("%s: the unreadable log is kept as %s", self.path, damaged.name)
        except OSError as exc:
            log.warning("%s: cannot be set aside: %s", self.path, exc)
        self._damaged = False

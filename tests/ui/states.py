"""State files for the UI tests, written exactly per the watch daemon's schema (docs: interfaces)."""

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from print_service.storage.atomic import write_atomic

NOW = datetime(2026, 11, 25, 14, 30, tzinfo=UTC)
LEVELS = ("operational", "maintenance", "degraded", "outage", "regional_outage", "offline", "unknown")

HEADLINES = {
    "operational": "All systems operational",
    "maintenance": "Scheduled maintenance in progress: notes are read-only",
    "degraded": "ICANotes is slow: pages take long to load",
    "outage": "Major outage: ICANotes cannot be reached",
    "regional_outage": "ICANotes is down for the whole region",
    "offline": "This office has no internet connection",
    "unknown": "The status page could not be read",
}


class FakeClock:
    """Wall and monotonic time that only move when a test says so."""

    def __init__(self, now: datetime = NOW) -> None:
        self.wall = now
        self.mono_seconds = 1000.0

    def now(self) -> datetime:
        return self.wall

    def mono(self) -> float:
        return self.mono_seconds

    def advance(self, seconds: float) -> None:
        self.wall += timedelta(seconds=seconds)
        self.mono_seconds += seconds


def iso(moment: datetime) -> str:
    return moment.isoformat()


def make_state(level: str = "operational", *, now: datetime = NOW, **changes: Any) -> dict[str, Any]:
    """A complete, valid state document at `now` (heartbeat now, checked 40 s ago)."""
    state: dict[str, Any] = {
        "schema": 1,
        "heartbeat_at": iso(now),
        "level": level,
        "headline": HEADLINES[level],
        "checked_at": iso(now - timedelta(seconds=40)),
        "stale": False,
        "page": {"name": "ICANotes", "status": "UP" if level == "operational" else "HASISSUES"},
        "components": [{"id": "c1", "name": "EHR", "status": "OPERATIONAL"}],
        "incidents": [],
        "maintenances": [],
        "probes": {
            "status_page": {"ok": True, "http_status": 200, "error": None, "elapsed_ms": 120},
            "ehr": {"ok": level == "operational", "http_status": 200 if level == "operational" else 503,
                    "error": None, "elapsed_ms": 340},
            "upload": {"ok": True, "http_status": 200, "error": None, "elapsed_ms": 200},
            "internet": {"ok": level != "offline", "http_status": 204, "error": None, "elapsed_ms": 40},
        },
        "guidance": [f"Step one for {level}.", f"Step two for {level}."],
        "level_since": iso(now - timedelta(minutes=12)),
        "led": {"pattern": level, "overlay": None, "color": [0, 255, 0]},
        "printer": {"queue": "office", "state": "idle", "message": "Ready", "can_resume": False, "jobs": []},
        "schedule": {"source": "https://ehr.example", "fetched_at": iso(now - timedelta(hours=2)), "count": 12,
                     "stale": False, "error": None},
        "nightly": {"date": "2026-11-24", "outcome": "printed", "at": iso(now - timedelta(hours=18)),
                    "message": "12 appointments for Wed 25 Nov"},
        "alerts": [],
        "downtime_log": [],
        "config": {"source": "/etc/downtime-kiosk/config.toml", "error": None},
    }
    state.update(changes)
    return state


def write_state(path: Path, state: dict[str, Any]) -> None:
    """Replace the state file atomically, as the daemon does."""
    write_atomic(path, json.dumps(state).encode())

"""State files for the UI tests, built by the watch daemon's own writer (so a change to the document reaches them)."""

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from kiosk.led.scene import LedView
from kiosk.state.document import NightlyBlock, PrinterBlock, ScheduleBlock, StateDocument
from kiosk.status.level import Level
from kiosk.status.report import Component
from kiosk.status.snapshot import PageSummary, ProbeResult, Probes, StatusSnapshot
from kiosk.watch.state import WatchState
from print_service.storage.atomic import write_atomic

NOW = datetime(2026, 11, 25, 14, 30, tzinfo=UTC)
LEVELS = tuple(level.value for level in Level)

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
    """A complete, valid state document at `now` (heartbeat now, checked 40 s ago), made by the daemon's own
    writer (`WatchState.document()`); `changes` then replace top-level keys of the published form."""
    ok = level == "operational"
    state = WatchState(config_source="/etc/downtime-kiosk/config.toml")
    state.status = StatusSnapshot(
        Level(level), HEADLINES[level], now - timedelta(seconds=40),
        page=PageSummary("ICANotes", "UP" if ok else "HASISSUES"),
        components=(Component("c1", "EHR", "OPERATIONAL"),),
        probes=Probes(status_page=ProbeResult(True, 200, None, 120),
                      ehr=ProbeResult(ok, 200 if ok else 503, None, 340),
                      upload=ProbeResult(True, 200, None, 200),
                      internet=ProbeResult(level != "offline", 204, None, 40)),
        guidance=(f"Step one for {level}.", f"Step two for {level}."),
    )
    state.level_since = iso(now - timedelta(minutes=12))
    state.led = LedView(level, None, (0, 255, 0))
    state.printer = PrinterBlock("office", "idle", "Ready", False)
    state.schedule = ScheduleBlock("https://ehr.example", iso(now - timedelta(hours=2)), 12, False, None)
    state.nightly = NightlyBlock("2026-11-24", "printed", iso(now - timedelta(hours=18)),
                                 "12 appointments for Wed 25 Nov")
    document = replace(state.document(), heartbeat_at=iso(now)).to_json()
    document.update(changes)
    return document


def write_state(path: Path, state: dict[str, Any]) -> None:
    """Replace the state file atomically, as the daemon does."""
    write_atomic(path, json.dumps(state).encode())


def doc(state: dict[str, Any]) -> StateDocument:
    """`state` (as make_state builds it, with the test's changes) read back as the screen reads the file."""
    return StateDocument.from_json(state)

"""The typed state document: the same bytes as the dict-based writer it replaced, a lossless round trip,
and a clear refusal of another version's schema."""

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.led.scene import LedView
from kiosk.state.document import (
    SCHEMA,
    Alert,
    DrillBlock,
    LogEntry,
    NightlyBlock,
    PrinterBlock,
    PrintJobRow,
    ReconcileBlock,
    ScheduleBlock,
    SchemaMismatch,
    StateDocument,
    StateDocumentError,
)
from kiosk.state.file import encode_document
from kiosk.status.downtime_log import DowntimeWindow
from kiosk.status.level import Level
from kiosk.status.related_service import RelatedResult
from kiosk.status.report import Component, Incident, Maintenance
from kiosk.status.snapshot import PageSummary, ProbeResult, Probes, StatusSnapshot
from kiosk.ui.state_file import StateFileReader
from kiosk.ui.status_view import status_view
from kiosk.watch.state import WatchState
from print_service.schedule.cache import Freshness
from print_service.schedule.records import NightlyRecord
from tests.watch import legacy_state

AT = datetime(2026, 11, 25, 14, 30, 5, tzinfo=UTC)
HEARTBEAT = "2026-11-25T14:30:07.250+00:00"


def snapshot() -> StatusSnapshot:
    return StatusSnapshot(
        Level.MAINTENANCE, "Maintenance: ICANotes may be read-only (Database upgrade).", AT, stale=False,
        page=PageSummary("ICANotes", "UNDERMAINTENANCE"),
        components=(Component("c1", "EHR", "UNDERMAINTENANCE"), Component("c2", "Upload", "OPERATIONAL")),
        incidents=(Incident("Slow saves", "INVESTIGATING", "MINOR", AT - timedelta(hours=1), "https://x/i/1",
                            component_ids=("c1",)),),
        maintenances=(Maintenance("Database upgrade", "INPROGRESS", AT, AT + timedelta(hours=2), None),),
        probes=Probes(ProbeResult(True, 200, None, 120), ProbeResult(True, 302, None, 88),
                      ProbeResult(False, 503, "https://upload: HTTP 503", 40), ProbeResult(True, 204, None, 12)),
        guidance=("ICANotes may be read-only.", "Write new notes on paper."),
        related=(RelatedResult("DrFirst", True, 200, None, 30, "https://drfirst.example/status", "UP"),
                 RelatedResult("Phones", False, None, "https://phones: timed out", 10000)),
    )


def both_writers() -> tuple[legacy_state.WatchState, WatchState]:
    """The old and the new daemon state fed the same inputs, as the parts and the daemon feed them."""
    windows = [DowntimeWindow(Level.OUTAGE if i % 2 else Level.OPERATIONAL, AT - timedelta(hours=i),
                              None if i == 0 else AT - timedelta(hours=i - 1)) for i in range(25)]
    freshness = Freshness("https://ehr.example/feed.ics", AT - timedelta(minutes=30), 12, False, None, "ics")
    nightly = NightlyRecord(date(2026, 11, 26), "printed", AT - timedelta(hours=20), "12 appointments")
    jobs = [PrintJobRow("41", "therapist-note", "completed", "Printed", "2026-11-25T14:00:00+00:00"),
            PrintJobRow("42", "downtime-log", "failed", "Out of paper", "2026-11-25T14:01:00+00:00")]
    printer = PrinterBlock("office", "stopped", "Out of paper — add paper, then Resume", True, tuple(jobs))
    led = LedView("maintenance", "alert", (0, 0, 255))
    old = legacy_state.WatchState(config_source="/etc/downtime-kiosk/config.toml")
    new = WatchState(config_source="/etc/downtime-kiosk/config.toml")
    old.status, new.status = snapshot().to_json(), snapshot()
    old.level_since = new.level_since = "2026-11-25T13:00:00+00:00"
    old.led = new.led = led
    old.printer, new.printer = printer.to_json(), printer
    old.schedule, new.schedule = freshness.to_json(), ScheduleBlock.from_json(freshness.to_json())
    old.nightly, new.nightly = nightly.to_json(), NightlyBlock.from_json(nightly.to_json())
    old.file_alerts = [legacy_state.Alert("nightly_print", "2026-11-24T18:00:00+00:00", "The print failed")]
    new.file_alerts = [Alert("nightly_print", "2026-11-24T18:00:00+00:00", "The print failed")]
    for state in (old, new):
        state.raise_alert("printer", "Out of paper", AT)
        state.config_error = "config.toml: status.poll_seconds: expected a number greater than 0, got 0"
    old.downtime_log = [w.to_json() for w in windows[:20]]
    new.downtime_log = tuple(LogEntry.from_json(w.to_json()) for w in windows[:20])
    old.reconcile = {"pending": {"key": "2026-11-25T09:12:00+00:00", "start": "2026-11-25T09:12:00+00:00",
                                 "end": "2026-11-25T11:47:00+00:00", "level": "outage",
                                 "levels": ["degraded", "outage"],
                                 "message": "ICANotes is back — print the catch-up sheet for the downtime 09:12–11:47"}}
    new.reconcile = ReconcileBlock.from_json(old.reconcile)
    old.drill = {"active": True, "level": "outage", "until": "2026-11-25T15:00:05+00:00",
                 "started_at": "2026-11-25T14:30:05+00:00",
                 "headline": "DRILL: practising an ICANotes outage. This is not real: ICANotes is fine.",
                 "guidance": ["Use paper forms.", "Call the on-call clinician."]}
    new.drill = DrillBlock.from_json(old.drill)
    return old, new


def legacy_bytes(state: legacy_state.WatchState) -> bytes:
    """What the old publisher wrote for `state` with this heartbeat."""
    return json.dumps({"schema": 1, "heartbeat_at": HEARTBEAT, **state.document()}, indent=1, default=str).encode()


def new_bytes(state: WatchState) -> bytes:
    return encode_document(replace(state.document(), heartbeat_at=HEARTBEAT))


def test_a_fresh_daemon_writes_the_same_bytes_as_before() -> None:
    old = legacy_state.WatchState(config_source="built-in defaults")
    new = WatchState(config_source="built-in defaults")
    assert new_bytes(new) == legacy_bytes(old)


def test_a_busy_daemon_writes_the_same_bytes_as_before() -> None:
    old, new = both_writers()
    assert new_bytes(new) == legacy_bytes(old)
    old.config_error = new.config_error = None
    old.setup_config_error = new.setup_config_error = ("/boot/kiosk.toml", "not valid TOML")
    old.nightly, new.nightly = None, None
    old.reconcile, new.reconcile = {"pending": None}, ReconcileBlock()
    old.drill, new.drill = {"active": False, "level": None, "until": None}, DrillBlock()
    assert new_bytes(new) == legacy_bytes(old)


def test_the_document_reads_back_to_the_same_value_and_bytes() -> None:
    _, new = both_writers()
    written = new_bytes(new)
    document = StateDocument.from_json(json.loads(written))
    assert encode_document(document) == written
    assert document.level is Level.MAINTENANCE
    assert document.printer.jobs[1].message == "Out of paper"
    assert [alert.kind for alert in document.alerts] == ["nightly_print", "printer"]
    assert document.drill.active and document.drill.guidance == ("Use paper forms.", "Call the on-call clinician.")
    assert document.reconcile.pending is not None and document.reconcile.pending.levels == ("degraded", "outage")
    assert [r.name for r in document.status.related] == ["DrFirst", "Phones"]


def test_another_schema_is_refused_with_the_reason(tmp_path: Path) -> None:
    _, new = both_writers()
    data = json.loads(new_bytes(new))
    data["schema"] = SCHEMA + 1
    with pytest.raises(SchemaMismatch, match="monitor and screen versions differ"):
        StateDocument.from_json(data)
    path = tmp_path / "state.json"
    path.write_text(json.dumps(data))
    reader = StateFileReader(path)
    assert reader.read() == (None, True)
    assert reader.refusal is not None and "monitor and screen versions differ" in reader.refusal
    view = status_view(None, AT, monitor_timeout=30, stale_after=180, refusal=reader.refusal)
    assert view.look.word == "Monitor and screen versions differ"
    assert not view.monitor_running and view.checked == reader.refusal


@pytest.mark.parametrize("key, value, words", [
    ("printer", {"queue": None}, "state: missing"),
    ("led", {"pattern": "x", "overlay": None, "color": [1, 2]}, "led.color"),
    ("alerts", [1], "alerts: expected a list of objects"),
    ("schedule", {"source": None, "fetched_at": None, "count": "3", "stale": False, "error": None}, "count"),
    ("level", "sideways", "sideways"),
    ("drill", {"active": "yes", "level": None, "until": None}, "active"),
    ("reconcile", {"pending": {"key": "k"}}, "levels: missing"),
])
def test_a_damaged_document_is_one_clear_error(key: str, value: object, words: str) -> None:
    _, new = both_writers()
    data = json.loads(new_bytes(new))
    data[key] = value
    with pytest.raises(StateDocumentError, match=words):
        StateDocument.from_json(data)

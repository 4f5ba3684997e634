"""The pure core: timestamps, decoding, provider detection, snapshots, the downtime log, exit codes."""

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from kiosk.status import Level, StatusSnapshot, exit_code_for
from kiosk.status.downtime_log import MAX_ENTRIES, DowntimeLog
from kiosk.status.providers import PayloadError, decode_json, parse_instatus, parse_statuspage, parse_time
from kiosk.status.providers.instatus import is_instatus_summary
from kiosk.status.providers.statuspage import is_statuspage_summary
from kiosk.status.report import Component, Incident, Maintenance, enum_key
from kiosk.status.snapshot import PageSummary, ProbeResult, Probes

EST = timezone(timedelta(hours=-5))


@pytest.mark.parametrize(("text", "expected"), [
    ("2030-03-04T14:05:00Z", datetime(2030, 3, 4, 14, 5, tzinfo=UTC)),
    ("2030-03-04T14:21:07.250Z", datetime(2030, 3, 4, 14, 21, 7, 250000, tzinfo=UTC)),
    ("2030-03-04T09:12:45.120-05:00", datetime(2030, 3, 4, 9, 12, 45, 120000, tzinfo=EST)),
    ("2030-03-04T14:05:00", datetime(2030, 3, 4, 14, 5, tzinfo=UTC)),
    ("Tue Mar 04 2030 14:05:00 GMT+0000 (Coordinated Universal Time)", datetime(2030, 3, 4, 14, 5, tzinfo=UTC)),
    ("Tue Mar 04 2030 09:05:00 GMT-0500 (Eastern Standard Time)", datetime(2030, 3, 4, 9, 5, tzinfo=EST)),
    ("yesterday", None), ("", None), (None, None), (1741096800, None),
])
def test_parse_time(text: object, expected: datetime | None) -> None:
    assert parse_time(text) == expected


def test_both_vocabularies_fold_together() -> None:
    assert enum_key("major_outage") == enum_key("MAJOROUTAGE") == enum_key(" MajorOutage ") == "MAJOROUTAGE"
    assert enum_key("in_progress") == "INPROGRESS"


@pytest.mark.parametrize(("body", "ctype", "message"), [
    (b"<!DOCTYPE html><html>", "text/html", "web page (HTML)"),
    (b"  <html>", "application/json", "web page (HTML)"),
    (b"{}", "text/html", None),
    (b"", "application/json", "empty body"),
    (b'{"a": ', "application/json", "invalid JSON (Expecting value)"),
])
def test_decode_json(body: bytes, ctype: str, message: str | None) -> None:
    if message is None:
        assert decode_json(body, ctype) == {}
    else:
        with pytest.raises(PayloadError, match=message.replace("(", r"\(").replace(")", r"\)")):
            decode_json(body, ctype)


def test_provider_detection() -> None:
    instatus = {"page": {"name": "x", "status": "UP"}}
    statuspage = {"page": {"name": "x"}, "status": {"indicator": "none"}, "components": []}
    assert is_instatus_summary(instatus) and not is_statuspage_summary(instatus)
    assert is_statuspage_summary(statuspage) and not is_instatus_summary(statuspage)
    assert not is_instatus_summary({"page": {"status": ""}})
    assert not is_instatus_summary([])


def test_instatus_parse_drops_closed_rows_and_computes_maintenance_end() -> None:
    report = parse_instatus({
        "page": {"name": " ICANotes ", "status": "UP"},
        "activeIncidents": [{"name": "old", "status": "RESOLVED", "impact": "MAJOROUTAGE"}],
        "activeMaintenances": [{"name": "done", "status": "COMPLETED"},
                               {"name": "soon", "status": "NOTSTARTEDYET", "start": "2030-03-05T03:00:00Z",
                                "duration": "45"},
                               {"name": "odd", "status": "NOTSTARTEDYET", "start": "2030-03-05T03:00:00Z",
                                "duration": "lots"}],
    }, {"components": [{"id": "a", "name": "  EHR", "status": "OPERATIONAL"}]})
    assert report.name == "ICANotes"
    assert report.incidents == ()
    assert [(m.name, m.end) for m in report.maintenances] == [
        ("soon", datetime(2030, 3, 5, 3, 45, tzinfo=UTC)), ("odd", None)]
    assert report.components == (Component("a", "EHR", "OPERATIONAL"),)


def test_instatus_components_of_the_wrong_shape_only_add_a_note() -> None:
    report = parse_instatus({"page": {"status": "UP"}}, {"items": []})
    assert report.notes == ("components.json has no components list",)


def test_statuspage_parse() -> None:
    report = parse_statuspage({
        "page": {"name": "Vendor"}, "status": {"indicator": "minor"}, "components": [],
        "incidents": [{"name": "done", "status": "postmortem", "impact": "major"},
                      {"name": "open", "status": "identified", "impact": "minor", "shortlink": "https://stspg.io/x",
                       "created_at": "2030-03-04T09:00:00-05:00", "components": [{"id": "c1"}]}],
        "scheduled_maintenances": [{"name": "m", "status": "scheduled", "scheduled_for": "2030-03-09T01:00:00Z",
                                    "scheduled_until": "2030-03-09T02:00:00Z"}],
    })
    assert report.status == "minor"
    assert report.incidents == (Incident("open", "identified", "minor", datetime(2030, 3, 4, 9, tzinfo=EST),
                                         "https://stspg.io/x", ("c1",)),)
    assert report.maintenances[0].end == datetime(2030, 3, 9, 2, tzinfo=UTC)
    with pytest.raises(PayloadError, match="not a Statuspage page"):
        parse_statuspage({"page": {"status": "UP"}})


def test_snapshot_round_trip() -> None:
    snapshot = StatusSnapshot(
        level=Level.DEGRADED, headline="h", checked_at=datetime(2030, 3, 4, 9, tzinfo=EST), stale=True,
        page=PageSummary("ICANotes", "HASISSUES"), components=(Component("a", "EHR", "PARTIALOUTAGE"),),
        incidents=(Incident("slow", "IDENTIFIED", "PARTIALOUTAGE", datetime(2030, 3, 4, 8, tzinfo=UTC), None),),
        maintenances=(Maintenance("m", "NOTSTARTEDYET", None, None, "https://x.test"),),
        probes=Probes(ehr=ProbeResult(True, 302, None, 12), upload=ProbeResult(error="not checked")),
        guidance=("do this",))
    data = json.loads(json.dumps(snapshot.to_json()))
    assert StatusSnapshot.from_json(data) == snapshot
    assert data["checked_at"] == "2030-03-04T09:00:00-05:00"


@pytest.mark.parametrize("data", [{}, {"level": "purple", "headline": ""}, {"level": "outage"},
                                  {"level": "outage", "headline": "x", "checked_at": 5},
                                  {"level": "outage", "headline": "x", "components": [{"id": 1}]},
                                  {"level": "outage", "headline": "x", "probes": {"ehr": {"ok": "yes"}}}])
def test_snapshot_from_garbage_is_a_value_error(data: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        StatusSnapshot.from_json(data)


def test_exit_codes() -> None:
    assert {level: exit_code_for(level) for level in Level} == {
        Level.OPERATIONAL: 0, Level.DEGRADED: 1, Level.MAINTENANCE: 1, Level.OUTAGE: 2,
        Level.REGIONAL_OUTAGE: 2, Level.OFFLINE: 2, Level.UNKNOWN: 3}


def test_downtime_log_rules(tmp_path: Path) -> None:
    log = DowntimeLog(tmp_path)
    start = datetime(2030, 3, 4, 9, tzinfo=UTC)
    assert not log.record(Level.UNKNOWN, start)
    assert not (tmp_path / "downtime-log.json").exists()
    assert log.record(Level.OPERATIONAL, start)
    assert not log.record(Level.OPERATIONAL, start + timedelta(minutes=1))
    assert log.record(Level.OUTAGE, start - timedelta(minutes=5))  # a clock set back never makes end < start
    first, second = log.entries()
    assert first.end == first.start and second.level is Level.OUTAGE and second.end is None
    assert log.current() == second


def test_downtime_log_keeps_the_most_recent(tmp_path: Path) -> None:
    assert MAX_ENTRIES >= 1000  # years of changes
    log = DowntimeLog(tmp_path, max_entries=10)
    start = datetime(2030, 3, 4, 9, tzinfo=UTC)
    for n in range(15):
        log.record(Level.OUTAGE if n % 2 else Level.OPERATIONAL, start + timedelta(minutes=n))
    entries = DowntimeLog(tmp_path).entries()
    assert len(entries) == 10
    assert entries[0].start == start + timedelta(minutes=5)
    assert entries[-1].start == start + timedelta(minutes=14)

"""The pure parts of the screen: age and time words, the status and info views, the state file reader, night."""

from datetime import time, timedelta
from pathlib import Path

import pytest

from kiosk.state.document import StateDocumentError
from kiosk.ui.address import local_addresses
from kiosk.ui.clock_text import age_words, parse_time, window_words
from kiosk.ui.info_view import info_sections
from kiosk.ui.night import NightMode, in_window
from kiosk.ui.state_file import StateFileReader
from kiosk.ui.status_view import status_view
from tests.ui.states import NOW, doc, iso, make_state, write_state


def test_age_words_change_rarely() -> None:
    assert [age_words(s) for s in (0, 89, 90, 149, 150, 3599, 3600, 7300, 30000, 200000)] == [
        "just now", "just now", "2 min ago", "2 min ago", "2 min ago", "59 min ago", "1 h 0 min ago",
        "2 h 1 min ago", "8 h ago", "2 days ago"]


def test_parse_time_needs_an_offset() -> None:
    assert parse_time("2026-11-25T14:30:00+00:00") == NOW
    assert parse_time("2026-11-25T14:30:00Z") == NOW
    assert parse_time("2026-11-25T14:30:00") is None
    assert parse_time("yesterday") is None and parse_time(None) is None and parse_time(5) is None


def test_window_words() -> None:
    start = NOW + timedelta(hours=1)
    local = start.astimezone()
    assert window_words(start, start + timedelta(hours=2), NOW).startswith(f"{local:%H:%M}–")
    assert window_words(NOW - timedelta(minutes=5), None, NOW).startswith("since ")
    assert window_words(None, None, NOW) == "time not given"


def test_maintenance_split_into_now_and_planned_and_done_ones_dropped() -> None:
    state = make_state("maintenance", maintenances=[
        {"name": "Now", "status": "INPROGRESS", "start": iso(NOW - timedelta(minutes=5)),
         "end": iso(NOW + timedelta(minutes=5)), "url": ""},
        {"name": "Later", "status": "NOTSTARTEDYET", "start": iso(NOW + timedelta(days=2)), "end": None, "url": ""},
        {"name": "Over", "status": "COMPLETED", "start": iso(NOW - timedelta(days=1)), "end": None, "url": ""},
        {"name": "Past", "status": "INPROGRESS", "start": iso(NOW - timedelta(hours=3)),
         "end": iso(NOW - timedelta(hours=1)), "url": ""},
    ])
    view = status_view(doc(state), NOW, monitor_timeout=30, stale_after=180)
    assert [line.split(":")[0] for line in view.maintenance_now] == ["Now"]
    assert [line.split(":")[0] for line in view.maintenance_next] == ["Later"]


def test_malformed_pieces_of_the_state_are_refused_and_the_last_good_state_stays(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    reader = StateFileReader(path)
    write_state(path, make_state("outage"))
    good, _ = reader.read()
    assert good is not None and good.status.level.value == "outage"
    for broken in ({"incidents": "nonsense"}, {"maintenances": [None, 3]}, {"guidance": None},
                   {"level": "martian"}, {"printer": {"queue": 3}}):
        with pytest.raises(StateDocumentError):
            doc({**make_state("outage"), **broken})
        write_state(path, {**make_state("operational"), **broken})
        assert reader.read() == (good, False), broken
    assert status_view(good, NOW, monitor_timeout=30, stale_after=180).look.word == "ICANotes is DOWN"


def test_info_sections_name_probes_schedule_nightly_and_log() -> None:
    state = make_state("outage", downtime_log=[
        {"level": "outage", "start": iso(NOW - timedelta(minutes=30)), "end": None},
        {"level": "degraded", "start": iso(NOW - timedelta(days=1, hours=2)), "end": iso(NOW - timedelta(days=1))},
    ], config={"source": "/etc/downtime-kiosk/config.toml", "error": "status.poll_seconds: expected a number"})
    sections = {s.title: s.lines for s in info_sections(doc(state), NOW, version="9.9", address="10.0.0.7",
                                                          config_source="x")}
    assert sections["This kiosk"][:2] == ["Version 9.9", "IP address 10.0.0.7"]
    assert "Configuration problem: status.poll_seconds: expected a number" in sections["This kiosk"]
    assert "ICANotes sign-in: FAILED: HTTP 503" in sections["Last checks"]
    assert "Status page: OK (HTTP 200, 120 ms)" in sections["Last checks"]
    assert sections["Schedule copy"][0] == "Source https://ehr.example"
    assert sections["Last nightly print"][0].startswith("Printed ") and "yesterday" in sections["Last nightly print"][0]
    assert not any("2026-" in line for lines in sections.values() for line in lines), "one date style"
    assert "still going: ICANotes is DOWN" in sections["Downtime log"][0]
    assert "(120 min): SLOW / PARTLY DOWN" in sections["Downtime log"][1]


def test_info_sections_before_the_monitor_reported() -> None:
    sections = {s.title: s.lines for s in info_sections(None, NOW, version="9.9", address="10.0.0.7",
                                                          config_source="/etc/downtime-kiosk/config.toml")}
    assert sections["This kiosk"] == ["Version 9.9", "IP address 10.0.0.7",
                                      "Configuration /etc/downtime-kiosk/config.toml"]
    assert sections["Last checks"] == ["no checks yet"]
    assert sections["Downtime log"] == ["no downtime recorded"]
    unprobed = {s.title: s.lines for s in info_sections(doc({**make_state("outage"), "probes": {}}), NOW,
                                                          version="9.9", address="x", config_source="x")}
    assert unprobed["Last checks"] == ["no checks yet"]


def test_state_reader_keeps_the_last_good_state(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    reader = StateFileReader(path)
    assert reader.read() == (None, False)
    write_state(path, make_state("outage"))
    state, changed = reader.read()
    assert changed and state is not None and state.status.level.value == "outage"
    assert reader.read() == (state, False)
    path.write_text("{ half a file")
    assert reader.read() == (state, False)
    path.unlink()
    assert reader.read() == (state, False)


def test_night_window_wraps_midnight_and_trouble_keeps_it_lit() -> None:
    night = (time(20, 0), time(7, 0))
    assert in_window(time(23, 0), night) and in_window(time(6, 59), night)
    assert not in_window(time(7, 0), night) and not in_window(time(12, 0), night)
    assert not in_window(time(12, 0), None)
    mode = NightMode(night, wake_seconds=120)
    assert mode.is_dark(time(22, 0), "operational", 0)
    assert not mode.is_dark(time(22, 0), "outage", 0)
    mode.wake(100)
    assert not mode.is_dark(time(22, 0), "operational", 219)
    assert mode.is_dark(time(22, 0), "operational", 220)


def test_local_addresses_from_the_kernel_table() -> None:
    sample = """Main:
  +-- 0.0.0.0/0 3 0 5
     |-- 0.0.0.0
        /0 universe UNICAST
     +-- 127.0.0.0/8 2 0 2
        |-- 127.0.0.1
           /32 host LOCAL
     |-- 192.168.1.0
        /24 link UNICAST
     |-- 192.168.1.23
        /32 host LOCAL
Local:
     |-- 192.168.1.23
        /32 host LOCAL
"""
    assert local_addresses(sample) == ["192.168.1.23"]


def test_long_paths_break_after_a_slash_not_inside_a_name() -> None:
    from kiosk.ui.widgets.basics import break_at_slashes

    def fits(text: str) -> bool:
        return len(text) <= 20

    broken = break_at_slashes("Configuration /tmp/downtime-kiosk-demo-x/config.toml", fits)
    assert broken == "Configuration /tmp/\ndowntime-kiosk-demo-x/\nconfig.toml"
    assert break_at_slashes("short /etc/a.toml", fits) == "short /etc/a.toml"


def test_the_side_column_says_only_what_is_known() -> None:
    from kiosk.ui.status_view import NOT_CHECKED, NOTHING_TO_REPORT

    unread = make_state("outage")
    unread["probes"]["status_page"] = {"ok": False, "http_status": None, "error": "timed out", "elapsed_ms": 1000}
    assert status_view(doc(unread), NOW, monitor_timeout=30, stale_after=180).side == [("", [NOT_CHECKED])]
    earlier = {**unread, "incidents": [{"name": "Slow notes.", "status": "INVESTIGATING", "impact": "MINOROUTAGE",
                                        "started": iso(NOW - timedelta(minutes=5)), "url": None}]}
    side = status_view(doc(earlier), NOW, monitor_timeout=30, stale_after=180).side
    assert side[0] == ("", [NOT_CHECKED])
    assert side[1][0] == "EARLIER ON THE STATUS PAGE" and side[1][1][0].startswith("Slow notes (investigating,")
    read = make_state("operational")
    assert status_view(doc(read), NOW, monitor_timeout=30, stale_after=180).side == [("", [NOTHING_TO_REPORT])]
    stopped = status_view(doc(read), NOW + timedelta(minutes=5), monitor_timeout=30, stale_after=180)
    assert stopped.side == []


def test_the_band_line_is_one_fact_without_addresses() -> None:
    outage = make_state("outage", headline="ICANotes is down: the EHR is not answering (http://x/ehr/: HTTP 503).")
    assert status_view(doc(outage), NOW, monitor_timeout=30, stale_after=180).headline == "The EHR does not answer"
    page_outage = make_state("outage", incidents=[{"name": "Outage in the US-East region.", "status": "IDENTIFIED",
                                                   "impact": "MAJOROUTAGE", "started": None, "url": None}])
    page_outage["probes"]["ehr"]["ok"] = True
    assert status_view(doc(page_outage), NOW, monitor_timeout=30, stale_after=180).headline == (
        "The status page reports: Outage in the US-East region")
    slow = make_state("degraded", components=[{"id": "a", "name": "API", "status": "DEGRADEDPERFORMANCE"}])
    assert status_view(doc(slow), NOW, monitor_timeout=30, stale_after=180).headline == (
        "The status page reports API: degraded performance")
    unread = make_state("operational")
    unread["probes"]["status_page"]["ok"] = False
    assert status_view(doc(unread), NOW, monitor_timeout=30, stale_after=180).headline == (
        "ICANotes answers; its status page could not be checked")
    assert status_view(doc(make_state("offline")), NOW, monitor_timeout=30, stale_after=180).headline == (
        "Nothing on the internet answers from this office")

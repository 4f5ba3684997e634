"""What the daemon gathers besides the status: the nightly outcome, alert files, a stale schedule."""

import json
from pathlib import Path
from typing import Any

from kiosk.watch.wiring import build_services
from print_service.alerts import AlertStore
from tests.fixtures.status_servers import StatusWorld
from tests.waiting import wait_until
from tests.watch.harness import DaemonThread, daemon_config
from tests.watch.worlds import status_table


def state(path: Path) -> dict[str, Any]:
    try:
        document = json.loads(path.read_text())
    except FileNotFoundError:
        return {}
    assert isinstance(document, dict)
    return document


def test_nightly_outcome_and_alert_files_reach_the_state_and_the_led(status_world: StatusWorld,
                                                                      tmp_path: Path) -> None:
    config = daemon_config(tmp_path, status_table(status_world, poll=30))
    state_file = tmp_path / "run" / "state.json"
    with DaemonThread(config, build_services(config)):
        wait_until(lambda: state(state_file).get("level") == "operational", 10, "the first poll")
        assert state(state_file)["nightly"] is None
        assert state(state_file)["schedule"] == {"source": None, "fetched_at": None, "count": 0, "stale": False,
                                                 "error": None}
        record = {"date": "2030-03-05", "outcome": "failed", "at": "2030-03-04T17:30:00+00:00",
                  "message": "printing failed: the printer is out of paper"}
        (tmp_path / "state" / "nightly.json").write_text(json.dumps(record))
        wait_until(lambda: state(state_file)["nightly"] == record, 10, "the nightly outcome")

        AlertStore(tmp_path / "state" / "alerts").raise_alert("nightly_print", "Tomorrow's schedule was not printed")
        wait_until(lambda: [a["kind"] for a in state(state_file)["alerts"]] == ["nightly_print"], 10, "the alert")
        wait_until(lambda: state(state_file)["led"]["overlay"] == "alert", 10, "the LED reminder")

        AlertStore(tmp_path / "state" / "alerts").clear("nightly_print")
        wait_until(lambda: state(state_file)["alerts"] == [], 10, "the alert to clear")
        assert state(state_file)["led"]["overlay"] is None


def test_a_schedule_source_that_fails_stands_as_a_stale_schedule_alert(status_world: StatusWorld,
                                                                       tmp_path: Path) -> None:
    missing = tmp_path / "exports" / "schedule.csv"
    config = daemon_config(tmp_path, status_table(status_world, poll=30),
                           schedule={"source": str(missing), "timezone": "UTC", "require_clock_sync": False})
    state_file = tmp_path / "run" / "state.json"
    with DaemonThread(config, build_services(config)):
        wait_until(lambda: any(a["kind"] == "schedule" for a in state(state_file).get("alerts", [])), 10,
                 "the schedule alert")
        schedule = state(state_file)["schedule"]
        assert schedule["stale"] is True
        assert schedule["error"]
        assert schedule["count"] == 0


def test_the_setup_steps_config_report_fills_config_error(status_world: StatusWorld, tmp_path: Path) -> None:
    config = daemon_config(tmp_path, status_table(status_world, poll=30))
    state_file = tmp_path / "run" / "state.json"
    report = tmp_path / "state" / "config-error.json"
    with DaemonThread(config, build_services(config)):
        wait_until(lambda: state(state_file).get("config", {}).get("source") == str(tmp_path / "config.toml"), 10,
                 "the first state")
        assert state(state_file)["config"]["error"] is None
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(json.dumps({"source": "/boot/firmware/downtime-kiosk.toml", "at": "2030-03-04T09:00:00Z",
                                      "error": "/boot/firmware/downtime-kiosk.toml: status.page_url: expected …"}))
        wait_until(lambda: state(state_file)["config"]["source"] == "/boot/firmware/downtime-kiosk.toml", 10,
                 "the setup step's report")
        assert "status.page_url" in state(state_file)["config"]["error"]
        report.unlink()
        wait_until(lambda: state(state_file)["config"]["error"] is None, 10, "the report to go away")
        assert state(state_file)["config"]["source"] == str(tmp_path / "config.toml")

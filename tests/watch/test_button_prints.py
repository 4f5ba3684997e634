"""The button, pressed and held with real timing on gpiozero's mock pins, prints through a real private
cupsd; presses during a print are ignored and acknowledged; a failed print flashes differently.
"""

import json
import logging
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from gpiozero.pins.mock import MockFactory

from kiosk.gpio.factory import FactoryResult
from kiosk.watch.wiring import build_services
from tests.fixtures.cupsd import PrivateCupsd
from tests.fixtures.status_servers import StatusWorld
from tests.waiting import wait_until
from tests.watch.harness import DaemonThread, daemon_config
from tests.watch.worlds import status_table

BUTTON, RED, GREEN, BLUE = 23, 17, 27, 22
PATIENT = "Quentin Testpatient"
LED = {"kind": "rgb", "pins": {"red": "GPIO17", "green": "GPIO27", "blue": "GPIO22"}, "night": ""}
PACKET = ["therapist-note", "prescriber-note", "nursing-note", "med-change-log"]


@pytest.fixture
def cups_env(cupsd: PrivateCupsd, monkeypatch: pytest.MonkeyPatch) -> PrivateCupsd:
    monkeypatch.setenv("CUPS_SERVER", cupsd.server)
    return cupsd


@pytest.fixture
def schedule_csv(tmp_path: Path) -> Path:
    """Tomorrow's clinic (UTC) with one appointment carrying a patient name."""
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).date()
    path = tmp_path / "schedule.csv"
    path.write_text(f"date,start,end,patient,provider\n{tomorrow:%Y-%m-%d},09:00,09:50,{PATIENT},Dr Example\n")
    return path


def state(path: Path) -> dict[str, Any]:
    try:
        document = json.loads(path.read_text())
    except FileNotFoundError:
        return {}
    assert isinstance(document, dict)
    return document


def shows_overlay(path: Path, seen: list[str | None], wanted: str) -> bool:
    """Note the overlay state.json shows now; True once `wanted` has been seen."""
    seen.append(state(path).get("led", {}).get("overlay"))
    return wanted in seen


def press(factory: MockFactory, seconds: float = 0.1) -> None:
    pin = factory.pin(BUTTON)
    pin.drive_low()
    time.sleep(seconds)  # a finger on the button
    pin.drive_high()


@pytest.fixture
def daemon_for(tmp_path: Path, status_world: StatusWorld, mock_factory: MockFactory) -> Iterator[Any]:
    running: list[DaemonThread] = []

    def start(printing: dict[str, Any], **sections: dict[str, Any]) -> DaemonThread:
        config = daemon_config(tmp_path, status_table(status_world, poll=30), led=LED,
                               button={"pin": "GPIO23", "hold_seconds": 0.5}, printing=printing, **sections)
        daemon = DaemonThread(config, build_services(config), open_factory=lambda: FactoryResult(mock_factory))
        running.append(daemon.__enter__())
        wait_until(lambda: state(tmp_path / "run" / "state.json").get("level") == "operational", 10, "first poll")
        return daemon

    yield start
    for daemon in running:
        daemon.stop()


def test_press_prints_the_packet_and_hold_prints_the_schedule(
        cups_env: PrivateCupsd, mock_factory: MockFactory, daemon_for: Any, *, schedule_csv: Path,
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    queue = cups_env.add_capture_queue()
    state_file = tmp_path / "run" / "state.json"
    daemon_for({"printer": queue.name},
               schedule={"source": str(schedule_csv), "timezone": "UTC", "require_clock_sync": False})
    wait_until(lambda: state(state_file).get("schedule", {}).get("count") == 1, 10, "the schedule cache")
    blue = mock_factory.pin(BLUE)
    blue.clear_states()

    press(mock_factory)
    documents = queue.wait_for_documents(len(PACKET))
    assert len(documents) == len(PACKET)
    assert all(path.read_bytes().startswith(b"%PDF") for path in documents)
    assert any(value == 1.0 for _, value in blue.states)  # the white ack flash (blue is dark while green)
    wait_until(lambda: [job["state"] for job in state(state_file)["printer"]["jobs"]] == ["completed"] * 4,
             30, "the packet's jobs completed in state.json")
    assert sorted(job["form"] for job in state(state_file)["printer"]["jobs"]) == sorted(PACKET)

    press(mock_factory, seconds=0.8)  # a hold of more than button.hold_seconds
    documents = queue.wait_for_documents(len(PACKET) + 1)
    assert len(documents) == len(PACKET) + 1  # the hold printed the schedule, not another packet
    wait_until(lambda: state(state_file)["printer"]["jobs"][0]["form"] == "schedule", 30, "the schedule job")
    text = state_file.read_text() + caplog.text
    assert PATIENT not in text
    assert "button press: printing the downtime packet" in caplog.text
    assert "button hold: printing the next clinic day's schedule" in caplog.text


def test_presses_during_a_print_are_ignored_and_acknowledged(
        cups_env: PrivateCupsd, mock_factory: MockFactory, daemon_for: Any, tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    queue, flag = cups_env.add_blocking_queue()
    state_file = tmp_path / "run" / "state.json"
    running = daemon_for({"printer": queue})
    press(mock_factory)
    # the printer block is refreshed every 10 s (PrinterPart.interval): a 10 s wait raced it
    wait_until(lambda: len(state(state_file).get("printer", {}).get("jobs", [])) == 4, 30, "the packet queued")
    overlays: list[str | None] = []

    press(mock_factory)
    wait_until(lambda: shows_overlay(state_file, overlays, "busy"), 5, "the busy flash in state.json")
    assert running.call(lambda: running.daemon.controller.ignored) == 1
    assert "button press ignored: a print is already running" in caplog.text
    assert len(state(state_file)["printer"]["jobs"]) == 4  # nothing more was sent

    flag.touch()  # the slow printer finishes
    wait_until(lambda: not running.call(lambda: running.daemon.controller.busy), 30, "the print to finish")
    press(mock_factory)
    wait_until(lambda: len(state(state_file)["printer"]["jobs"]) == 8, 30, "a second packet after the first")


def test_a_failed_print_flashes_failed_and_the_stopped_printer_stands_as_an_alert(
        cups_env: PrivateCupsd, mock_factory: MockFactory, daemon_for: Any, tmp_path: Path) -> None:
    queue = cups_env.add_failing_queue()
    state_file = tmp_path / "run" / "state.json"
    daemon_for({"printer": queue, "job_timeout_seconds": 20})
    overlays: list[str | None] = []
    press(mock_factory)
    wait_until(lambda: shows_overlay(state_file, overlays, "failed"), 30, "the failed flash in state.json")
    wait_until(lambda: any(alert["kind"] == "printer" for alert in state(state_file)["alerts"]), 15,
             "the printer alert")
    printer = state(state_file)["printer"]
    assert printer["state"] == "stopped"
    assert "paper" in printer["message"].lower()
    wait_until(lambda: state(state_file)["led"]["overlay"] == "alert", 5, "the standing-alert reminder")

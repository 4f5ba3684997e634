"""The watch daemon with the real status engine, its clock stepped by the test, against status servers on
127.0.0.1: a 20-minute outage ends, the catch-up alert stands on state.json and on the LED, a hold of the
button prints the sheet through the private cupsd (the visit inside the outage on it), and the alert ends."""

import json
import logging
import random
import subprocess
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from gpiozero.pins.mock import MockFactory

from kiosk.gpio.factory import FactoryResult
from kiosk.reconcile.book import ReconcileBook
from kiosk.status.level import Level
from kiosk.status.monitor import StatusMonitor
from kiosk.status.settings import StatusSettings
from kiosk.watch.wiring import build_services
from print_service.paths import AppPaths
from tests.fixtures.calendars import ics_with
from tests.fixtures.cupsd import PrivateCupsd
from tests.fixtures.status_servers import StatusWorld
from tests.reconcile.stepping import SteppedTime
from tests.waiting import wait_until
from tests.watch.harness import DaemonThread, daemon_config
from tests.watch.worlds import all_clear, major_outage, status_table

NY = ZoneInfo("America/New_York")
BUTTON = 23
LED = {"kind": "rgb", "pins": {"red": "GPIO17", "green": "GPIO27", "blue": "GPIO22"}, "night": ""}
INSIDE, OUTSIDE = "Imogen Insidetheoutage", "Oscar Outsidethewindow"


def state(path: Path) -> dict[str, Any]:
    try:
        document = json.loads(path.read_text())
    except (FileNotFoundError, ValueError):
        return {}
    assert isinstance(document, dict)
    return document


@pytest.fixture
def started(tmp_path: Path, status_world: StatusWorld, mock_factory: MockFactory, cupsd: PrivateCupsd,
            monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[DaemonThread, SteppedTime, Any]]:
    monkeypatch.setenv("CUPS_SERVER", cupsd.server)
    start = (datetime.now(UTC) - timedelta(hours=3)).replace(second=0, microsecond=0)
    feed = tmp_path / "feed.ics"
    feed.write_text(ics_with([(start + timedelta(minutes=12), start + timedelta(minutes=40), INSIDE, "Dr Example"),
                              (start + timedelta(minutes=90), start + timedelta(minutes=100), OUTSIDE, "Dr Example")]))
    queue = cupsd.add_capture_queue()
    config = daemon_config(tmp_path, status_table(status_world, poll=60, confirm=10), led=LED,
                           button={"pin": "GPIO23", "hold_seconds": 0.5}, printing={"printer": queue.name},
                           schedule={"source": str(feed), "timezone": "America/New_York", "require_clock_sync": False})
    stepped = SteppedTime(start)
    monitor = StatusMonitor(config.get(StatusSettings), config.get(AppPaths), now=stepped.clock,
                            sleep=stepped.sleep, rng=random.Random(7))
    daemon = DaemonThread(config, build_services(config, monitor=monitor),
                          open_factory=lambda: FactoryResult(mock_factory))
    with daemon:
        wait_until(lambda: state(tmp_path / "run" / "state.json").get("level") == "operational", 10, "first poll")
        wait_until(lambda: state(tmp_path / "run" / "state.json").get("schedule", {}).get("count") == 2, 10,
                   "the schedule copy")
        yield daemon, stepped, queue


def test_an_outage_that_ends_raises_the_alert_and_a_hold_prints_the_sheet(
        started: tuple[DaemonThread, SteppedTime, Any], status_world: StatusWorld, mock_factory: MockFactory,
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    running, stepped, queue = started
    state_file = tmp_path / "run" / "state.json"
    major_outage(status_world)
    stepped.step(2)  # seen, then confirmed
    wait_until(lambda: state(state_file).get("level") == "outage", 10, "the outage")
    stepped.step(20)
    assert state(state_file)["alerts"] == []  # still down: nothing to catch up yet
    all_clear(status_world)
    stepped.step(2)
    wait_until(lambda: state(state_file).get("level") == "operational", 10, "back to operational")

    windows = running.call(running.daemon.services.monitor.downtime_log.entries)  # type: ignore[attr-defined]
    assert [w.level for w in windows] == [Level.OPERATIONAL, Level.OUTAGE, Level.OPERATIONAL]
    began, ended = windows[1].start.astimezone(NY), windows[1].end.astimezone(NY)
    assert ended - began >= timedelta(minutes=20)
    message = f"ICANotes is back — print the catch-up sheet for the downtime {began:%H:%M}–{ended:%H:%M}"
    wait_until(lambda: [a["message"] for a in state(state_file).get("alerts", [])] == [message], 30, "the alert")
    shown = state(state_file)
    assert shown["led"]["overlay"] == "alert"  # the LED's reminder blip
    assert shown["led"]["pattern"] == "operational"
    assert shown["reconcile"]["pending"]["start"] == windows[1].start.isoformat(timespec="seconds")

    pin = mock_factory.pin(BUTTON)
    pin.drive_low()
    time.sleep(0.8)  # a hold
    pin.drive_high()
    documents = queue.wait_for_documents(1)
    text = subprocess.run(["pdftotext", "-layout", str(documents[0]), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Catch-up sheet" in text and INSIDE in text and OUTSIDE not in text
    wait_until(lambda: state(state_file).get("alerts") == [], 30, "the alert to end once printed")
    assert state(state_file)["led"]["overlay"] is None
    record = ReconcileBook(tmp_path / "state").get(windows[1].start.astimezone(UTC).isoformat(timespec="seconds"))
    assert record.printed_at is not None and record.prints == 1
    assert state(state_file)["printer"]["jobs"][0]["form"].startswith("reconcile")
    assert "button hold: printing the catch-up sheet" in caplog.text
    for text in (state_file.read_text(), caplog.text, (tmp_path / "state" / "reconcile.json").read_text(),
                 (tmp_path / "state" / "downtime-log.json").read_text()):
        assert INSIDE not in text


def test_a_dismissed_alert_ends_without_printing(started: tuple[DaemonThread, SteppedTime, Any],
                                                status_world: StatusWorld, tmp_path: Path) -> None:
    _running, stepped, queue = started
    state_file = tmp_path / "run" / "state.json"
    major_outage(status_world)
    stepped.step(2 + 16)
    all_clear(status_world)
    stepped.step(2)
    wait_until(lambda: bool(state(state_file).get("reconcile", {}).get("pending")), 10, "the pending sheet")
    key = state(state_file)["reconcile"]["pending"]["key"]
    ReconcileBook(tmp_path / "state").dismiss(key, datetime.now(UTC))  # what the screen's Dismiss does
    wait_until(lambda: state(state_file).get("alerts") == [], 30, "the alert to end")
    assert state(state_file)["reconcile"]["pending"] is None
    assert queue.documents() == []

"""A drill in the real watch daemon, its engine on a clock the test steps, against status servers on
127.0.0.1: the LED plays the drilled level while the real one stays in state.json, the button prints as in
an outage and the print is noted, a real outage ends the drill at once, and a drill ends by itself."""

import json
import random
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from gpiozero.pins.mock import MockFactory

from kiosk.drill.store import DrillStore
from kiosk.gpio.factory import FactoryResult
from kiosk.status.level import Level
from kiosk.status.monitor import StatusMonitor
from kiosk.status.settings import StatusSettings
from kiosk.watch.wiring import build_services
from print_service.paths import AppPaths
from tests.fixtures.cupsd import PrivateCupsd
from tests.fixtures.status_servers import StatusWorld
from tests.reconcile.stepping import SteppedTime
from tests.waiting import wait_until
from tests.watch.harness import DaemonThread, daemon_config
from tests.watch.worlds import major_outage, status_table

BUTTON = 23
LED = {"kind": "rgb", "pins": {"red": "GPIO17", "green": "GPIO27", "blue": "GPIO22"}, "night": ""}


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
    queue = cupsd.add_capture_queue()
    config = daemon_config(tmp_path, status_table(status_world, poll=60, confirm=10), led=LED,
                           button={"pin": "GPIO23", "hold_seconds": 0.5}, printing={"printer": queue.name})
    stepped = SteppedTime(datetime.now(UTC).replace(microsecond=0))  # the button's prints are noted at real time
    monitor = StatusMonitor(config.get(StatusSettings), config.get(AppPaths), clock=stepped.clock,
                            sleep=stepped.sleep, rng=random.Random(3))
    daemon = DaemonThread(config, build_services(config, monitor=monitor), now=stepped.clock,
                          open_factory=lambda: FactoryResult(mock_factory))
    with daemon:
        wait_until(lambda: state(tmp_path / "run" / "state.json").get("level") == "operational", 10, "first poll")
        yield daemon, stepped, queue


def test_a_drill_looks_like_an_outage_prints_like_one_and_a_real_outage_ends_it(
        started: tuple[DaemonThread, SteppedTime, Any], status_world: StatusWorld, mock_factory: MockFactory,
        tmp_path: Path) -> None:
    running, stepped, queue = started
    state_file = tmp_path / "run" / "state.json"
    store = DrillStore(tmp_path / "state")
    store.start("outage", 30, stepped.now)
    wait_until(lambda: state(state_file).get("drill", {}).get("active") is True, 10, "the drill in state.json")
    shown = state(state_file)
    assert shown["level"] == "operational"  # the truth stays the truth
    assert shown["led"]["pattern"] == "outage"  # the LED behaves as in an outage
    assert shown["drill"]["level"] == "outage" and shown["drill"]["headline"].startswith("DRILL")
    assert any("ICANotes is down" in step for step in shown["drill"]["guidance"])

    pin = mock_factory.pin(BUTTON)
    pin.drive_low()
    time.sleep(0.1)
    pin.drive_high()
    assert len(queue.wait_for_documents(4)) == 4  # the packet, as in a real outage
    wait_until(lambda: len(store.drills()[-1].prints) == 1, 10, "the print noted in the drill")
    assert store.drills()[-1].prints[0].what == "downtime packet (button press)"

    major_outage(status_world)
    stepped.step(2)
    wait_until(lambda: state(state_file).get("level") == "outage", 10, "the real outage")
    wait_until(lambda: state(state_file).get("drill", {}).get("active") is False, 10, "the drill to end")
    drill = store.drills()[-1]
    assert drill.ended_how == "a real outage began: the drill ended at once"
    assert drill.ended_at is not None and drill.ended_at < drill.until
    assert state(state_file)["led"]["pattern"] == "outage"
    windows = running.call(running.daemon.services.monitor.downtime_log.entries)  # type: ignore[attr-defined]
    assert [w.level for w in windows] == [Level.OPERATIONAL, Level.OUTAGE]  # the drill left no trace in it


def test_a_drill_ends_by_itself_after_its_minutes(started: tuple[DaemonThread, SteppedTime, Any],
                                                  tmp_path: Path) -> None:
    _running, stepped, _queue = started
    state_file = tmp_path / "run" / "state.json"
    store = DrillStore(tmp_path / "state")
    store.start("regional_outage", 5, stepped.now)
    wait_until(lambda: state(state_file).get("led", {}).get("pattern") == "regional_outage", 10, "the drill's LED")
    stepped.step(6)  # about six minutes of polls
    assert stepped.now - store.drills()[-1].started_at > timedelta(minutes=5)
    wait_until(lambda: state(state_file).get("drill", {}).get("active") is False, 10, "the drill to end")
    wait_until(lambda: state(state_file).get("led", {}).get("pattern") == "operational", 10, "the real LED")
    drill = store.drills()[-1]
    assert drill.ended_how == "ended by itself after 5 min" and drill.ended_at == drill.until

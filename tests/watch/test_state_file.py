"""state.json is valid and complete at every moment: readers loop while the level changes rapidly."""

import json
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

from kiosk.status.level import Level
from kiosk.watch.publisher import StatePublisher
from kiosk.watch.state import WatchState
from kiosk.watch.wiring import build_services
from tests.fixtures.status_servers import StatusWorld
from tests.waiting import wait_until
from tests.watch.harness import DaemonThread, daemon_config
from tests.watch.worlds import all_clear, major_outage, status_table

TOP_KEYS = {"schema", "heartbeat_at", "level", "headline", "checked_at", "stale", "page", "components", "incidents",
            "maintenances", "probes", "guidance", "level_since", "led", "printer", "schedule", "nightly", "alerts",
            "downtime_log", "config", "related", "reconcile", "drill"}


def check_complete(document: dict[str, Any]) -> None:
    assert set(document) == TOP_KEYS
    assert document["schema"] == 1
    assert set(document["led"]) == {"pattern", "overlay", "color"}
    assert set(document["printer"]) == {"queue", "state", "message", "can_resume", "jobs"}
    assert set(document["schedule"]) == {"source", "fetched_at", "count", "stale", "error"}
    assert set(document["probes"]) == {"status_page", "ehr", "upload", "internet"}
    assert set(document["config"]) == {"source", "error"}


class Reader:
    """A thread reading the file as fast as it can, keeping every failure and every level seen."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.reads = 0
        self.failures: list[str] = []
        self.levels: list[str] = []
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while not self._done.is_set():
            try:
                document = json.loads(self.path.read_bytes())
                check_complete(document)
            except FileNotFoundError:
                continue
            except (ValueError, AssertionError) as exc:
                self.failures.append(repr(exc))
                continue
            self.reads += 1
            if not self.levels or self.levels[-1] != document["level"]:
                self.levels.append(document["level"])

    def stop(self) -> None:
        self._done.set()
        self._thread.join(5)


def test_publisher_never_shows_a_half_written_file(tmp_path: Path) -> None:
    path = tmp_path / "run" / "state.json"
    publisher = StatePublisher(path)
    state = WatchState(config_source="test")
    publisher.publish(state.document())
    reader = Reader(path)
    try:
        for index in range(400):
            state.status = replace(state.status, level=Level.OUTAGE if index % 2 else Level.OPERATIONAL,
                                   guidance=("a line of guidance long enough to span pages " * 20,) * (index % 7))
            assert publisher.publish(state.document())
    finally:
        reader.stop()
    assert reader.failures == []
    assert reader.reads > 0
    assert len(reader.levels) > 2


def test_unchanged_state_is_rewritten_only_for_the_heartbeat(tmp_path: Path) -> None:
    ticks = [0.0]
    publisher = StatePublisher(tmp_path / "state.json", heartbeat_seconds=2.0, monotonic=lambda: ticks[0])
    body = WatchState(config_source="test").document()
    assert publisher.publish(body)
    ticks[0] = 1.9
    assert not publisher.publish(body)
    ticks[0] = 2.0
    assert publisher.publish(body)
    assert publisher.publish(replace(body, status=replace(body.status, level=Level.OUTAGE)))
    assert publisher.writes == 3


def test_the_daemons_file_stays_whole_while_the_level_flips(status_world: StatusWorld, tmp_path: Path) -> None:
    status = {**status_table(status_world, poll=0.05, confirm=0.05), "confirm_polls": 1}
    config = daemon_config(tmp_path, status)
    state_file = tmp_path / "run" / "state.json"
    with DaemonThread(config, build_services(config)):
        wait_until(state_file.exists, what="state.json")
        reader = Reader(state_file)
        try:
            for flip in range(8):   # each page stays until the reader has seen its level, however loaded the machine
                page, level = (major_outage, "outage") if flip % 2 == 0 else (all_clear, "operational")
                page(status_world)
                wait_until(lambda level=level: reader.levels[-1:] == [level], timeout=30, what=f"state.json {level}")
        finally:
            reader.stop()
    assert reader.failures == []
    assert reader.levels.count("outage") >= 4, reader.levels
    assert reader.levels.count("operational") >= 4, reader.levels

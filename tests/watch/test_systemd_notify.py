"""The daemon speaks sd_notify on a NOTIFY_SOCKET the test binds: READY=1 after the state is published,
STATUS= with the level, WATCHDOG=1 from the main loop, and no WATCHDOG=1 while that loop hangs."""

import json
import os
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.watch.notify import Notifier, watchdog_interval
from kiosk.watch.wiring import build_services
from tests.fixtures.status_servers import StatusWorld
from tests.waiting import wait_until
from tests.watch.harness import DaemonThread, daemon_config
from tests.watch.worlds import major_outage, status_table


class NotifyListener:
    """A bound AF_UNIX datagram socket recording every message with its arrival time."""

    def __init__(self, state_file: Path) -> None:
        self.folder = tempfile.mkdtemp(prefix="notify-", dir="/tmp")  # short: socket paths max 107 bytes
        self.path = os.path.join(self.folder, "notify.sock")
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(self.path)
        self.sock.settimeout(0.1)
        self.state_file = state_file
        self.messages: list[tuple[float, str]] = []
        self.state_at_ready: object = None
        self._closed = threading.Event()
        self._thread = threading.Thread(target=self._receive, daemon=True)
        self._thread.start()

    def _receive(self) -> None:
        while not self._closed.is_set():
            try:
                data = self.sock.recv(4096)
            except TimeoutError:
                continue
            except OSError:
                return
            text = data.decode()
            if "READY=1" in text and self.state_at_ready is None:
                try:
                    self.state_at_ready = json.loads(self.state_file.read_text())
                except (OSError, ValueError) as exc:
                    self.state_at_ready = exc
            self.messages.append((time.monotonic(), text))

    def lines(self, prefix: str) -> list[tuple[float, str]]:
        return [(at, line) for at, text in list(self.messages) for line in text.split("\n") if line.startswith(prefix)]

    def close(self) -> None:
        self._closed.set()
        self._thread.join(2)
        self.sock.close()
        os.unlink(self.path)
        os.rmdir(self.folder)


@pytest.fixture
def listener(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[NotifyListener]:
    notify = NotifyListener(tmp_path / "run" / "state.json")
    monkeypatch.setenv("NOTIFY_SOCKET", notify.path)
    monkeypatch.setenv("WATCHDOG_USEC", "300000")  # ping every 0.15 s
    monkeypatch.setenv("WATCHDOG_PID", str(os.getpid()))
    try:
        yield notify
    finally:
        notify.close()


def test_ready_after_publishing_then_status_follows_the_level(
        status_world: StatusWorld, listener: NotifyListener, tmp_path: Path) -> None:
    major_outage(status_world)
    config = daemon_config(tmp_path, status_table(status_world))
    with DaemonThread(config, build_services(config)):
        ready = wait_until(lambda: listener.lines("READY=1"), what="READY=1")
        assert len(ready) == 1
        state = listener.state_at_ready
        assert isinstance(state, dict), state  # state.json was complete when READY=1 arrived
        assert state["schema"] == 1
        assert listener.lines("STATUS=")[0][0] <= ready[0][0]  # STATUS= comes with READY=1
        wait_until(lambda: any(line.startswith("STATUS=outage:") for _, line in listener.lines("STATUS=")),
                 what="STATUS=outage")
    wait_until(lambda: listener.lines("STOPPING=1"), 5, "STOPPING=1 at shutdown")


def test_watchdog_pings_stop_while_the_main_loop_hangs(
        status_world: StatusWorld, listener: NotifyListener, tmp_path: Path) -> None:
    config = daemon_config(tmp_path, status_table(status_world, poll=30))
    with DaemonThread(config, build_services(config)) as running:
        wait_until(lambda: len(listener.lines("WATCHDOG=1")) >= 4, what="regular WATCHDOG=1 pings")
        hang_started, hang_ended = threading.Event(), threading.Event()
        times: dict[str, float] = {}

        def hang() -> None:
            times["start"] = time.monotonic()
            hang_started.set()
            time.sleep(1.5)  # the main loop is stuck in a blocking call
            times["end"] = time.monotonic()
            hang_ended.set()

        before = len(listener.lines("WATCHDOG=1"))
        running.loop.call_soon_threadsafe(hang)
        assert hang_ended.wait(10)
        during = [at for at, _ in listener.lines("WATCHDOG=1") if times["start"] + 0.2 < at < times["end"]]
        assert during == []
        wait_until(lambda: len(listener.lines("WATCHDOG=1")) > before + 2, what="WATCHDOG=1 again after the hang")


def test_watchdog_interval_is_half_of_watchdog_usec_for_this_process_only() -> None:
    assert watchdog_interval({"WATCHDOG_USEC": "30000000"}) == 15.0
    assert watchdog_interval({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": str(os.getpid())}) == 15.0
    assert watchdog_interval({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "1"}) is None
    assert watchdog_interval({"WATCHDOG_USEC": "soon"}) is None
    assert watchdog_interval({}) is None
    assert not Notifier({}).enabled

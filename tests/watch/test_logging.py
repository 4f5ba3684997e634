"""Logging: structured journal fields under systemd (JOURNAL_STREAM), one plain line each on stderr
otherwise; no GPIO is said once; a configuration mistake becomes an alert, not a crash."""

import json
import logging
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.cli.actions.watch import _load
from kiosk.cli.command import Context
from kiosk.config import load_config
from kiosk.watch.config_watch import ConfigPart
from kiosk.watch.logs import StderrFormatter, configure_logging
from kiosk.watch.wiring import build_services
from tests.conftest import REPO, cli_env
from tests.fixtures.status_servers import StatusWorld
from tests.waiting import wait_until
from tests.watch.harness import DaemonThread
from tests.watch.worlds import status_table


@pytest.fixture
def restore_root_logger() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        yield
    finally:
        for handler in list(root.handlers):
            root.removeHandler(handler)
        for handler in handlers:
            root.addHandler(handler)
        root.setLevel(level)


def test_under_systemd_records_go_to_the_journal_with_their_fields(restore_root_logger: None) -> None:
    sent: list[dict[str, Any]] = []

    def sender(MESSAGE: str, **fields: Any) -> None:  # journal.send's own parameter name
        sent.append({"MESSAGE": MESSAGE, **fields})

    configure_logging(False, env={"JOURNAL_STREAM": "8:12345"}, sender=sender)
    logging.getLogger("kiosk.watch.daemon").warning(
        "level %s → %s", "operational", "outage", extra={"EVENT": "level_change", "LEVEL": "outage"})
    logging.getLogger("httpx").info("HTTP Request: GET http://127.0.0.1/ 200")  # too chatty: left out
    assert len(sent) == 1
    record = sent[0]
    assert record["MESSAGE"] == "level operational → outage"
    assert (record["EVENT"], record["LEVEL"], record["SYSLOG_IDENTIFIER"]) == ("level_change", "outage",
                                                                               "downtime-kiosk")
    assert record["PRIORITY"] == "4"


def test_outside_systemd_one_plain_line_on_stderr(restore_root_logger: None) -> None:
    handler = configure_logging(False, env={})
    assert isinstance(handler.formatter, StderrFormatter)
    record = logging.LogRecord("kiosk", logging.INFO, __file__, 1, "printed %s", ("3 forms",), None)
    record.EVENT, record.GESTURE = "printed", "press"
    assert handler.format(record) == "downtime-kiosk watch: info: printed 3 forms [EVENT=printed GESTURE=press]"


def write_config(tmp_path: Path, world: StatusWorld, extra: str = "") -> Path:
    status = status_table(world, poll=30)
    lines = "\n".join(f"{key} = {json.dumps(value)}" for key, value in status.items())
    path = tmp_path / "config.toml"
    path.write_text(f'[paths]\nstate_dir = "{tmp_path}/state"\nruntime_dir = "{tmp_path}/run"\n'
                    f'key_file = "{tmp_path}/keys/schedule.key"\n[status]\n{lines}\n'
                    f'[printing]\noutput_dir = "{tmp_path}/printed"\n{extra}')
    return path


def test_without_gpio_it_says_so_once_and_runs_on(status_world: StatusWorld, tmp_path: Path) -> None:
    config = write_config(tmp_path, status_world, '[led]\nkind = "single"\npins = { led = "GPIO17" }\n'
                                                  '[button]\npin = "GPIO27"\n')
    env = cli_env()
    env.pop("GPIOZERO_PIN_FACTORY", None)
    child = subprocess.Popen([sys.executable, "-m", "kiosk", "--config", str(config), "watch"], cwd=REPO, env=env,
                             stderr=subprocess.PIPE, text=True)
    try:
        state_file = tmp_path / "run" / "state.json"
        wait_until(lambda: state_file.exists() and json.loads(state_file.read_text())["level"] == "operational",
                 10, "the daemon to publish without GPIO")
    finally:
        child.send_signal(signal.SIGTERM)
        code = child.wait(timeout=10)
    stderr = child.stderr.read() if child.stderr else ""
    assert code == 0, stderr
    assert stderr.count("no GPIO on this machine") == 1, stderr
    assert "running without the LED and the button" in stderr
    assert "Traceback" not in stderr


def test_a_broken_config_at_start_runs_on_defaults_and_says_why(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[led]\nkind = "rgb"\n')
    config, error = _load(Context(path))
    assert config.source == str(path)
    assert error is not None and "led.pins" in error


def test_a_config_file_broken_while_running_stands_as_an_alert(status_world: StatusWorld, tmp_path: Path) -> None:
    path = write_config(tmp_path, status_world)
    config = load_config(path)
    services = build_services(config)
    services.parts.append(ConfigPart(path, interval=0.05))
    state_file = tmp_path / "run" / "state.json"

    def config_block() -> dict[str, Any]:
        return dict(json.loads(state_file.read_text())["config"]) if state_file.exists() else {}

    with DaemonThread(config, services):
        wait_until(lambda: config_block().get("source") == str(path), 10, "the first state")
        good = path.read_text()
        path.write_text(good + "[led]\nbrightness = 2\n")
        wait_until(lambda: "led.brightness" in (config_block().get("error") or ""), 10, "the config error")
        alerts = json.loads(state_file.read_text())["alerts"]
        assert [alert["kind"] for alert in alerts] == ["config"]
        path.write_text(good + "\n")
        wait_until(lambda: config_block().get("error", "x") is None, 10, "the error to clear")
        assert json.loads(state_file.read_text())["alerts"] == []

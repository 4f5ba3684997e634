"""End to end: `python -m kiosk watch` as a real child process against status servers on 127.0.0.1.

The status page turns to a major outage; state.json (and the LED it describes) follows; then back; SIGTERM ends
it with exit 0. How fast it follows and stops is measured by bench/watch_latency.py, not asserted here: on a
loaded machine (CI runs the emulated boots beside this suite) a wall-clock bound is a flaky test.
"""

import json
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.conftest import REPO, cli_env
from tests.fixtures.status_servers import StatusWorld
from tests.waiting import wait_until
from tests.watch.worlds import all_clear, major_outage, status_table

POLL, CONFIRM = 1.0, 1.0


def toml_value(value: object) -> str:
    return json.dumps(value) if not isinstance(value, list) else "[" + ", ".join(map(json.dumps, value)) + "]"


def write_config(tmp_path: Path, world: StatusWorld) -> Path:
    status = "\n".join(f"{key} = {toml_value(value)}" for key, value in status_table(world, poll=POLL,
                                                                                     confirm=CONFIRM).items())
    path = tmp_path / "config.toml"
    path.write_text(
        f'[paths]\nstate_dir = "{tmp_path}/state"\nruntime_dir = "{tmp_path}/run"\n'
        f'key_file = "{tmp_path}/keys/schedule.key"\n'
        f"[status]\n{status}\n"
        '[led]\nkind = "rgb"\npins = { red = "GPIO17", green = "GPIO27", blue = "GPIO22" }\n'
        '[button]\npin = "GPIO23"\n'
        f'[printing]\noutput_dir = "{tmp_path}/printed"\n'
    )
    return path


def read_state(path: Path) -> dict[str, Any] | None:
    try:
        document = json.loads(path.read_text())
    except FileNotFoundError:
        return None
    assert isinstance(document, dict)
    return document


def level_is(path: Path, level: str) -> bool:
    state = read_state(path)
    return state is not None and state["level"] == level and state["led"]["pattern"] == level


def test_the_daemon_follows_an_outage_and_back_then_stops_on_sigterm(status_world: StatusWorld,
                                                                     tmp_path: Path) -> None:
    config = write_config(tmp_path, status_world)
    state_file = tmp_path / "run" / "state.json"
    child = subprocess.Popen([sys.executable, "-m", "kiosk", "--config", str(config), "watch"], cwd=REPO,
                             env=cli_env({"GPIOZERO_PIN_FACTORY": "mock"}), stderr=subprocess.PIPE, text=True)
    try:
        wait_until(lambda: level_is(state_file, "operational"), 10, "the first poll to set operational")
        bound = 30.0  # only a hang fails: the design bound, POLL + CONFIRM, is measured by bench/watch_latency.py

        major_outage(status_world)
        wait_until(lambda: level_is(state_file, "outage"), bound, "state.json at outage")
        state = read_state(state_file)
        assert state is not None
        assert state["led"]["color"] == [255, 0, 0]
        assert state["incidents"][0]["name"] == "ICANotes is down"
        assert state["level_since"] is not None

        all_clear(status_world)
        wait_until(lambda: level_is(state_file, "operational"), bound, "state.json back at operational")
        wait_until(lambda: [w["level"] for w in (read_state(state_file) or {}).get("downtime_log", [])][:2]
                 == ["operational", "outage"], 30, "the downtime log to show the outage")
    finally:
        child.send_signal(signal.SIGTERM)
        code = child.wait(timeout=30)
        stderr = child.stderr.read() if child.stderr else ""
    assert code == 0, stderr
    assert "Traceback" not in stderr
    assert "EVENT=level_change LEVEL=outage" in stderr
    assert "no GPIO" not in stderr  # the mock pin factory counts as GPIO

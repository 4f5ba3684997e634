"""A status page nested thousands deep is one clear line and an unreadable page, never RecursionError.

In the probe, in `status --json` (a real child process) and in the watch daemon (state.json).
"""

import asyncio
import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.status import Level
from kiosk.status.probe import probe_once
from tests.conftest import REPO, RunCli, cli_env
from tests.fixtures.http_server import Reply
from tests.fixtures.status_servers import StatusWorld
from tests.waiting import wait_until
from tests.watch.worlds import status_table

EXPECTED = "answered with JSON nested too deeply (more than 32 levels)"


def _nested(depth: int) -> bytes:
    return b'{"page": {"status": "UP", "x": ' + b"[" * depth + b"]" * depth + b"}}"


@pytest.mark.parametrize("depth", [40, 900, 100_000])
def test_the_probe_calls_a_deep_page_unreadable(status_world: StatusWorld, depth: int) -> None:
    status_world.page.route("/summary.json", Reply(body=_nested(depth), content_type="application/json"))
    snap = asyncio.run(probe_once(status_world.settings(provider="instatus")))
    assert snap.level is Level.OPERATIONAL
    assert snap.headline == "ICANotes is answering; the status page could not be read."
    assert snap.probes.status_page.error is not None and EXPECTED in snap.probes.status_page.error
    json.dumps(snap.to_json())


def _config(tmp_path: Path, world: StatusWorld) -> Path:
    status = "\n".join(f"{k} = {json.dumps(v)}" for k, v in status_table(world, poll=30, confirm=1).items())
    path = tmp_path / "config.toml"
    path.write_text(f'[paths]\nstate_dir = "{tmp_path}/state"\nruntime_dir = "{tmp_path}/run"\n'
                    f'key_file = "{tmp_path}/keys/schedule.key"\n[status]\n{status}\nprovider = "instatus"\n')
    return path


def test_status_json_and_watch_say_one_line(status_world: StatusWorld, run_cli: RunCli, tmp_path: Path) -> None:
    status_world.page.route("/summary.json", Reply(body=_nested(100_000), content_type="application/json"))
    config = _config(tmp_path, status_world)
    result = run_cli("--config", config, "status", "--json")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "RecursionError" not in result.stderr
    document = json.loads(result.stdout)
    assert document["level"] == "operational"
    assert EXPECTED in document["probes"]["status_page"]["error"]
    state_file = tmp_path / "run" / "state.json"
    child = subprocess.Popen([sys.executable, "-m", "kiosk", "--config", str(config), "watch"], cwd=REPO,
                             env=cli_env(), stderr=subprocess.PIPE, text=True)
    try:
        wait_until(lambda: state_file.exists() and EXPECTED in state_file.read_text(), 20,
                   "watch to publish the unreadable page")
    finally:
        child.send_signal(signal.SIGTERM)
        child.wait(timeout=20)
    stderr = child.stderr.read() if child.stderr else ""
    assert "Traceback" not in stderr and "RecursionError" not in stderr
    assert json.loads(state_file.read_text())["level"] == "operational"

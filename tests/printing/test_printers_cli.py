"""`downtime-kiosk printers` against a real private cupsd, as a child process."""

import json
from collections.abc import Callable
from pathlib import Path

from tests.conftest import RunCli
from tests.fixtures.cupsd import PrivateCupsd

WriteConfig = Callable[..., Path]


def test_printers_lists_queues_in_plain_words(cupsd: PrivateCupsd, run_cli: RunCli,
                                              write_config: WriteConfig) -> None:
    ready = cupsd.add_capture_queue()
    stopped = cupsd.add_capture_queue(enabled=False)
    result = run_cli("--config", write_config(), "printers", env=cupsd.env)
    assert result.returncode == 0, result.stderr
    assert f"{ready.name}: idle — Ready" in result.stdout
    assert f"{stopped.name}: stopped — Printing is paused — press Resume" in result.stdout


def test_printers_json_and_resume(cupsd: PrivateCupsd, run_cli: RunCli, write_config: WriteConfig) -> None:
    config = write_config()
    stopped = cupsd.add_capture_queue(enabled=False, accepting=False)
    listed = {q["queue"]: q for q in json.loads(run_cli("--config", config, "printers", "--json",
                                                        env=cupsd.env).stdout)["queues"]}
    assert listed[stopped.name]["state"] == "stopped" and listed[stopped.name]["can_resume"] is True

    resumed = run_cli("--config", config, "printers", "--resume", stopped.name, env=cupsd.env)
    assert resumed.returncode == 0, resumed.stderr
    assert resumed.stdout.strip() == f"{stopped.name} resumed: Ready"
    after = {q["queue"]: q for q in json.loads(run_cli("--config", config, "printers", "--json",
                                                       env=cupsd.env).stdout)["queues"]}
    assert (after[stopped.name]["state"], after[stopped.name]["accepting"]) == ("idle", True)


def test_resume_of_an_unknown_queue_is_exit_64(cupsd: PrivateCupsd, run_cli: RunCli,
                                               write_config: WriteConfig) -> None:
    result = run_cli("--config", write_config(), "printers", "--resume", "no-such-queue", env=cupsd.env)
    assert result.returncode == 64
    assert len(result.stderr.strip().splitlines()) == 1 and "'no-such-queue'" in result.stderr


def test_printers_without_cupsd_is_exit_69(unreachable_cups_server: str, run_cli: RunCli,
                                           write_config: WriteConfig) -> None:
    result = run_cli("--config", write_config(), "printers", env={"CUPS_SERVER": unreachable_cups_server})
    assert result.returncode == 69
    assert len(result.stderr.strip().splitlines()) == 1 and "cannot reach cupsd" in result.stderr

"""`downtime-kiosk status`: the JSON shape, the human summary, exit codes by level, the log,
and bad configuration, run as a real child process against real servers."""

import json
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from kiosk.status import Level
from kiosk.status.downtime_log import DowntimeLog
from tests.conftest import RunCli
from tests.fixtures.http_server import Reply
from tests.fixtures.status_servers import StatusWorld, incident, maintenance

WriteConfig = Callable[..., Path]


def world_config(world: StatusWorld, write_config: WriteConfig, extra: str = "", **overrides: str) -> Path:
    keys = {"page_url": world.page.url, "ehr_url": world.ehr.url + "/", "upload_url": world.upload.url + "/",
            **overrides}
    lines = [f'{key} = "{value}"' for key, value in keys.items()]
    lines.append(f'internet_urls = ["{world.canary.url}/generate_204"]')
    lines.append("timeout_seconds = 1")
    return write_config("[status]\n" + "\n".join(lines) + "\n")


def test_json_shape(status_world: StatusWorld, write_config: WriteConfig, run_cli: RunCli) -> None:
    status_world.instatus("HASISSUES", incidents=[incident("Slow charts", "PARTIALOUTAGE")],
                          maintenances=[maintenance("Tonight", "NOTSTARTEDYET")])
    result = run_cli("--config", world_config(status_world, write_config), "status", "--json")
    assert result.returncode == 1, result.stderr
    assert result.stderr == ""
    data = json.loads(result.stdout)
    assert set(data) >= {"level", "headline", "checked_at", "stale", "page", "components", "incidents",
                         "maintenances", "probes", "guidance"}
    assert data["level"] == "degraded"
    assert data["headline"] == "ICANotes has problems: Slow charts."
    assert "+" in data["checked_at"] or data["checked_at"].endswith("Z") or "-" in data["checked_at"][19:]
    assert data["stale"] is False
    assert data["page"] == {"name": "ICANotes", "status": "HASISSUES"}
    assert data["components"][0] == {"id": "ckehr", "name": "EHR", "status": "OPERATIONAL"}
    assert data["incidents"] == [{"name": "Slow charts", "status": "IDENTIFIED", "impact": "PARTIALOUTAGE",
                                  "started": "2030-03-04T14:05:00+00:00",
                                  "url": "https://status.example.test/incident/ckinc0001"}]
    assert data["maintenances"] == [{"name": "Tonight", "status": "NOTSTARTEDYET",
                                     "start": "2030-03-04T03:00:00+00:00", "end": "2030-03-04T03:45:00+00:00",
                                     "url": "https://status.example.test/maintenance/ckmnt0002"}]
    assert set(data["probes"]) == {"status_page", "ehr", "upload", "internet"}
    for probe in data["probes"].values():
        assert set(probe) == {"ok", "http_status", "error", "elapsed_ms"}
        assert probe["ok"] is True and isinstance(probe["elapsed_ms"], int)
    assert data["guidance"] and all(isinstance(line, str) for line in data["guidance"])


EXIT_CODES = {"operational": 0, "degraded": 1, "maintenance": 1, "outage": 2, "regional_outage": 2, "offline": 2}


@pytest.mark.parametrize("setup", list(EXIT_CODES))
def test_exit_code_by_level(status_world: StatusWorld, write_config: WriteConfig, run_cli: RunCli,
                            refused_url: str, setup: str) -> None:
    code = EXIT_CODES[setup]
    overrides: dict[str, str] = {}
    if setup == "degraded":
        status_world.instatus("HASISSUES")
    elif setup == "maintenance":
        status_world.instatus("UNDERMAINTENANCE")
    elif setup == "outage":
        status_world.ehr.route("/", Reply(503))
    elif setup == "regional_outage":
        status_world.ehr.route("/", Reply(503))
        status_world.upload.route("/", Reply(503))
    elif setup == "offline":
        overrides = {"page_url": refused_url, "ehr_url": refused_url, "upload_url": refused_url}
    path = world_config(status_world, write_config, **overrides)
    if setup == "offline":
        path.write_text(path.read_text().replace(f"{status_world.canary.url}/generate_204", refused_url))
    result = run_cli("--config", path, "status")
    assert result.returncode == code, result.stdout + result.stderr
    assert result.stdout.startswith(setup.upper() + ": ")
    assert "what to do:" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_human_summary_names_the_failing_probe(status_world: StatusWorld, write_config: WriteConfig,
                                               run_cli: RunCli) -> None:
    status_world.page.route("/summary.json", Reply(200, body="<html>maintenance page</html>",
                                                   content_type="text/html"))
    status_world.page.route("/api/v2/summary.json", Reply(200, body="<html>", content_type="text/html"))
    result = run_cli("--config", world_config(status_world, write_config), "status")
    assert result.returncode == 0
    assert "OPERATIONAL: ICANotes is answering; the status page could not be read." in result.stdout
    assert "status page  FAILED  HTTP 200" in result.stdout
    assert "answered with a web page (HTML), not JSON" in result.stdout


@pytest.mark.parametrize(("text", "expected"), [
    ('poll_seconds = "60"', "status.poll_seconds: expected a number greater than 0, got '60'"),
    ("poll_seconds = -5", "status.poll_seconds: expected a number greater than 0, got -5"),
    ("pol_seconds = 5", "status.pol_seconds: unknown key"),
    ('page_url = "icanotes.instatus.com"', "status.page_url: expected an absolute http or https URL"),
    ('internet_urls = "https://x.test"', "status.internet_urls: expected"),
    ('provider = "pingdom"', 'status.provider: expected one of "auto", "instatus", "statuspage"'),
    ("confirm_polls = 0", "status.confirm_polls: expected a whole number from 1 to 10"),
])
def test_bad_config_is_one_line_and_78(write_config: WriteConfig, run_cli: RunCli, text: str,
                                       expected: str) -> None:
    path = write_config(f"[status]\n{text}\n")
    for args in (("status",), ("status", "--json"), ("status", "--log")):
        result = run_cli("--config", path, *args)
        assert result.returncode == 78
        assert result.stdout == ""
        (line,) = result.stderr.strip().splitlines()
        assert line.startswith(f"downtime-kiosk: {path}: ") and expected in line


def test_log(write_config: WriteConfig, run_cli: RunCli, tmp_path: Path) -> None:
    path = write_config("")
    result = run_cli("--config", path, "status", "--log")
    assert (result.returncode, result.stdout.strip()) == (0, "no level changes recorded yet")
    log = DowntimeLog(tmp_path / "state")
    start = datetime(2030, 3, 4, 9, 0, tzinfo=timezone(timedelta(hours=-5)))
    log.record(Level.OPERATIONAL, start)
    log.record(Level.OUTAGE, start + timedelta(minutes=5))
    log.record(Level.OPERATIONAL, start + timedelta(minutes=95))
    result = run_cli("--config", path, "status", "--log")
    assert result.returncode == 0
    lines = result.stdout.strip().splitlines()
    assert lines[0].split() == ["level", "start", "end", "duration"]
    assert lines[2].split() == ["outage", "2030-03-04", "09:05:00-0500", "2030-03-04", "10:35:00-0500", "1", "h",
                                "30", "min"]
    assert lines[3].split()[-1] == "now"
    as_json = json.loads(run_cli("--config", path, "status", "--log", "--json").stdout)
    assert as_json[1] == {"level": "outage", "start": "2030-03-04T09:05:00-05:00",
                          "end": "2030-03-04T10:35:00-05:00", "drill": False, "downtime": "2030-03-04T14:05:00+00:00",
                          "reconcile": {"printed_at": None, "prints": 0, "acknowledged_by": None,
                                        "acknowledged_at": None, "dismissed_at": None}}
    assert as_json[0]["reconcile"] is None and as_json[0]["downtime"] is None

"""`downtime-kiosk drill start|stop|report` and `status` during a drill, as child processes against status
servers on 127.0.0.1 and the private cupsd: status exits with the real level's code and reports the drill,
the report prints (read back from the PDF), drills sit apart from real downtimes in `status --log --json`."""

import json
import subprocess
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.drill.store import DrillStore
from kiosk.status.downtime_log import DowntimeLog
from kiosk.status.level import Level
from tests.conftest import RunCli
from tests.fixtures.cupsd import PrivateCupsd
from tests.fixtures.status_servers import StatusWorld


def config_for(world: StatusWorld, write_config: Callable[..., Path], queue: str) -> Path:
    return write_config(
        f'[practice]\nname = "Riverside Counseling"\n'
        f'[status]\npage_url = "{world.page.url}"\nehr_url = "{world.ehr.url}/"\nupload_url = "{world.upload.url}/"\n'
        f'internet_urls = ["{world.canary.url}/generate_204"]\ntimeout_seconds = 1\n'
        f'[schedule]\ntimezone = "America/New_York"\n[printing]\nprinter = "{queue}"\n')


def test_drill_start_status_stop_and_report(status_world: StatusWorld, write_config: Callable[..., Path],
                                            run_cli: RunCli, cupsd: PrivateCupsd, tmp_path: Path) -> None:
    queue = cupsd.add_capture_queue()
    config = config_for(status_world, write_config, queue.name)
    started = run_cli("--config", config, "drill", "start", "--level", "offline", "--minutes", "20")
    assert started.returncode == 0, started.stderr
    assert started.stdout.startswith("drill started: offline until ")

    status = run_cli("--config", config, "status", "--json")
    assert status.returncode == 0, status.stderr  # operational for real: nobody is paged for a drill
    data = json.loads(status.stdout)
    assert data["level"] == "operational"
    assert data["drill"]["active"] is True and data["drill"]["level"] == "offline"
    until = datetime.fromisoformat(data["drill"]["until"])
    assert timedelta(minutes=19) < until - datetime.now(until.tzinfo) <= timedelta(minutes=20)
    assert "DRILL running: offline until" in run_cli("--config", config, "status").stdout

    again = run_cli("--config", config, "drill", "start")
    assert again.returncode == 64 and "a drill is already running" in again.stderr
    DrillStore(tmp_path / "state").note_print("therapist-note", datetime.now().astimezone())
    stopped = run_cli("--config", config, "drill", "stop")
    assert stopped.returncode == 0 and stopped.stdout.startswith("drill stopped after ")
    assert json.loads(run_cli("--config", config, "status", "--json").stdout)["drill"] == \
        {"active": False, "level": None, "until": None}

    report = run_cli("--config", config, "drill", "report", "--last", env=cupsd.env)
    assert report.returncode == 0, report.stderr
    documents = queue.wait_for_documents(1)
    text = subprocess.run(["pdftotext", "-layout", str(documents[0]), "-"], capture_output=True, text=True,
                          check=True).stdout
    for words in ("Downtime drill record", "Riverside Counseling", "Level practised", "offline", "stopped by hand",
                  "therapist-note", "First print", "after the start", "Participants", "Findings",
                  "Plan revisions", "This office's internet is down", "164.308(a)(7)(ii)(D)"):
        assert words in text, words
    today = datetime.now(ZoneInfo("America/New_York")).strftime("%Y-%m-%d")  # --date is the practice's day
    by_date = run_cli("--config", config, "drill", "report", "--date", today, env=cupsd.env)
    assert by_date.returncode == 0, by_date.stderr
    assert queue.wait_for_documents(2)
    assert cupsd.run("lpstat", "-W", "all", "-o").stdout.count(queue.name) >= 2


def test_drills_are_kept_apart_from_real_downtime_and_bad_input(
        status_world: StatusWorld, write_config: Callable[..., Path], run_cli: RunCli, tmp_path: Path) -> None:
    config = config_for(status_world, write_config, "nowhere")
    log = DowntimeLog(tmp_path / "state")
    start = datetime(2026, 11, 30, 9, 0).astimezone()
    log.record(Level.OPERATIONAL, start)
    log.record(Level.OUTAGE, start + timedelta(minutes=5))
    log.record(Level.OPERATIONAL, start + timedelta(minutes=65))
    assert run_cli("--config", config, "drill", "start").returncode == 0
    assert run_cli("--config", config, "drill", "stop").returncode == 0
    rows = json.loads(run_cli("--config", config, "status", "--log", "--json").stdout)
    assert [(r["level"], r["drill"]) for r in rows] == [("operational", False), ("outage", False),
                                                        ("operational", False), ("outage", True)]
    assert rows[3]["downtime"] is None and rows[3]["reconcile"] is None
    text = run_cli("--config", config, "status", "--log").stdout
    assert "drills (practice, not downtime):" in text and "stopped by hand, 0 printed" in text
    listed = run_cli("--config", config, "reconcile", "--list").stdout
    assert len([line for line in listed.splitlines()[1:] if line.strip()]) == 1  # only the real outage
    for args, message in ((("start", "--level", "sideways"), "invalid choice"),
                          (("start", "--minutes", "0"), "--minutes: expected a whole number from 1 to 480"),
                          (("report", "--date", "last tuesday"), "--date: expected a date YYYY-MM-DD"),
                          (("report", "--date", "2020-01-01"), "--date: no drill began on 2020-01-01")):
        bad = run_cli("--config", config, "drill", *args)
        assert bad.returncode == 64, (args, bad.stderr)
        assert message in bad.stderr


def test_no_drill_while_icanotes_is_really_down(status_world: StatusWorld, write_config: Callable[..., Path],
                                                run_cli: RunCli, tmp_path: Path) -> None:
    config = config_for(status_world, write_config, "nowhere")
    (tmp_path / "run").mkdir()
    (tmp_path / "run" / "state.json").write_text(json.dumps({"schema": 1, "level": "regional_outage"}))
    refused = run_cli("--config", config, "drill", "start")
    assert refused.returncode == 1
    assert "ICANotes is really regional_outage now" in refused.stderr
    assert DrillStore(tmp_path / "state").drills() == []


def test_the_command_declaration_agrees_with_the_drill_rules() -> None:
    from kiosk.cli.commands import drill as declaration
    from kiosk.drill import model, store
    assert declaration.DRILL_LEVELS == model.DRILL_LEVELS
    assert declaration.MAX_MINUTES == store.MAX_MINUTES

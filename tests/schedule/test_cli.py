"""`downtime-kiosk schedule …` in a real child process against a real HTTP server."""

import json
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import RunCli
from tests.fixtures.calendars import THERAPIST, ics_with
from tests.fixtures.http_server import LocalHTTPServer, Reply

ZONE = ZoneInfo("America/New_York")
FEED = "/calendars/private-0123456789/basic.ics"


def _tomorrow_at(hour: int) -> datetime:
    today = datetime.now(ZONE).date()
    return datetime.combine(today + timedelta(days=1), datetime.min.time(), ZONE).replace(hour=hour)


@pytest.fixture
def config(http_server: LocalHTTPServer, write_config: Callable[..., Path]) -> Path:
    start = _tomorrow_at(10)
    http_server.route(FEED, Reply(body=ics_with([
        (start + timedelta(hours=2), start + timedelta(hours=2, minutes=30), "Later Fictional", THERAPIST),
        (start, start + timedelta(minutes=50), "Earlier Fictional", THERAPIST),
    ]), content_type="text/calendar"))
    return write_config(f'[schedule]\nsource = "{http_server.url}{FEED}"\ntimezone = "America/New_York"\n'
                        'provider_from = "description:Provider"\nrequire_clock_sync = false\n')


def test_fetch_then_show_json(run_cli: RunCli, config: Path, http_server: LocalHTTPServer) -> None:
    fetched = run_cli("--config", config, "-v", "schedule", "fetch")
    assert fetched.returncode == 0, fetched.stderr
    origin = f"http://127.0.0.1:{http_server.port}"
    assert fetched.stdout == f"schedule fetched from {origin} (ics): 2 appointments from today to 31 days ahead\n"
    assert "private-0123456789" not in fetched.stdout + fetched.stderr
    shown = run_cli("--config", config, "schedule", "show", "--json")
    assert shown.returncode == 0, shown.stderr
    doc = json.loads(shown.stdout)
    assert set(doc) == {"date", "fetched_at", "source", "stale", "appointments"}
    assert doc["date"] == _tomorrow_at(10).date().isoformat()  # default: the next clinic day
    assert doc["source"] == origin and doc["stale"] is False
    assert datetime.fromisoformat(doc["fetched_at"]).tzinfo is not None
    first, second = doc["appointments"]
    assert first["patient"] == "Earlier Fictional" and second["patient"] == "Later Fictional"
    assert datetime.fromisoformat(first["start"]) == _tomorrow_at(10)
    assert first["start"][-6:] in ("-05:00", "-04:00")
    assert set(first) >= {"start", "end", "title", "patient", "provider", "type", "location"}
    assert first["provider"] == THERAPIST


def test_show_text_and_other_dates(run_cli: RunCli, config: Path) -> None:
    assert run_cli("--config", config, "schedule", "fetch").returncode == 0
    text = run_cli("--config", config, "schedule", "show")
    assert text.returncode == 0
    assert "Earlier Fictional | Dr. Zephyr Quill" in text.stdout and "10:00-10:50" in text.stdout
    empty_day = (_tomorrow_at(10) + timedelta(days=2)).date().isoformat()
    other = run_cli("--config", config, "schedule", "show", "--date", empty_day, "--json")
    assert json.loads(other.stdout)["appointments"] == []


def test_failed_fetch_is_one_line_and_keeps_the_cache(run_cli: RunCli, config: Path,
                                                      http_server: LocalHTTPServer) -> None:
    assert run_cli("--config", config, "schedule", "fetch").returncode == 0
    http_server.route(FEED, Reply(status=401, body="login"))
    refused = run_cli("--config", config, "schedule", "fetch")
    assert refused.returncode == 1
    lines = refused.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"downtime-kiosk: schedule source http://127.0.0.1:{http_server.port}: access "
                                "refused (HTTP 401); check schedule.auth and the secret (kept the schedule fetched ")
    assert "Traceback" not in refused.stderr
    http_server.route(FEED, Reply(status=503, body="busy"))
    assert run_cli("--config", config, "schedule", "fetch").returncode == 69
    shown = run_cli("--config", config, "schedule", "show", "--json")
    assert len(json.loads(shown.stdout)["appointments"]) == 2


def test_show_without_cache_and_bad_date(run_cli: RunCli, config: Path) -> None:
    missing = run_cli("--config", config, "schedule", "show")
    assert missing.returncode == 1
    assert missing.stderr == ("downtime-kiosk: no schedule in the cache yet "
                              "(run `downtime-kiosk schedule fetch`)\n")
    bad = run_cli("--config", config, "schedule", "show", "--date", "27/11/2026")
    assert bad.returncode == 64
    assert bad.stderr == "downtime-kiosk: --date: expected a date YYYY-MM-DD, got '27/11/2026'\n"


def test_no_source_configured(run_cli: RunCli, write_config: Callable[..., Path]) -> None:
    result = run_cli("--config", write_config(""), "schedule", "fetch")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == \
        "downtime-kiosk: no schedule source configured (set schedule.source)"




def test_nightly_bad_now_is_usage(run_cli: RunCli, config: Path) -> None:
    result = run_cli("--config", config, "nightly", "--now", "tomorrow evening")
    assert result.returncode == 64
    assert result.stderr == ("downtime-kiosk: --now: expected an ISO 8601 time such as 2026-11-27T17:30, "
                             "got 'tomorrow evening'\n")

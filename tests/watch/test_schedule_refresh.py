"""The daemon's schedule refresh in a child process (`downtime-kiosk schedule fetch`): the same cache, the same
one-line errors, and the daemon's own refresh when the file on disk is not the configuration it runs with."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.config import load_config
from kiosk.watch.schedule_refresh import ChildRefresh, _last_message
from print_service.paths import AppPaths
from print_service.schedule import ScheduleSettings
from print_service.schedule.cache import ScheduleCache
from tests.fixtures.calendars import CANARY, THERAPIST, ics_with
from tests.fixtures.http_server import LocalHTTPServer, Reply

Write = Callable[..., Path]


def _refresh(config_file: Path) -> tuple[ChildRefresh, ScheduleCache]:
    config = load_config(config_file)
    cache = ScheduleCache(config.get(ScheduleSettings), config.get(AppPaths))
    return ChildRefresh(config_file, cache), cache


def _serve_one_visit(server: LocalHTTPServer) -> None:
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=1)
    server.route("/clinic.ics", Reply(body=ics_with([(start, start + timedelta(minutes=50), CANARY, THERAPIST)]),
                                      content_type="text/calendar"))


def test_the_child_fills_the_daemons_cache(write_config: Write, http_server: LocalHTTPServer) -> None:
    _serve_one_visit(http_server)
    refresh, cache = _refresh(write_config(f'[schedule]\nsource = "{http_server.url}/clinic.ics"\n'))
    assert refresh().ok
    assert cache.freshness().count == 1


def test_the_childs_one_line_error_comes_back(write_config: Write, refused_url: str) -> None:
    refresh, _cache = _refresh(write_config(f'[schedule]\nsource = "{refused_url}/clinic.ics"\n'))
    outcome = refresh()
    assert not outcome.ok
    assert outcome.error is not None and "cannot be reached" in outcome.error and "\n" not in outcome.error
    assert not outcome.error.startswith("downtime-kiosk:")


def test_a_bad_edit_on_disk_falls_back_to_the_daemons_configuration(write_config: Write,
                                                                    http_server: LocalHTTPServer) -> None:
    _serve_one_visit(http_server)
    config_file = write_config(f'[schedule]\nsource = "{http_server.url}/clinic.ics"\n')
    refresh, cache = _refresh(config_file)
    config_file.write_text('[schedule]\nsource = 12\n')   # refused by the child (exit 78)
    assert refresh().ok
    assert cache.freshness().count == 1


def test_a_valid_edit_waits_for_a_restart(write_config: Write, http_server: LocalHTTPServer, refused_url: str) -> None:
    _serve_one_visit(http_server)
    config_file = write_config(f'[schedule]\nsource = "{http_server.url}/clinic.ics"\n')
    refresh, cache = _refresh(config_file)
    config_file.write_text(config_file.read_text().replace(f"{http_server.url}/clinic.ics", f"{refused_url}/x.ics"))
    assert refresh().ok   # the daemon's own settings, not the edited file's unreachable source
    assert cache.freshness().count == 1


def test_a_hung_fetch_is_stopped_and_recorded(write_config: Write, http_server: LocalHTTPServer) -> None:
    http_server.hang("/clinic.ics")
    config = load_config(write_config(f'[schedule]\nsource = "{http_server.url}/clinic.ics"\n'))
    cache = ScheduleCache(config.get(ScheduleSettings), config.get(AppPaths))
    outcome = ChildRefresh(Path(config.source), cache, timeout_seconds=3)()
    assert not outcome.ok and outcome.error is not None and "took longer than 3 s" in outcome.error
    assert cache.freshness().error == outcome.error


def test_only_the_commands_own_error_line_is_passed_on() -> None:
    crash = f"Traceback (most recent call last):\n  ...\nValueError: {CANARY}\n"
    assert _last_message(crash) is None
    assert _last_message("downtime-kiosk: WARNING: cache reset\ndowntime-kiosk: source unreachable\n") == (
        "source unreachable")

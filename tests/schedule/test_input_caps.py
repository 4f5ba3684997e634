"""Inputs that eat the machine: repeat rules, row counts, long zone names, huge or endless config files.

Every case is refused with one line naming where (the UID's line, the CSV line, the key or
the file) and what was expected, and the last good cache stays as it was.
"""

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.config import parse_config
from kiosk.config.loader import MAX_CONFIG_BYTES
from kiosk.errors import ConfigError
from print_service.errors import ScheduleError
from print_service.schedule.cache import ScheduleCache
from tests.conftest import RunCli
from tests.fixtures.calendars import CANARY, reference_ics

MakeCache = Callable[..., ScheduleCache]
PATHS = {"state_dir": "/srv/state", "runtime_dir": "/srv/run", "key_file": "/srv/keys/schedule.key"}


def _calendar(*events: str) -> str:
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + "".join(events) + "END:VCALENDAR\r\n"


def _event(uid: str, rule: str, start: str = "20261026T090000Z") -> str:
    return (f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTART:{start}\r\nDTEND:{start[:-5]}4500Z\r\n"
            f"RRULE:{rule}\r\nSUMMARY:{CANARY}\r\nEND:VEVENT\r\n")


def _primed(make_cache: MakeCache, path: Path, **changes: object) -> tuple[ScheduleCache, bytes]:
    path.write_text(reference_ics())
    cache = make_cache(path, **changes)
    assert cache.refresh().ok
    return cache, cache.cache_file.read_bytes()


def _refused(cache: ScheduleCache, path: Path, text: str, before: bytes) -> str:
    path.write_text(text)
    result = cache.refresh()
    assert not result.ok and result.error is not None and result.kept_previous
    assert cache.cache_file.read_bytes() == before
    assert CANARY not in result.error and "uid-" not in result.error
    return result.error


def test_a_secondly_rule_is_refused_before_expansion_naming_the_uid_line(make_cache: MakeCache,
                                                                         tmp_path: Path) -> None:
    path = tmp_path / "cal.ics"
    cache, before = _primed(make_cache, path)
    error = _refused(cache, path, _calendar(_event("uid-a", "FREQ=WEEKLY"), _event("uid-b", "FREQ=SECONDLY")),
                     before)
    # line 11 is the second event's UID; its summary (the canary) is never quoted
    assert f"schedule source {path}: iCalendar line 11: expected an event repeating at most 200 times a day " \
           "(schedule.max_appointments_per_day), not up to 86400" in error


def test_twenty_minutely_events_are_refused(make_cache: MakeCache, tmp_path: Path) -> None:
    path = tmp_path / "cal.ics"
    cache, before = _primed(make_cache, path)
    events = [_event(f"uid-{n}", "FREQ=MINUTELY") for n in range(20)]
    assert "iCalendar line 4:" in _refused(cache, path, _calendar(*events), before)


def test_a_fine_rule_from_long_ago_is_refused_by_its_steps(make_cache: MakeCache, tmp_path: Path) -> None:
    path = tmp_path / "cal.ics"
    cache, before = _primed(make_cache, path)
    error = _refused(cache, path, _calendar(_event("uid-h", "FREQ=HOURLY", start="19700101T090000Z")), before)
    assert "iCalendar line 4: expected a repeat rule of at most 100000 occurrences from its start" in error


def test_the_total_cap_counts_real_occurrences(make_cache: MakeCache, tmp_path: Path) -> None:
    path = tmp_path / "cal.ics"
    cache, before = _primed(make_cache, path, max_appointments=40)
    weekly = [_event(f"uid-w{n}", "FREQ=WEEKLY") for n in range(5)]  # 5 x about 5 in the window: fine
    path.write_text(_calendar(*weekly))
    assert cache.refresh().ok
    before = cache.cache_file.read_bytes()
    error = _refused(cache, path, _calendar(*weekly, _event("uid-d", "FREQ=DAILY")), before)
    assert "iCalendar line 39: expected at most 40 appointments in all (schedule.max_appointments)" in error


def test_the_per_day_cap_counts_real_occurrences(make_cache: MakeCache, tmp_path: Path) -> None:
    path = tmp_path / "cal.ics"
    cache, before = _primed(make_cache, path, max_appointments_per_day=3)
    error = _refused(cache, path, _calendar(*(_event(f"uid-{n}", "FREQ=DAILY;COUNT=2", start="20261030T090000Z")
                                                  for n in range(4))), before)
    assert "expected at most 3 appointments a day (schedule.max_appointments_per_day)" in error


def test_csv_rows_past_the_cap_name_the_line(make_cache: MakeCache, tmp_path: Path) -> None:
    from print_service.schedule import CsvSettings
    from tests.fixtures.calendars import CSV_COLUMNS, reference_csv

    path = tmp_path / "export.csv"
    path.write_text(reference_csv())
    cache = make_cache(path, csv=CsvSettings(columns=CSV_COLUMNS), max_appointments_per_day=5)
    assert cache.refresh().ok
    before = cache.cache_file.read_bytes()
    row = reference_csv().splitlines()[1]
    error = _refused(cache, path, reference_csv() + "\n".join([row] * 10) + "\n", before)
    assert "CSV line 9: expected at most 5 appointments a day" in error


def test_the_caps_are_configurable() -> None:
    config = parse_config({"paths": PATHS, "schedule": {"max_appointments": 500, "max_appointments_per_day": 50}},
                          "cfg.toml", {})
    from print_service.schedule import ScheduleSettings

    settings = config.get(ScheduleSettings)
    assert (settings.max_appointments, settings.max_appointments_per_day) == (500, 50)
    assert ScheduleSettings().limits.total == 2000
    with pytest.raises(ConfigError, match=r"schedule.max_appointments: expected a whole number from 1 to 20000"):
        parse_config({"paths": PATHS, "schedule": {"max_appointments": 0}}, "cfg.toml", {})


def test_a_300_character_timezone_is_one_config_line() -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config({"paths": PATHS, "schedule": {"timezone": "A" * 300}}, "cfg.toml", {})
    assert str(caught.value) == ('cfg.toml: schedule.timezone: expected an IANA time zone name such as '
                                 '"America/New_York", got \'a name of 300 characters\'')


def test_config_check_refuses_a_huge_file_a_fifo_and_a_fifo_form(run_cli: RunCli, tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    big.write_text("# padding\n" * (MAX_CONFIG_BYTES // 10 + 1))
    result = run_cli("--config", big, "config", "check")
    assert result.returncode == 78
    assert result.stderr.strip() == f"downtime-kiosk: {big}: expected a configuration file of at most 1024 KB"
    fifo = tmp_path / "config.fifo"
    os.mkfifo(fifo)
    result = run_cli("--config", fifo, "config", "check", timeout=30)
    assert result.returncode == 78
    assert "expected a regular file" in result.stderr
    form_fifo = tmp_path / "form.pdf"
    os.mkfifo(form_fifo)
    config = tmp_path / "forms.toml"
    config.write_text(f'[forms]\nintake = "{form_fifo}"\n')
    result = run_cli("--config", config, "config", "check", timeout=30)
    assert result.returncode == 78
    assert "forms.intake" in result.stderr and "is not a regular file" in result.stderr


def test_history_far_from_the_window_is_dropped_before_parsing() -> None:
    from datetime import timedelta

    from print_service.schedule.expansion import ExpansionLimits
    from print_service.schedule.ics import events_near
    from tests.fixtures.calendars import NOW

    window = (NOW - timedelta(days=1), NOW + timedelta(days=31))
    past = _event("uid-past", "", start="20250101T090000Z").replace("RRULE:\r\n", "")
    near = _event("uid-near", "", start="20261030T090000Z").replace("RRULE:\r\n", "")
    weekly_since_2020 = _event("uid-series", "FREQ=WEEKLY", start="20200106T090000Z")
    kept = events_near(_calendar(past, near, weekly_since_2020), window, ExpansionLimits(), "x")
    assert "uid-past" not in kept and "uid-near" in kept and "uid-series" in kept
    many = _calendar(*[near.replace("uid-near", f"uid-{n}") for n in range(41)])
    with pytest.raises(ScheduleError, match="at most 40 events near the next 32 days"):
        events_near(many, window, ExpansionLimits(total=20), "x")

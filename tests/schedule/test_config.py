"""The `[schedule]` section: defaults, every key, and one-line errors."""

from collections.abc import Callable
from datetime import time
from pathlib import Path

import pytest

from kiosk.config import parse_config
from kiosk.config.sections.schedule import system_zone_name
from kiosk.errors import ConfigError
from print_service.schedule import ScheduleSettings

PATHS = {"state_dir": "/srv/state", "runtime_dir": "/srv/run", "key_file": "/srv/keys/schedule.key"}


def _settings(schedule: dict[str, object], env: dict[str, str] | None = None) -> ScheduleSettings:
    return parse_config({"paths": PATHS, "schedule": schedule}, "cfg.toml", env or {}).get(ScheduleSettings)


def _error(schedule: dict[str, object], paths: dict[str, str] | None = None) -> str:
    with pytest.raises(ConfigError) as caught:
        parse_config({"paths": paths or PATHS, "schedule": schedule}, "cfg.toml", {})
    return str(caught.value)


def test_defaults() -> None:
    s = _settings({}, {"TZ": "America/Chicago"})
    assert (s.source, s.format, s.auth, s.secret_file) == ("", "auto", "none", None)
    assert str(s.timezone) == "America/Chicago"
    assert (s.refresh_minutes, s.horizon_days, s.retention_days) == (60, 31, 1)
    assert (s.print_at, s.lookahead_days, s.retry_minutes, s.print_deadline) == (time(17, 30), 4, 5, time(21, 0))
    assert (s.require_clock_sync, s.allow_empty) == (True, False)
    assert (s.patient_from, s.provider_from) == ("summary", "calendar")
    assert dict(s.csv.columns) == {f: f for f in ("date", "start", "end", "patient", "provider", "type", "location")}
    assert dict(s.provider_roles) == {}


def test_every_key() -> None:
    s = _settings({
        "source": "https://calendar.example.org/private/abc/basic.ics", "format": "ics", "auth": "bearer",
        "secret_file": "/etc/downtime-kiosk/schedule.secret", "timezone": "America/New_York",
        "refresh_minutes": 30, "horizon_days": 14, "retention_days": 0, "max_megabytes": 2, "timeout_seconds": 10,
        "encoding": "cp1252", "patient_from": "description:Patient", "provider_from": "organizer",
        "csv_date_format": "%m/%d/%Y", "csv_time_format": "%I:%M %p", "csv_delimiter": ";",
        "allow_empty": True, "print_at": "18:00", "lookahead_days": 3, "retry_minutes": 10,
        "print_deadline": "22:00", "require_clock_sync": False,
        "csv_columns": {"date": "Appt Date", "patient": "Client"},
        "provider_roles": {"Dr. Zephyr Quill": "therapist", "Nurse Orla Sample": "nurse"},
    })
    assert s.is_url and s.secret_file == Path("/etc/downtime-kiosk/schedule.secret")
    assert s.csv.columns["date"] == "Appt Date" and s.csv.columns["start"] == "start"
    assert (s.csv.date_format, s.csv.time_format, s.csv.delimiter) == ("%m/%d/%Y", "%I:%M %p", ";")
    assert s.provider_roles["Nurse Orla Sample"] == "nurse"
    assert (s.print_at, s.print_deadline, s.require_clock_sync, s.max_bytes) == (time(18), time(22), False, 2 << 20)


@pytest.mark.parametrize(("schedule", "expected"), [
    ({"secret": "hunter2"}, 'cfg.toml: schedule.secret: expected no secret in this file: put it in the systemd '
                            'credential schedule.secret or in the file named by schedule.secret_file, got '
                            "'(hidden)'"),
    ({"source": "http://calendar.example.org/x.ics"},
     "cfg.toml: schedule.source: expected https (plain http only to this machine, 127.0.0.1), got "
     "'http://calendar.example.org'"),
    ({"source": "ftp://files.example.org/secret-path/x.ics"},
     'cfg.toml: schedule.source: expected an https URL, an absolute path to a file or folder, or "" (no schedule), '
     "got '(hidden: a URL is a secret)'"),
    ({"source": "calendar.ics"}, "schedule.source: expected an https URL, an absolute path"),
    ({"format": "xls"}, 'schedule.format: expected one of "auto", "ics", "csv", "pdf", got \'xls\''),
    ({"timezone": "Mars/Olympus"}, 'schedule.timezone: expected an IANA time zone name'),
    ({"print_deadline": "17:00"}, "schedule.print_deadline: expected a time after schedule.print_at (17:30)"),
    ({"patient_from": "subject"}, 'schedule.patient_from: expected one of "summary"'),
    ({"provider_roles": {"Dr. Q": "surgeon"}}, 'schedule.provider_roles: expected roles "therapist", "prescriber", '
                                               '"nurse", got "Dr. Q = \'surgeon\'"'),
    ({"csv_columns": {"patient_name": "Client"}}, "schedule.csv_columns.patient_name: unknown key"),
    ({"encoding": "klingon"}, 'schedule.encoding: expected a text encoding'),
    ({"refresh_minutes": 0}, "schedule.refresh_minutes: expected a whole number from 1 to 1440, got 0"),
    ({"bogus": 1}, "schedule.bogus: unknown key"),
])
def test_bad_values_are_one_line(schedule: dict[str, object], expected: str) -> None:
    message = _error(schedule)
    assert expected in message
    assert "\n" not in message
    assert "secret-path" not in message and "hunter2" not in message


def test_http_to_loopback_is_allowed() -> None:
    assert _settings({"source": "http://127.0.0.1:8080/cal.ics"}).is_url


def test_key_file_inside_state_dir_is_refused() -> None:
    message = _error({}, {**PATHS, "key_file": "/srv/state/schedule.key"})
    assert message == ("cfg.toml: paths.key_file: expected a place outside paths.state_dir (/srv/state), so the key "
                       "is kept apart from the data it protects")


def test_system_zone_name_falls_back_to_the_machine() -> None:
    assert system_zone_name({"TZ": ":Europe/Berlin"}) == "Europe/Berlin"
    assert system_zone_name({"TZ": "Not/AZone"}) != "Not/AZone"


def test_config_check_cli_accepts_a_schedule(run_cli: Callable[..., object],
                                             write_config: Callable[..., Path]) -> None:
    path = write_config('[schedule]\nsource = "/srv/share/schedule"\n[schedule.csv_columns]\ndate = "Appt Date"\n')
    result = run_cli("--config", path, "config", "check")
    assert result.returncode == 0, result.stderr  # type: ignore[attr-defined]

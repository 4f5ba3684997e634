"""`[schedule]`: where the schedule comes from, how to read it, and when to print it.

Also `[schedule.csv_columns]` (our field -> the export's header) and
`[schedule.provider_roles]` (provider name -> therapist, prescriber or nurse). The secret
for `auth` is never read from this file: it comes from the systemd credential
`schedule.secret` or `secret_file`.
"""

import codecs
import contextlib
import os
from collections.abc import Mapping
from datetime import time
from ipaddress import ip_address
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kiosk.config.model import Config
from kiosk.config.reader import SectionReader
from kiosk.config.section import SectionSpec
from kiosk.errors import ConfigError
from print_service.paths import AppPaths
from print_service.schedule.settings import (
    AUTH_MODES,
    CSV_FIELDS,
    FIELD_SOURCES,
    FORMATS,
    ROLES,
    CsvSettings,
    ScheduleSettings,
)

_D = ScheduleSettings()
_SECRET_KEYS = ("secret", "password", "token")
_MAX_ZONE_NAME = 64  # the longest IANA name is 32 characters


def system_zone_name(env: Mapping[str, str]) -> str:
    """The machine's time zone name: $TZ, /etc/timezone, the /etc/localtime link, else UTC."""
    candidates = [env.get("TZ", "").lstrip(":")]
    with contextlib.suppress(OSError):
        candidates.append(Path("/etc/timezone").read_text().strip())
    try:
        target = os.readlink("/etc/localtime")
        candidates.append(target.split("zoneinfo/", 1)[1] if "zoneinfo/" in target else "")
    except OSError:
        pass
    for name in candidates:
        if name and _zone(name) is not None:
            return name
    return "UTC"


def _zone(name: str) -> ZoneInfo | None:
    if not name or len(name) > _MAX_ZONE_NAME:  # a long name raises OSError (file name too long) in zoneinfo
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def _source(reader: SectionReader) -> str:
    value = reader.string("source", "")
    if not value or value.startswith("/"):
        return value
    expected = 'an https URL, an absolute path to a file or folder, or "" (no schedule)'
    try:
        parts = urlsplit(value)
        ok = parts.scheme in ("https", "http") and bool(parts.hostname) and " " not in value
    except ValueError:
        ok = False
    if not ok:
        raise reader.error("source", expected, got="(hidden: a URL is a secret)" if "://" in value else value)
    if parts.scheme == "http" and not _is_loopback(parts.hostname or ""):
        raise reader.error("source", "https (plain http only to this machine, 127.0.0.1)",
                           got=f"http://{parts.hostname}")
    return value


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ip_address(host).is_loopback
    except ValueError:
        return False


def _field_source(reader: SectionReader, key: str, default: str) -> str:
    value = reader.string(key, default)
    kind, sep, label = value.partition(":")
    if value in FIELD_SOURCES or (kind == "description" and sep and label.strip()):
        return value
    raise reader.error(key, "one of " + ", ".join(f'"{c}"' for c in FIELD_SOURCES) + ' or "description:LABEL"')


def _csv(reader: SectionReader) -> CsvSettings:
    columns_reader = reader.subtable("csv_columns")
    columns = {name: columns_reader.string(name, name) for name in CSV_FIELDS}
    columns_reader.finish()
    delimiter = reader.string("csv_delimiter", ",")
    if len(delimiter) != 1:
        raise reader.error("csv_delimiter", 'one character such as "," or ";"')
    return CsvSettings(columns=columns, date_format=reader.string("csv_date_format", ""),
                       time_format=reader.string("csv_time_format", ""), delimiter=delimiter)


def _roles(reader: SectionReader) -> dict[str, str]:
    roles = reader.string_map("provider_roles")
    for provider, role in roles.items():
        if role not in ROLES:
            raise reader.error("provider_roles", "roles " + ", ".join(f'"{r}"' for r in ROLES),
                               got=f"{provider} = {role!r}")
    return roles


def _timezone(reader: SectionReader) -> ZoneInfo:
    name = reader.string("timezone", system_zone_name(reader.env))
    zone = _zone(name)
    if zone is None:
        raise reader.error("timezone", 'an IANA time zone name such as "America/New_York"',
                           got=name if len(name) <= _MAX_ZONE_NAME else f"a name of {len(name)} characters")
    return zone


def _encoding(reader: SectionReader) -> str:
    value = reader.string("encoding", _D.encoding)
    try:
        codecs.lookup(value)
    except LookupError:
        raise reader.error("encoding", 'a text encoding such as "utf-8" or "cp1252"') from None
    return value


def _refuse_secrets(reader: SectionReader) -> None:
    for key in _SECRET_KEYS:
        if reader.has(key):
            raise reader.error(key, "no secret in this file: put it in the systemd credential schedule.secret "
                               "or in the file named by schedule.secret_file", got="(hidden)")


def _print_window(reader: SectionReader) -> tuple[time, time]:
    print_at = reader.clock_time("print_at", _D.print_at)
    deadline = reader.clock_time("print_deadline", _D.print_deadline)
    if deadline <= print_at:
        raise reader.error("print_deadline", f"a time after schedule.print_at ({print_at:%H:%M})")
    return print_at, deadline


def build(reader: SectionReader) -> ScheduleSettings:
    """Read and validate `[schedule]` and its two sub-tables."""
    _refuse_secrets(reader)
    auth = reader.choice("auth", _D.auth, AUTH_MODES)
    secret_file = reader.string("secret_file", "")
    if secret_file and not secret_file.startswith("/"):
        raise reader.error("secret_file", 'an absolute path or ""')
    print_at, print_deadline = _print_window(reader)
    return ScheduleSettings(
        source=_source(reader),
        format=reader.choice("format", _D.format, FORMATS),
        auth=auth,
        secret_file=Path(secret_file) if secret_file else None,
        timezone=_timezone(reader),
        refresh_minutes=reader.integer("refresh_minutes", _D.refresh_minutes, minimum=1, maximum=1440),
        horizon_days=reader.integer("horizon_days", _D.horizon_days, minimum=1, maximum=366),
        retention_days=reader.integer("retention_days", _D.retention_days, minimum=0, maximum=366),
        max_megabytes=reader.number("max_megabytes", _D.max_megabytes, positive=True, maximum=1024),
        timeout_seconds=reader.number("timeout_seconds", _D.timeout_seconds, positive=True, maximum=600),
        encoding=_encoding(reader),
        patient_from=_field_source(reader, "patient_from", _D.patient_from),
        provider_from=_field_source(reader, "provider_from", _D.provider_from),
        csv=_csv(reader),
        provider_roles=_roles(reader),
        allow_empty=reader.boolean("allow_empty", _D.allow_empty),
        print_at=print_at,
        print_deadline=print_deadline,
        lookahead_days=reader.integer("lookahead_days", _D.lookahead_days, minimum=1, maximum=14),
        retry_minutes=reader.integer("retry_minutes", _D.retry_minutes, minimum=1, maximum=240),
        require_clock_sync=reader.boolean("require_clock_sync", _D.require_clock_sync),
        max_appointments=reader.integer("max_appointments", _D.max_appointments, minimum=1, maximum=20000),
        max_appointments_per_day=reader.integer("max_appointments_per_day", _D.max_appointments_per_day,
                                                minimum=1, maximum=2000),
    )


def check(config: Config) -> None:
    """Keys apart from the data: `paths.key_file` must not live inside `paths.state_dir`."""
    paths = config.get(AppPaths)
    if paths.key_file.is_relative_to(paths.state_dir):
        raise ConfigError(f"{config.source}: paths.key_file: expected a place outside paths.state_dir "
                          f"({paths.state_dir}), so the key is kept apart from the data it protects")


SECTION = SectionSpec("schedule", ScheduleSettings, build, check)

__all__ = ["SECTION", "build", "check", "system_zone_name"]

"""The `[schedule]` settings: where the schedule comes from, how it is read, when it is printed."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from types import MappingProxyType
from zoneinfo import ZoneInfo

from print_service.schedule.expansion import DEFAULT_MAX_APPOINTMENTS, DEFAULT_MAX_PER_DAY, ExpansionLimits

__all__ = [
    "AUTH_MODES",
    "CSV_FIELDS",
    "FIELD_SOURCES",
    "FORMATS",
    "ROLES",
    "CsvSettings",
    "ScheduleSettings",
]

FORMATS = ("auto", "ics", "csv", "pdf")
AUTH_MODES = ("none", "basic", "bearer")
ROLES = ("therapist", "prescriber", "nurse")
CSV_FIELDS = ("date", "start", "end", "patient", "provider", "type", "location")
# Where an iCalendar event's patient or provider comes from; "description:LABEL" (a line
# "LABEL: value" in the description) is accepted too.
FIELD_SOURCES = ("summary", "description", "location", "organizer", "attendee", "categories", "calendar", "none")


def _frozen(mapping: Mapping[str, str] | None = None) -> Mapping[str, str]:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True, slots=True)
class CsvSettings:
    """How a CSV export is read: our field -> the file's header, and the date/time formats."""

    columns: Mapping[str, str] = field(default_factory=lambda: _frozen({name: name for name in CSV_FIELDS}))
    date_format: str = ""  # "" = the common formats (csv_export.AUTO_DATE_FORMATS)
    time_format: str = ""  # "" = the common formats (csv_export.AUTO_TIME_FORMATS)
    delimiter: str = ","


@dataclass(frozen=True, slots=True)
class ScheduleSettings:
    """Everything the schedule cache and the nightly print need; built by `[schedule]`.

    `source` is "" (no schedule configured), an http(s) URL, or an absolute path to a
    file or a folder. The secret for `auth` is never here: it comes from the systemd
    credential `schedule.secret` or from `secret_file`.
    """

    source: str = ""
    format: str = "auto"
    auth: str = "none"
    secret_file: Path | None = None
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("UTC"))
    refresh_minutes: int = 60
    horizon_days: int = 31
    retention_days: int = 1
    max_megabytes: float = 10.0
    timeout_seconds: float = 30.0
    encoding: str = "utf-8"
    patient_from: str = "summary"
    provider_from: str = "calendar"
    csv: CsvSettings = field(default_factory=CsvSettings)
    provider_roles: Mapping[str, str] = field(default_factory=_frozen)
    allow_empty: bool = False
    print_at: time = time(17, 30)
    lookahead_days: int = 4
    retry_minutes: int = 5
    print_deadline: time = time(21, 0)
    require_clock_sync: bool = True
    max_appointments: int = DEFAULT_MAX_APPOINTMENTS
    max_appointments_per_day: int = DEFAULT_MAX_PER_DAY

    @property
    def max_bytes(self) -> int:
        """The size cap on one download or file, in bytes."""
        return int(self.max_megabytes * 1024 * 1024)

    @property
    def limits(self) -> ExpansionLimits:
        """The caps on what one fetch may expand to (a calendar must never eat the 512 MB Pi)."""
        return ExpansionLimits(self.max_appointments, self.max_appointments_per_day)

    @property
    def is_url(self) -> bool:
        """Whether the source is fetched over HTTP(S) rather than read from a path."""
        return self.source.startswith(("https://", "http://"))

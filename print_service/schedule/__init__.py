"""The schedule: sources (https, file, folder), parsers (iCalendar, CSV, PDF), the normalised
model, the encrypted cache, the day's PDF and the unattended nightly print."""

from print_service.schedule.cache import Freshness, RefreshResult, ScheduleCache
from print_service.schedule.model import Appointment
from print_service.schedule.settings import CsvSettings, ScheduleSettings
from print_service.schedule.snapshot import CachedSchedule

__all__ = [
    "Appointment",
    "CachedSchedule",
    "CsvSettings",
    "Freshness",
    "RefreshResult",
    "ScheduleCache",
    "ScheduleSettings",
]

"""The schedule: sources (https, file, folder), parsers (iCalendar, CSV, PDF), the normalised
model, the encrypted cache, the day's PDF and the unattended nightly print.

The package exports only pure names; the cache (httpx, cryptography, icalendar, pypdf) is
`print_service.schedule.cache`.
"""

from print_service.schedule.model import Appointment
from print_service.schedule.settings import CsvSettings, ScheduleSettings
from print_service.schedule.snapshot import CachedSchedule

__all__ = [
    "Appointment",
    "CachedSchedule",
    "CsvSettings",
    "ScheduleSettings",
]

"""The schedule: sources (https, file, folder), parsers (iCalendar, CSV, PDF), the normalised
model, the encrypted cache, the day's PDF and the unattended nightly print.

The package exports only pure names; the cache (httpx, cryptography, icalendar, pypdf) is
`print_service.schedule.cache`.
"""

from typing import TYPE_CHECKING

from print_service.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from print_service.schedule.model import Appointment
    from print_service.schedule.settings import CsvSettings, ScheduleSettings
    from print_service.schedule.snapshot import CachedSchedule

__all__ = [
    "Appointment",
    "CachedSchedule",
    "CsvSettings",
    "ScheduleSettings",
]

__getattr__ = lazy_exports(__name__, {
    "Appointment": "print_service.schedule.model",
    "CsvSettings": "print_service.schedule.settings",
    "ScheduleSettings": "print_service.schedule.settings",
    "CachedSchedule": "print_service.schedule.snapshot",
})

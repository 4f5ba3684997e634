"""The demo's synthetic schedule: an iCalendar file of obviously fictional visits, today and the next days.

Every name starts with "DEMO" and is an animal, so nobody mistakes a demo printout for a
real patient list.
"""

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

__all__ = ["DEMO_PATIENTS", "DEMO_PROVIDERS", "write_demo_calendar"]

DEMO_PATIENTS = (
    "DEMO Alma Aardvark", "DEMO Bruno Bumblebee", "DEMO Cleo Cuttlefish", "DEMO Dmitri Dodo",
    "DEMO Edna Eel", "DEMO Fergus Flamingo", "DEMO Gita Gecko", "DEMO Hugo Hedgehog",
)
DEMO_PROVIDERS = ("Dr. Demo Therapist", "Dr. Demo Prescriber")
_HOURS = (9, 10, 11, 13, 14, 15)


def _event(index: int, start: datetime, patient: str, provider: str) -> str:
    end = start + timedelta(minutes=50)
    return (f"BEGIN:VEVENT\nUID:demo-{index}@downtime-kiosk.invalid\n"
            f"DTSTART:{start.astimezone(UTC):%Y%m%dT%H%M%SZ}\nDTEND:{end.astimezone(UTC):%Y%m%dT%H%M%SZ}\n"
            f"SUMMARY:{patient}\nDESCRIPTION:Provider: {provider}\\nFictional demo visit\n"
            f"CATEGORIES:Demo visit\nEND:VEVENT\n")


def write_demo_calendar(path: Path, today: date, days: int = 4) -> Path:
    """Write `days` days of fictional visits from `today` (local time) to `path`."""
    zone = datetime.now().astimezone().tzinfo
    events, index = [], 0
    for offset in range(days):
        day = today + timedelta(days=offset)
        for slot, hour in enumerate(_HOURS):
            patient = DEMO_PATIENTS[(offset * 3 + slot) % len(DEMO_PATIENTS)]
            provider = DEMO_PROVIDERS[slot % 2]
            events.append(_event(index, datetime.combine(day, time(hour), zone), patient, provider))
            index += 1
    path.write_text("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//downtime-kiosk//demo//EN\n"
                    "X-WR-CALNAME:Demo clinic (fictional)\n" + "".join(events) + "END:VCALENDAR\n")
    return path

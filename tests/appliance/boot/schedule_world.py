"""The clinic calendar the host serves in the evening scenarios, and reading printed jobs back."""

import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.fixtures.calendars import CANARY, PRESCRIBER, THERAPIST, ics_with

# Sunday 6 December 2026; New York is on EST (UTC-5) then. The card's first boot (setup, switch to the read-only
# root, reboot) happens in the afternoon, so the timer's Persistent= stamp predates 17:30 however slow TCG is.
SUNDAY_1500 = datetime(2026, 12, 6, 20, 0, tzinfo=UTC)
SUNDAY_1700 = datetime(2026, 12, 6, 22, 0, tzinfo=UTC)
SUNDAY_1728 = datetime(2026, 12, 6, 22, 28, tzinfo=UTC)
SUNDAY_1810 = datetime(2026, 12, 6, 23, 10, tzinfo=UTC)
MONDAY_PATIENTS = (CANARY, "Wilhelmina Testcase")


def monday_calendar() -> str:
    """Two appointments on Monday 7 December (09:00 and 10:30 in New York), none on Sunday."""
    nine = datetime(2026, 12, 7, 14, 0, tzinfo=UTC)
    half_ten = datetime(2026, 12, 7, 15, 30, tzinfo=UTC)
    return ics_with([(nine, nine + timedelta(minutes=50), MONDAY_PATIENTS[0], THERAPIST),
                     (half_ten, half_ten + timedelta(minutes=50), MONDAY_PATIENTS[1], PRESCRIBER)])


def job_text(job: Path) -> str:
    """What a received print job says (the raw queue passes the PDF through)."""
    assert job.read_bytes().startswith(b"%PDF"), f"{job.name} is not a PDF: {job.read_bytes()[:40]!r}"
    return subprocess.run(["pdftotext", "-layout", str(job), "-"], capture_output=True, text=True,
                          check=True).stdout

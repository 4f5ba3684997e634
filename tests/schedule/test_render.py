"""The day's printout: read back with pdftotext and drawn to PNG to look at."""

import io
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path

from pypdf import PdfReader

from print_service.schedule import Appointment
from print_service.schedule.render import PHI_FOOTER, DayPrintout, render_day
from tests.fixtures.calendars import NEW_YORK

DAY = date(2026, 11, 2)
FETCHED = datetime(2026, 10, 30, 17, 30, tzinfo=NEW_YORK)
PRINTED = datetime(2026, 10, 30, 17, 31, tzinfo=NEW_YORK)


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 2, hour, minute, tzinfo=NEW_YORK)


def sample_day() -> list[Appointment]:
    """A fictional Monday: two providers, an all-day note, names that need escaping."""
    return [
        Appointment(at(0), at(0) + timedelta(days=1), title="Staff meeting at noon", all_day=True),
        Appointment(at(9), at(9, 50), patient="Ada Placeholder", provider="Dr. Zephyr Quill", type="Therapy 50",
                    location="Room 2"),
        Appointment(at(10), at(10, 50), patient="Bram <Fictional> & Co", provider="Dr. Zephyr Quill",
                    type="Intake", location="Telehealth"),
        Appointment(at(9, 30), at(9, 50), patient="Cleo Madeup", provider="Nurse Orla Sample",
                    type="LAI injection", location="Room 5"),
        Appointment(at(11), at(11, 30), patient="Dov Invented", provider="Dr. Mirabel Nonesuch", type="Med check",
                    location="Room 4"),
    ]


def text_of(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "day.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def test_header_tables_and_footer(tmp_path: Path) -> None:
    pdf = render_day(sample_day(), DayPrintout(DAY, NEW_YORK, FETCHED, PRINTED, stale=False))
    text = text_of(pdf, tmp_path)
    assert "Schedule for Monday, November 2, 2026" in text
    assert "data as of Fri Oct 30, 5:30 PM" in text
    assert "printed Fri Oct 30, 5:31 PM" in text
    assert "STALE" not in text
    assert PHI_FOOTER in text
    assert "All day: Staff meeting at noon" in text
    for heading in ("Dr. Mirabel Nonesuch (1)", "Dr. Zephyr Quill (2)", "Nurse Orla Sample (1)"):
        assert heading in text
    assert text.index("Dr. Mirabel Nonesuch") < text.index("Dr. Zephyr Quill") < text.index("Nurse Orla Sample")
    assert "9:00 AM–9:50 AM" in text and "Bram <Fictional> & Co" in text
    assert "Time" in text and "Patient" in text and "Type" in text and "Location" in text


def test_stale_banner(tmp_path: Path) -> None:
    pdf = render_day(sample_day(), DayPrintout(DAY, NEW_YORK, FETCHED, PRINTED + timedelta(days=2), stale=True))
    text = text_of(pdf, tmp_path)
    assert "STALE" in text
    assert "This copy may be out of date" in text


def test_long_day_has_header_and_footer_on_every_page(tmp_path: Path) -> None:
    many = [Appointment(at(7) + timedelta(minutes=5 * i), at(7) + timedelta(minutes=5 * i + 5),
                        patient=f"Fictional Person {i}", provider=f"Dr. Provider {i % 3}") for i in range(120)]
    pdf = render_day(many, DayPrintout(DAY, NEW_YORK, FETCHED, PRINTED, stale=True))
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) >= 3
    for page in pages:
        page_text = page.extract_text()
        assert "Schedule for Monday, November 2, 2026" in page_text
        assert "STALE" in page_text
        assert "keep secure, shred after use" in page_text


def test_empty_day(tmp_path: Path) -> None:
    text = text_of(render_day([], DayPrintout(DAY, NEW_YORK, None, PRINTED, stale=True)), tmp_path)
    assert "No appointments on this day." in text
    assert "data as of never" in text


def test_png_of_a_printed_day(tmp_path: Path) -> None:
    pdf = tmp_path / "day.pdf"
    pdf.write_bytes(render_day(sample_day(), DayPrintout(DAY, NEW_YORK, FETCHED, PRINTED, stale=True)))
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-singlefile", str(pdf), str(tmp_path / "day")], check=True)
    png = tmp_path / "day.png"
    assert png.stat().st_size > 5_000

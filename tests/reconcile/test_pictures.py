"""The pictures in docs/: the catch-up sheet and the drill record, rendered with fictional data and turned
into PNGs with pdftoppm (written to docs/ when UPDATE_DOCS_PICTURES=1; then look at them). The drill record
stays one page however much happened."""

import os
import shutil
import subprocess
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from pypdf import PdfReader

from kiosk.drill.model import Drill
from kiosk.drill.report import drill_report
from kiosk.status.guidance import guidance_for
from kiosk.status.level import Level
from print_service.reports.catchup_sheet import CatchUpSheet, SheetRow, render_catchup_sheet, row_time

DOCS = Path(__file__).resolve().parents[2] / "docs"
NY = ZoneInfo("America/New_York")
START = datetime(2026, 11, 24, 9, 12, tzinfo=NY)


def picture(pdf: bytes, tmp_path: Path, name: str) -> Path:
    source = tmp_path / f"{name}.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", str(source), str(tmp_path / name)], check=True)
    made = tmp_path / f"{name}.png"
    if os.environ.get("UPDATE_DOCS_PICTURES") == "1":
        shutil.copy(made, DOCS / "reconcile" / f"{name}.png")
    return made


def test_the_catch_up_sheet_picture(tmp_path: Path) -> None:
    visits = [(START + timedelta(minutes=18), "Avery Examplename", "Dr. Zephyr Quill", "Therapy 50"),
              (START + timedelta(minutes=48), "Blake Fictional", "Dr. Mirabel Nonesuch", "Med check"),
              (START + timedelta(minutes=70), "Casey Placeholder", "Nurse Orla Sample", "Injection"),
              (START + timedelta(minutes=105), "Devon Madeup", "Dr. Zephyr Quill", "Intake")]
    sheet = CatchUpSheet(practice="Riverside Counseling", start=START, end=START + timedelta(hours=2, minutes=35),
                         level="outage, then regional_outage", zone=NY,
                         rows=tuple(SheetRow(row_time(t, NY), p, d, v) for t, p, d, v in visits),
                         printed_at=START + timedelta(hours=2, minutes=40),
                         schedule_as_of=START - timedelta(minutes=30))
    pdf = render_catchup_sheet(sheet)
    assert len(PdfReader(_file(pdf, tmp_path)).pages) == 1
    assert picture(pdf, tmp_path, "catch-up-sheet").stat().st_size > 10_000


def test_the_drill_record_picture_is_one_page_even_when_full(tmp_path: Path) -> None:
    drill = Drill("outage", START, START + timedelta(minutes=30), guidance_for(Level.OUTAGE),
                  ended_at=START + timedelta(minutes=22), ended_how="stopped by hand")
    for minutes, what in ((3, "downtime packet (button press)"), (6, "therapist-note (screen)"),
                          (9, "schedule (button hold)"), *((10 + n, f"nursing-note (screen) {n}") for n in range(9))):
        drill = drill.printed(what, START + timedelta(minutes=minutes))
    pdf = drill_report(drill, practice="Riverside Counseling", zone=NY, now=START + timedelta(minutes=25))
    assert len(PdfReader(_file(pdf, tmp_path)).pages) == 1
    assert picture(pdf, tmp_path, "drill-record").stat().st_size > 10_000


def _file(pdf: bytes, tmp_path: Path) -> Path:
    path = tmp_path / "check.pdf"
    path.write_bytes(pdf)
    return path

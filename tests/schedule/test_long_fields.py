"""A calendar with absurdly long fields still prints: each field is cut to fit, with an ellipsis.

A 6,000-character patient or provider field once made reportlab raise LayoutError, so
`schedule print` and `nightly` ended in a traceback with no record and no alert.
"""

import io
import subprocess
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from pypdf import PdfReader

from print_service.reports.catchup_sheet import CatchUpSheet, SheetRow, render_catchup_sheet, row_time
from tests.conftest import RunCli
from tests.fixtures.calendars import ics_with
from tests.fixtures.cupsd import PrivateCupsd

NEW_YORK = ZoneInfo("America/New_York")
LONG_PATIENT = "Longname " + "Canarius" * 750  # 6,009 characters, most of them one unbreakable word
LONG_PROVIDER = "Dr " + "Provider Words " * 400


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout


def test_six_thousand_character_fields_print_cut_to_fit(run_cli: RunCli, write_config: Callable[..., Path],
                                                        tmp_path: Path, cupsd: PrivateCupsd) -> None:
    start = datetime.combine(datetime.now(NEW_YORK).date() + timedelta(days=1), datetime.min.time(), NEW_YORK)
    feed = tmp_path / "feed.ics"
    feed.write_text(ics_with([(start.replace(hour=9), start.replace(hour=10), LONG_PATIENT, LONG_PROVIDER)]))
    queue = cupsd.add_capture_queue()
    config = write_config(f'[schedule]\nsource = "{feed}"\ntimezone = "America/New_York"\n'
                          'provider_from = "description:Provider"\nrequire_clock_sync = false\n'
                          f'[printing]\nprinter = "{queue.name}"\n')
    for command in (["schedule", "fetch"], ["schedule", "print"], ["schedule", "packet"], ["nightly"]):
        result = run_cli("--config", config, *command, env=cupsd.env)
        assert result.returncode == 0, (command, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
    schedule, note, nightly = (_pdf_text(path) for path in queue.wait_for_documents(3))
    for text in (schedule, nightly):
        assert "Longname" in text and "\u2026" in text
        assert text.count("Canarius") < 40  # cut to a few lines, not 750 repetitions
    assert "Longname" in note and "\u2026" in note


def test_the_catch_up_sheet_cuts_long_fields_too() -> None:
    start = datetime(2026, 11, 24, 9, 12, tzinfo=NEW_YORK)
    row = SheetRow(row_time(start + timedelta(minutes=18), NEW_YORK), LONG_PATIENT, LONG_PROVIDER, "Visit " * 1000)
    sheet = CatchUpSheet(practice="Riverside Counseling", start=start, end=start + timedelta(hours=2), level="outage",
                         zone=NEW_YORK, rows=(row,), printed_at=start + timedelta(hours=3), schedule_as_of=start)
    reader = PdfReader(io.BytesIO(render_catchup_sheet(sheet)))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) == 1
    assert "Longname" in text and "\u2026" in text and text.count("Canarius") < 40

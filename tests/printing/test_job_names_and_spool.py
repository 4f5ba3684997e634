"""Every kind of job the kiosk sends, as cupsd records it, and what cupsd keeps on disk afterwards.

cupsd 2.4.2-3+deb12u10 crashed on the kiosk's old job names (a space in the document name), so
this submits each kind — every form, the blank packet, the schedule, the visit packet — to the
private cupsd (which the fixture checks is still alive afterwards) and reads the job and
document names back. Then it searches cupsd's whole tree for the canary patient: once the jobs
are done, nothing of the schedule may remain in the spool, cache or logs.
"""

import re
import subprocess
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from print_service.errors import PrintFailedError
from print_service.printing import PrintingSettings
from print_service.printing.connection import connect
from print_service.printing.service import PrintService
from print_service.schedule.printer import cups_document_printer
from tests.conftest import RunCli
from tests.fixtures.calendars import CANARY, THERAPIST, ics_with
from tests.fixtures.cupsd import PrivateCupsd
from tests.printing.pdfs import make_pdf
from tests.waiting import wait_until

CUPS_SAFE = re.compile(r"^[A-Za-z0-9._-]+$")
NEW_YORK = ZoneInfo("America/New_York")


def _tomorrow_feed(path: Path) -> Path:
    start = datetime.combine(datetime.now(NEW_YORK).date() + timedelta(days=1), datetime.min.time(), NEW_YORK)
    path.write_text(ics_with([(start.replace(hour=9), start.replace(hour=9, minute=50), CANARY, THERAPIST)]))
    return path


def _config(write_config: Callable[..., Path], tmp_path: Path, queue: str) -> Path:
    feed = _tomorrow_feed(tmp_path / "feed.ics")
    return write_config(f'[schedule]\nsource = "{feed}"\ntimezone = "America/New_York"\n'
                        'provider_from = "description:Provider"\nrequire_clock_sync = false\n'
                        f'[printing]\nprinter = "{queue}"\n')


def _recorded_names(cupsd: PrivateCupsd, queue: str) -> list[tuple[str, str]]:
    """(job-name, document-name-supplied) of every job cupsd kept for `queue`, in job order."""
    with connect(cupsd.server) as connection:
        jobs = connection.getJobs(which_jobs="all", requested_attributes=["job-id", "job-printer-uri"])
        ids = sorted(job_id for job_id, attrs in jobs.items()
                     if str(attrs.get("job-printer-uri", "")).endswith(f"/{queue}"))
        names = []
        for job_id in ids:
            attrs = connection.getJobAttributes(job_id, requested_attributes=["job-name", "document-name-supplied"])
            names.append((str(attrs["job-name"]), str(attrs.get("document-name-supplied", attrs["job-name"]))))
    return names


def _cupsd_files(cupsd: PrivateCupsd) -> list[Path]:
    """Everything cupsd itself writes (its spool, cache, state, scratch and logs) — not the captured paper."""
    return [path for sub in ("spool", "cache", "state", "scratch", "log", "conf")
            for path in (cupsd.root / sub).rglob("*") if path.is_file()]


def _holds_canary(path: Path) -> bool:
    """Whether a file holds the canary patient, in its bytes or, for a (compressed) PDF, in its text."""
    data = path.read_bytes()
    if any(needle.encode() in data for needle in (CANARY, *CANARY.split())):
        return True
    if data.startswith(b"%PDF"):
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=False).stdout
        return any(needle in text for needle in CANARY.split())
    return False


def test_every_kind_of_job_gets_a_name_cupsd_takes_and_no_patient_data_stays_in_its_tree(
        cupsd: PrivateCupsd, run_cli: RunCli, write_config: Callable[..., Path], tmp_path: Path) -> None:
    queue = cupsd.add_capture_queue()
    config = _config(write_config, tmp_path, queue.name)
    forms = ["therapist-note", "prescriber-note", "nursing-note", "med-change-log", "downtime-log",
             "procedure-card"]
    commands = [["print", form, "--wait"] for form in forms]
    commands += [["print", "packet", "--wait"], ["schedule", "fetch"], ["schedule", "print"],
                 ["schedule", "packet"]]
    for command in commands:
        result = run_cli("--config", config, *command, env=cupsd.env)
        assert result.returncode == 0, (command, result.stdout, result.stderr)
    sent = len(forms) + 4 + 1 + 1  # six forms, the four-form packet, the schedule, one visit note
    queue.wait_for_documents(sent)
    names = _recorded_names(cupsd, queue.name)
    kinds = [job_name.split("_", 1)[0] for job_name, _ in names]
    assert kinds == [*forms, "therapist-note", "prescriber-note", "nursing-note", "med-change-log", "schedule",
                     "therapist-note"]
    for job_name, document_name in names:
        assert CUPS_SAFE.match(job_name) and CUPS_SAFE.match(document_name), (job_name, document_name)
    assert any(_holds_canary(path) for path in queue.documents())  # the schedule did reach paper
    wait_until(lambda: not [path for path in _cupsd_files(cupsd) if _holds_canary(path)], 20,
               "cupsd to keep nothing of the schedule once it printed")


def test_a_job_the_kiosk_takes_back_is_purged_not_kept(cupsd: PrivateCupsd) -> None:
    queue = cupsd.add_failing_queue()  # out of paper: the job waits in a stopped queue
    service = PrintService(PrintingSettings(printer=queue, job_timeout_seconds=5), server=cupsd.server)
    print_document = cups_document_printer(service, now=lambda: datetime(2026, 11, 26, 18, 0, tzinfo=NEW_YORK))
    document = make_pdf(f"Schedule with {CANARY}")
    try:
        print_document(document, "schedule")
    except PrintFailedError:
        pass
    else:
        raise AssertionError("a printer out of paper must not report the schedule as printed")
    assert _recorded_names(cupsd, queue) == []  # cancelled with purge: not even in the history
    assert not [path for path in _cupsd_files(cupsd) if _holds_canary(path)]

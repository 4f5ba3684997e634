"""The schedule on paper through a private cupsd: print, packet, and the nightly run from the CLI
and in-process with a printer that runs out of paper and is fixed mid-evening."""

import json
import subprocess
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from print_service.alerts import AlertStore
from print_service.paths import AppPaths
from print_service.printing import PrintingSettings
from print_service.printing.connection import connect
from print_service.printing.service import PrintService
from print_service.schedule.cache import ScheduleCache
from print_service.schedule.nightly import NightlyPrint
from print_service.schedule.printer import cups_document_printer
from print_service.schedule.records import NightlyStore
from tests.conftest import RunCli
from tests.fixtures.calendars import CANARY, NEW_YORK, THERAPIST, ManualClock, ics_with, reference_ics
from tests.fixtures.cupsd import PrivateCupsd

MakeCache = Callable[..., ScheduleCache]
FRIDAY_EVENING = datetime(2026, 10, 30, 17, 30, tzinfo=NEW_YORK)


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def _calendar_from_tomorrow(path: Path) -> Path:
    zone = ZoneInfo("America/New_York")
    start = datetime.combine(datetime.now(zone).date() + timedelta(days=1), datetime.min.time(), zone)
    path.write_text(ics_with([
        (start.replace(hour=9), start.replace(hour=9, minute=50), CANARY, THERAPIST),
        (start.replace(hour=11), start.replace(hour=11, minute=30), "Second Fictional", "Nurse Orla Sample"),
    ]))
    return path


@pytest.fixture
def config(write_config: Callable[..., Path], tmp_path: Path, cupsd: PrivateCupsd) -> tuple[Path, Path]:
    feed = _calendar_from_tomorrow(tmp_path / "feed.ics")
    queue = cupsd.add_capture_queue()
    path = write_config(f'[schedule]\nsource = "{feed}"\ntimezone = "America/New_York"\n'
                        'provider_from = "description:Provider"\nrequire_clock_sync = false\n'
                        '[schedule.provider_roles]\n"Nurse Orla Sample" = "nurse"\n'
                        f'[printing]\nprinter = "{queue.name}"\n')
    return path, queue.folder


def test_print_packet_and_nightly_once_from_the_cli(run_cli: RunCli, config: tuple[Path, Path],
                                                     cupsd: PrivateCupsd, tmp_path: Path) -> None:
    path, captured = config
    env = cupsd.env
    assert run_cli("--config", path, "schedule", "fetch", env=env).returncode == 0
    printed = run_cli("--config", path, "schedule", "print", env=env)
    assert printed.returncode == 0, printed.stderr
    (day,) = sorted(captured.glob("job-*.pdf"))
    text = pdf_text(day)
    assert CANARY in text and "Contains PHI" in text and "STALE" not in text
    packet = run_cli("--config", path, "schedule", "packet", env=env)
    assert packet.returncode == 0, packet.stderr
    assert "printed 2 pre-filled notes" in packet.stdout
    first = run_cli("--config", path, "nightly", env=env)
    second = run_cli("--config", path, "nightly", env=env)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert "printed the schedule for" in first.stdout and "already printed" in second.stdout
    # a simulated reboot: a new process, the runtime directory gone; the state directory persists
    subprocess.run(["rm", "-rf", str(tmp_path / "run")], check=True)
    third = run_cli("--config", path, "nightly", env=env)
    assert third.returncode == 0 and "already printed" in third.stdout
    assert len(list(captured.glob("job-*.pdf"))) == 1 + 2 + 1
    titles = cupsd.run("lpstat", "-W", "all", "-o").stdout + (tmp_path / "state" / "nightly.json").read_text()
    assert CANARY not in titles and "Fictional" not in titles
    record = json.loads((tmp_path / "state" / "nightly.json").read_text())
    assert record["outcome"] == "printed"


def test_nightly_retries_a_printer_out_of_paper_until_it_is_fixed(make_cache: MakeCache, tmp_path: Path,
                                                                    schedule_paths: AppPaths,
                                                                    cupsd: PrivateCupsd) -> None:
    feed = tmp_path / "feed.ics"
    feed.write_text(reference_ics())
    queue = cupsd.add_failing_queue()
    capture = cupsd.add_capture_queue()
    clock = ManualClock(FRIDAY_EVENING)
    service = PrintService(PrintingSettings(printer=queue, job_timeout_seconds=20), server=cupsd.server)
    clock.at(FRIDAY_EVENING + timedelta(minutes=7), lambda: cupsd.set_device(queue, f"capture:{capture.folder}"))
    job = NightlyPrint(cache=make_cache(feed, now=clock.now), print_document=cups_document_printer(service,
                       now=clock.now), alerts=AlertStore(schedule_paths.alerts_dir, now=clock.now),
                       store=NightlyStore(schedule_paths.state_dir), clock=clock, clock_synchronised=lambda: True)
    record = job.run()
    assert record.outcome == "printed", record
    assert clock.slept == [300.0, 300.0]  # 17:30 and 17:35 out of paper, 17:40 printed
    (printed,) = capture.wait_for_documents(1)
    assert "Schedule for Monday, November 2, 2026" in pdf_text(printed)
    assert AlertStore(schedule_paths.alerts_dir).active() == []
    jobs = cupsd.run("lpstat", "-W", "not-completed", "-o", queue).stdout
    assert jobs.strip() == ""  # the failed attempts were taken back, nothing waits to print later


def test_schedule_never_goes_to_the_output_folder(run_cli: RunCli, write_config: Callable[..., Path],
                                                   tmp_path: Path) -> None:
    feed = _calendar_from_tomorrow(tmp_path / "feed.ics")
    out = tmp_path / "out"
    path = write_config(f'[schedule]\nsource = "{feed}"\ntimezone = "America/New_York"\n'
                        f'[printing]\noutput_dir = "{out}"\n')
    assert run_cli("--config", path, "schedule", "fetch").returncode == 0
    result = run_cli("--config", path, "schedule", "print")
    assert result.returncode == 1
    assert result.stderr == ("downtime-kiosk: documents with patient details are never written to "
                             "printing.output_dir; set printing.printer\n")
    assert not out.exists() or not any(out.iterdir())


def test_a4_paper_from_printing(run_cli: RunCli, config: tuple[Path, Path], cupsd: PrivateCupsd) -> None:
    path, captured = config
    path.write_text(path.read_text().replace("[printing]\n", '[printing]\npaper = "a4"\n'))
    assert run_cli("--config", path, "schedule", "fetch", env=cupsd.env).returncode == 0
    assert run_cli("--config", path, "schedule", "print", env=cupsd.env).returncode == 0
    (document,) = captured.glob("job-*.pdf")
    info = subprocess.run(["pdfinfo", str(document)], capture_output=True, text=True, check=True).stdout
    assert "595.276 x 841.89 pts (A4)" in info


def _job_names(cupsd: PrivateCupsd, queue: str) -> list[str]:
    """The title of every job cupsd kept for `queue` (completed ones included)."""
    listed = cupsd.run("lpstat", "-W", "all", "-o", queue).stdout.split()
    ids = [int(word.rsplit("-", 1)[1]) for word in listed if word.startswith(f"{queue}-")]
    with connect(cupsd.server) as connection:
        return [str(connection.getJobAttributes(job_id)["job-name"]) for job_id in ids]


def test_phi_canary_after_fetch_print_and_purge_from_the_cli(run_cli: RunCli, config: tuple[Path, Path],
                                                              cupsd: PrivateCupsd, tmp_path: Path) -> None:
    path, captured = config
    queue = captured.name
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**cupsd.env, "TMPDIR": str(scratch)}
    logs = ""
    for args in (["schedule", "fetch"], ["schedule", "print"], ["schedule", "packet"], ["nightly"]):
        result = run_cli("--config", path, "-v", *args, env=env)
        assert result.returncode == 0, result.stderr
        logs += result.stderr
    assert CANARY in pdf_text(sorted(captured.glob("job-*.pdf"))[0])  # it did reach paper
    later = (datetime.now(NEW_YORK) + timedelta(days=60)).replace(microsecond=0).isoformat()
    purged = run_cli("--config", path, "-v", "nightly", "--now", later, env=env)
    assert purged.returncode == 0 and "nothing to print" in purged.stdout, purged.stderr
    logs += purged.stderr
    assert "INFO: schedule refreshed from" in logs  # verbose logging was on and captured
    names = _job_names(cupsd, queue)
    assert len(names) == 4, names
    assert all(n.split("_")[0] in ("schedule", "therapist-note", "nursing-note") for n in names)
    searched = [p for folder in (tmp_path / "state", tmp_path / "keys", tmp_path / "run", scratch)
                for p in folder.rglob("*") if p.is_file()]
    assert any(p.name == "cache.bin" for p in searched)
    for needle in (CANARY, *CANARY.split()):
        assert needle not in logs and needle not in " ".join(names)
        for found in searched:
            assert needle.encode() not in found.read_bytes(), found
            assert needle not in found.name

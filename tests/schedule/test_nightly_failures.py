"""The nightly print sorts its failures: permanent ones end at once, transient ones retry loudly.

Each cause is one test, against the real private cupsd (or none), on a manual clock: a
permanent cause never sleeps, a transient one waits `retry_minutes` at a time and says on
stderr (the log) what it waits for and until when.
"""

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from print_service.alerts import AlertStore
from print_service.paths import AppPaths
from print_service.printing import PrintingSettings
from print_service.printing.service import PrintService
from print_service.schedule.cache import ScheduleCache
from print_service.schedule.nightly import ALERT_KIND, NightlyPrint
from print_service.schedule.printer import cups_document_printer
from print_service.schedule.records import NightlyRecord, NightlyStore
from tests.fixtures.calendars import NEW_YORK, ManualClock, reference_ics
from tests.fixtures.cupsd import PrivateCupsd

MakeCache = Callable[..., ScheduleCache]
FRIDAY_EVENING = datetime(2026, 10, 30, 17, 30, tzinfo=NEW_YORK)


@pytest.fixture
def feed(tmp_path: Path) -> Path:
    path = tmp_path / "feed.ics"
    path.write_text(reference_ics())
    return path


def _run(make_cache: MakeCache, source: str | Path, paths: AppPaths, clock: ManualClock, *,
         printing: PrintingSettings, server: str) -> NightlyRecord:
    service = PrintService(printing, server=server)
    job = NightlyPrint(cache=make_cache(source, now=clock.now),
                       print_document=cups_document_printer(service, now=clock.now),
                       alerts=AlertStore(paths.alerts_dir, now=clock.now), store=NightlyStore(paths.state_dir),
                       clock=clock, clock_synchronised=lambda: True)
    return job.run()


def _alerts(paths: AppPaths) -> list[str]:
    return [alert.message for alert in AlertStore(paths.alerts_dir).active() if alert.kind == ALERT_KIND]


# -- permanent: give up at once, naming the cause and the key to fix --------------------------------

def test_no_such_queue_gives_up_at_once(make_cache: MakeCache, feed: Path, schedule_paths: AppPaths,
                                        cupsd: PrivateCupsd) -> None:
    clock = ManualClock(FRIDAY_EVENING)
    record = _run(make_cache, feed, schedule_paths, clock, printing=PrintingSettings(printer="frontdesk"),
                  server=cupsd.server)
    assert record.outcome == "failed" and clock.slept == []
    assert "unknown printer queue 'frontdesk'" in record.message and "printing.printer" in record.message
    assert _alerts(schedule_paths) == ["The schedule for Monday, November 2 was not printed: cannot print: "
                                       f"{record.message.removeprefix('cannot print: ')}. Print it from the screen "
                                       "or with `downtime-kiosk schedule print` when fixed."]


def test_no_printer_configured_gives_up_at_once(make_cache: MakeCache, feed: Path, schedule_paths: AppPaths,
                                                tmp_path: Path) -> None:
    empty = PrivateCupsd(tmp_path / "empty-cupsd")  # no queues, no default: a box nobody set up
    empty.start()
    try:
        clock = ManualClock(FRIDAY_EVENING)
        record = _run(make_cache, feed, schedule_paths, clock, printing=PrintingSettings(),
                  server=empty.server)
    finally:
        empty.stop()
    assert record.outcome == "failed" and clock.slept == []
    assert "printing.printer is not set and CUPS has no default printer" in record.message


def test_output_folder_gives_up_at_once(make_cache: MakeCache, feed: Path, schedule_paths: AppPaths,
                                        tmp_path: Path, unreachable_cups_server: str) -> None:
    clock = ManualClock(FRIDAY_EVENING)
    record = _run(make_cache, feed, schedule_paths, clock, printing=PrintingSettings(output_dir=tmp_path / "out"),
                  server=unreachable_cups_server)
    assert record.outcome == "failed" and clock.slept == []
    assert "never written to printing.output_dir; set printing.printer" in record.message
    assert not (tmp_path / "out").exists()


def test_no_schedule_source_gives_up_at_once(make_cache: MakeCache, schedule_paths: AppPaths,
                                             cupsd: PrivateCupsd) -> None:
    clock = ManualClock(FRIDAY_EVENING)
    queue = cupsd.add_capture_queue()
    record = _run(make_cache, "", schedule_paths, clock, printing=PrintingSettings(printer=queue.name),
                  server=cupsd.server)
    assert record.outcome == "failed" and clock.slept == []
    assert "schedule.source" in record.message
    assert queue.documents() == []


# -- transient: retry every retry_minutes until print_deadline, saying so ----------------------------

def test_cupsd_down_is_waited_for_and_printed_when_it_comes_back(
        make_cache: MakeCache, feed: Path, schedule_paths: AppPaths, tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    later = PrivateCupsd(tmp_path / "late-cupsd")  # its port is chosen now; it starts at 17:42
    clock = ManualClock(FRIDAY_EVENING)
    queue_name: list[str] = []

    def print_server_starts() -> None:
        later.start()
        queue_name.append(later.add_capture_queue("frontdesk").name)

    clock.at(FRIDAY_EVENING + timedelta(minutes=12), print_server_starts)
    caplog.set_level(logging.WARNING, logger="print_service.schedule.nightly")
    try:
        record = _run(make_cache, feed, schedule_paths, clock, printing=PrintingSettings(printer="frontdesk"),
                  server=later.server)
        assert record.outcome == "printed", record
        assert clock.slept == [300.0, 300.0, 300.0]  # 17:30, 17:35, 17:40 down; 17:45 printed
        assert len(list((later.root / "captures" / "frontdesk").glob("job-*.pdf"))) == 1
    finally:
        later.stop()
    waits = [r.getMessage() for r in caplog.records if "waiting for the printer" in r.getMessage()]
    assert len(waits) == 3
    assert "attempt 1 did not print (cupsd cannot be reached); waiting for the printer, next try at 17:35, " \
           "retrying every 5 minutes until 21:00" in waits[0]
    assert _alerts(schedule_paths) == []


def test_a_queue_that_rejects_jobs_is_waited_for(make_cache: MakeCache, feed: Path, schedule_paths: AppPaths,
                                                 cupsd: PrivateCupsd, caplog: pytest.LogCaptureFixture) -> None:
    queue = cupsd.add_capture_queue(accepting=False)  # paused by someone at the printer's panel or lpadmin
    clock = ManualClock(FRIDAY_EVENING)
    seen: list[list[str]] = []

    def accept_again() -> None:
        seen.append(_alerts(schedule_paths))
        cupsd.run("cupsaccept", queue.name)

    clock.at(FRIDAY_EVENING + timedelta(minutes=5), accept_again)
    caplog.set_level(logging.WARNING, logger="print_service.schedule.nightly")
    record = _run(make_cache, feed, schedule_paths, clock, printing=PrintingSettings(printer=queue.name),
                  server=cupsd.server)
    assert record.outcome == "printed" and clock.slept == [300.0]
    assert seen == [["The schedule for Monday, November 2 has not printed yet (The printer is not taking new "
                     "jobs — press Resume). Retrying every 5 minutes until 21:00."]]
    assert any("waiting for the printer" in r.getMessage() for r in caplog.records)
    assert len(queue.wait_for_documents(1)) == 1


def test_a_slow_printer_is_reported_still_printing_never_printed(make_cache: MakeCache, feed: Path,
                                                                 schedule_paths: AppPaths,
                                                                 cupsd: PrivateCupsd) -> None:
    queue, flag = cupsd.add_blocking_queue()
    clock = ManualClock(FRIDAY_EVENING)
    try:
        record = _run(make_cache, feed, schedule_paths, clock,
                      printing=PrintingSettings(printer=queue, job_timeout_seconds=0.5), server=cupsd.server)
    finally:
        flag.touch()
    assert record.outcome == "printing"
    assert "still printing" in record.message and "printed the schedule" not in record.message
    assert NightlyStore(schedule_paths.state_dir).printed()  # sent once: the next run does not send it again

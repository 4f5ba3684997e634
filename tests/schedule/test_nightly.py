"""The nightly print, driven through whole evenings on a manual clock (no real waiting)."""

import json
import logging
import subprocess
from collections.abc import Callable
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest

from print_service.alerts import AlertStore
from print_service.errors import PrinterNotReadyError
from print_service.paths import AppPaths
from print_service.schedule.cache import ScheduleCache
from print_service.schedule.nightly import ALERT_KIND, NightlyPrint
from print_service.schedule.records import NightlyStore
from tests.fixtures.calendars import NEW_YORK, ManualClock, reference_ics

MakeCache = Callable[..., ScheduleCache]
FRIDAY_EVENING = datetime(2026, 10, 30, 17, 30, tzinfo=NEW_YORK)


class Printer:
    """Collects printed documents; fails while `broken` is set, like a printer out of paper."""

    def __init__(self) -> None:
        self.jobs: list[tuple[bytes, str]] = []
        self.attempts = 0
        self.broken = False

    def __call__(self, document: bytes, title: str) -> bool:
        self.attempts += 1
        if self.broken:
            raise PrinterNotReadyError("printer lp: out of paper", user_message="The printer is out of paper.")
        self.jobs.append((document, title))
        return True


def pdf_text(document: bytes, tmp_path: Path) -> str:
    path = tmp_path / "printed.pdf"
    path.write_bytes(document)
    try:
        return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                              text=True).stdout
    finally:
        path.unlink()


@pytest.fixture
def feed(tmp_path: Path) -> Path:
    path = tmp_path / "feed.ics"
    path.write_text(reference_ics())
    return path


@pytest.fixture
def evening(make_cache: MakeCache, feed: Path, schedule_paths: AppPaths) -> Callable[..., NightlyPrint]:
    """A nightly run on a fresh set of objects, as after a reboot (only the files persist)."""

    def build(clock: ManualClock, printer: Printer, *, synced: Callable[[], bool] = lambda: True,
              force: bool = False, **changes: object) -> NightlyPrint:
        cache = make_cache(feed, now=clock.now, **changes)
        return NightlyPrint(cache=cache, print_document=printer,
                            alerts=AlertStore(schedule_paths.alerts_dir, now=clock.now),
                            store=NightlyStore(schedule_paths.state_dir), clock=clock, clock_synchronised=synced,
                            force=force)

    return build


def _nightly_json(paths: AppPaths) -> dict[str, str]:
    return json.loads((paths.state_dir / "nightly.json").read_text())  # type: ignore[no-any-return]


def test_friday_prints_monday_exactly_once_across_runs_and_a_reboot(evening: Callable[..., NightlyPrint],
                                                                     schedule_paths: AppPaths,
                                                                     tmp_path: Path) -> None:
    printer = Printer()
    clock = ManualClock(FRIDAY_EVENING)
    record = evening(clock, printer).run()
    assert (record.date.isoformat(), record.outcome) == ("2026-11-02", "printed")
    assert _nightly_json(schedule_paths) == {"date": "2026-11-02", "outcome": "printed",
                                             "at": FRIDAY_EVENING.isoformat(),
                                             "message": "printed the schedule for Monday, November 2"}
    (document, title), = printer.jobs
    assert title == "schedule"
    text = pdf_text(document, tmp_path)
    assert "Schedule for Monday, November 2, 2026" in text
    assert "Desmond Notreal" in text and "Contains PHI — keep secure, shred after use" in text
    # the timer fires again (a second run) and after a reboot (new objects, same state dir)
    clock.sleep(600)
    again = evening(clock, printer).run()
    rebooted = evening(ManualClock(FRIDAY_EVENING + timedelta(hours=1)), printer).run()
    assert again.outcome == rebooted.outcome == "printed"
    assert "already printed" in rebooted.message
    assert len(printer.jobs) == 1
    assert _nightly_json(schedule_paths)["at"] == FRIDAY_EVENING.isoformat()
    forced = evening(clock, printer, force=True).run()
    assert forced.outcome == "printed" and len(printer.jobs) == 2


def test_failing_printer_is_retried_until_it_works(evening: Callable[..., NightlyPrint],
                                                   schedule_paths: AppPaths) -> None:
    printer = Printer()
    printer.broken = True
    clock = ManualClock(FRIDAY_EVENING)
    seen: list[tuple[str, list[str]]] = []

    def refill() -> None:
        seen.append((_nightly_json(schedule_paths)["outcome"],
                     [a.message for a in AlertStore(schedule_paths.alerts_dir).active()]))
        printer.broken = False

    clock.at(FRIDAY_EVENING + timedelta(minutes=12), refill)
    record = evening(clock, printer).run()
    assert record.outcome == "printed"
    assert printer.attempts == 4  # 17:30, 17:35, 17:40 failed; 17:45 printed
    assert clock.slept == [300.0, 300.0, 300.0]
    assert seen == [("waiting", ["The schedule for Monday, November 2 has not printed yet (The printer is out of "
                                 "paper). Retrying every 5 minutes until 21:00."])]
    assert AlertStore(schedule_paths.alerts_dir).active() == []


def test_printer_broken_all_evening_gives_up_at_the_deadline(evening: Callable[..., NightlyPrint],
                                                             schedule_paths: AppPaths) -> None:
    printer = Printer()
    printer.broken = True
    clock = ManualClock(FRIDAY_EVENING)
    record = evening(clock, printer).run()
    assert record.outcome == "failed"
    assert record.message == "printing failed until 21:00: The printer is out of paper"
    assert clock.now() <= datetime.combine(FRIDAY_EVENING.date(), time(21, 0), NEW_YORK)
    assert printer.attempts == 43  # 17:30 … 21:00, every 5 minutes
    (alert,) = AlertStore(schedule_paths.alerts_dir).active()
    assert alert.kind == ALERT_KIND
    assert alert.since == FRIDAY_EVENING
    assert alert.message.startswith("The schedule for Monday, November 2 was not printed: printing failed")
    # the next evening's timer (or staff) printing it clears the alert
    printer.broken = False
    assert evening(ManualClock(FRIDAY_EVENING + timedelta(hours=3, minutes=40)), printer).run().outcome == "printed"
    assert AlertStore(schedule_paths.alerts_dir).active() == []


def test_nothing_printed_before_the_clock_is_synchronised(evening: Callable[..., NightlyPrint],
                                                          schedule_paths: AppPaths,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="print_service.schedule.nightly")
    printer = Printer()
    clock = ManualClock(FRIDAY_EVENING)
    synced = {"now": False}
    outcomes: list[str] = []

    def sync() -> None:
        outcomes.append(_nightly_json(schedule_paths)["outcome"])
        assert printer.attempts == 0
        synced["now"] = True

    clock.at(FRIDAY_EVENING + timedelta(minutes=7), sync)
    record = evening(clock, printer, synced=lambda: synced["now"]).run()
    assert outcomes == ["waiting"]
    assert record.outcome == "printed" and printer.attempts == 1
    assert [r.getMessage() for r in caplog.records] == [
        "nightly: waiting for the clock to be synchronised (network time) until 21:00 before printing",
        "nightly: the clock is synchronised; printing"]
    assert clock.now() >= FRIDAY_EVENING + timedelta(minutes=7)


def test_clock_never_synchronised_prints_nothing(evening: Callable[..., NightlyPrint]) -> None:
    printer = Printer()
    clock = ManualClock(FRIDAY_EVENING)
    record = evening(clock, printer, synced=lambda: False).run()
    assert record.outcome == "failed"
    assert "clock was never synchronised" in record.message
    assert printer.attempts == 0
    assert clock.now() == datetime.combine(FRIDAY_EVENING.date(), time(21, 0), NEW_YORK)


def test_clock_sync_not_required(evening: Callable[..., NightlyPrint]) -> None:
    printer = Printer()
    record = evening(ManualClock(FRIDAY_EVENING), printer, synced=lambda: False, require_clock_sync=False).run()
    assert record.outcome == "printed"


def test_failed_refresh_prints_from_cache_with_stale_banner(evening: Callable[..., NightlyPrint], feed: Path,
                                                            tmp_path: Path) -> None:
    printer = Printer()
    thursday = ManualClock(FRIDAY_EVENING - timedelta(days=1))
    assert evening(thursday, printer).run().date.isoformat() == "2026-10-30"
    feed.write_text("<html>login</html>")
    friday = evening(ManualClock(FRIDAY_EVENING), printer).run()
    assert friday.outcome == "printed" and friday.date.isoformat() == "2026-11-02"
    assert friday.message == ("printed the schedule for Monday, November 2 from the copy fetched Thu Oct 29 17:30 "
                              "(the refresh failed)")
    text = pdf_text(printer.jobs[-1][0], tmp_path)
    assert "STALE" in text
    assert "data as of Thu Oct 29, 5:30 PM" in text
    assert "STALE" not in pdf_text(printer.jobs[0][0], tmp_path)


def test_no_clinic_day_within_lookahead_is_nothing(evening: Callable[..., NightlyPrint], feed: Path) -> None:
    feed.write_text(reference_ics().replace("RRULE:FREQ=WEEKLY;BYDAY=MO,TH", "RRULE:FREQ=WEEKLY;BYDAY=MO,TH"
                                            ";UNTIL=20261001T235959Z"))
    printer = Printer()
    late = ManualClock(datetime(2026, 11, 20, 17, 30, tzinfo=NEW_YORK))
    record = evening(late, printer, allow_empty=True).run()
    assert record.outcome == "nothing"
    assert record.message == "no clinic day in the next 4 days; nothing to print"
    assert printer.attempts == 0


def test_no_cache_and_failing_source_fails_with_alert(evening: Callable[..., NightlyPrint], feed: Path,
                                                      schedule_paths: AppPaths) -> None:
    feed.unlink()
    record = evening(ManualClock(FRIDAY_EVENING), Printer()).run()
    assert record.outcome == "failed"
    assert "no schedule is available to print (schedule source" in record.message
    assert [a.kind for a in AlertStore(schedule_paths.alerts_dir).active()] == [ALERT_KIND]


def test_cache_under_another_key_fails_with_a_record(evening: Callable[..., NightlyPrint], feed: Path,
                                                     schedule_paths: AppPaths) -> None:
    printer = Printer()
    assert evening(ManualClock(FRIDAY_EVENING - timedelta(days=1)), printer).run().outcome == "printed"
    schedule_paths.key_file.write_text("A" * 43 + "=\n")  # another 32-byte key: the cache no longer opens
    feed.unlink()
    record = evening(ManualClock(FRIDAY_EVENING), printer).run()
    assert record.outcome == "failed"
    assert "does not open with this key" in record.message
    assert _nightly_json(schedule_paths)["outcome"] == "failed"

"""Which windows make a downtime and when the catch-up alert stands (pure rules)."""

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.errors import UsageError
from kiosk.reconcile.alert import alert_message, pending_downtime
from kiosk.reconcile.book import ReconcileBook, ReconcileRecord, check_initials
from kiosk.reconcile.downtimes import Downtime, find_downtimes, span_words
from kiosk.status.downtime_log import DowntimeWindow
from kiosk.status.level import Level

T0 = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)
NY = ZoneInfo("America/New_York")


def log_of(*steps: tuple[Level, int]) -> list[DowntimeWindow]:
    """Windows from (level, minutes after T0); the last one stays open."""
    starts = [T0 + timedelta(minutes=m) for _, m in steps]
    return [DowntimeWindow(level, start, starts[i + 1] if i + 1 < len(starts) else None)
            for i, ((level, _), start) in enumerate(zip(steps, starts, strict=True))]


def test_consecutive_down_levels_are_one_downtime_and_degraded_ends_it() -> None:
    windows = log_of((Level.OPERATIONAL, 0), (Level.OUTAGE, 12), (Level.REGIONAL_OUTAGE, 40), (Level.OUTAGE, 90),
                     (Level.DEGRADED, 167), (Level.OFFLINE, 200), (Level.OPERATIONAL, 205))
    downtimes = find_downtimes(windows)
    assert [(d.start, d.end) for d in downtimes] == [
        (T0 + timedelta(minutes=200), T0 + timedelta(minutes=205)),
        (T0 + timedelta(minutes=12), T0 + timedelta(minutes=167))]
    assert downtimes[1].levels == (Level.OUTAGE, Level.REGIONAL_OUTAGE, Level.OUTAGE)
    assert downtimes[1].level is Level.REGIONAL_OUTAGE
    assert span_words(downtimes[1], NY) == "09:12–11:47"
    assert alert_message(downtimes[1], NY) == \
        "ICANotes is back — print the catch-up sheet for the downtime 09:12–11:47"


def test_the_alert_stands_for_the_latest_ended_downtime_long_enough_until_printed_or_dismissed(
        tmp_path: Path) -> None:
    windows = log_of((Level.OPERATIONAL, 0), (Level.MAINTENANCE, 10), (Level.OPERATIONAL, 40),
                     (Level.OUTAGE, 50), (Level.OPERATIONAL, 60))
    book = ReconcileBook(tmp_path)
    downtimes = find_downtimes(windows)
    assert pending_downtime(downtimes, book.records(), 15) == downtimes[1]  # the 10-minute one is too short
    assert pending_downtime(downtimes, book.records(), 10) == downtimes[0]
    book.mark_printed(downtimes[1].key, T0 + timedelta(hours=2))
    assert pending_downtime(downtimes, book.records(), 15) is None
    book.dismiss(downtimes[0].key, T0 + timedelta(hours=2))
    assert pending_downtime(downtimes, book.records(), 5) is None


def test_no_alert_while_icanotes_is_still_down() -> None:
    windows = log_of((Level.OPERATIONAL, 0), (Level.OUTAGE, 10), (Level.OPERATIONAL, 60), (Level.OUTAGE, 70))
    assert pending_downtime(find_downtimes(windows), {}, 15) is None


def test_a_downtime_over_midnight_names_both_days() -> None:
    downtime = Downtime(datetime(2026, 11, 25, 23, 10, tzinfo=NY), datetime(2026, 11, 26, 1, 20, tzinfo=NY),
                        (Level.OUTAGE,))
    assert span_words(downtime, NY) == "Nov 25 23:10–Nov 26 01:20"


def test_the_book_keeps_initials_and_print_times(tmp_path: Path) -> None:
    book = ReconcileBook(tmp_path)
    book.acknowledge("k", " j.d. ", T0)
    book.mark_printed("k", T0 + timedelta(minutes=1))
    book.mark_printed("k", T0 + timedelta(minutes=2))
    assert ReconcileBook(tmp_path).get("k") == ReconcileRecord(
        printed_at="2026-11-25T14:02:00+00:00", prints=2, acknowledged_by="j.d.",
        acknowledged_at="2026-11-25T14:00:00+00:00")
    (tmp_path / "reconcile.json").write_text("{not json")
    assert ReconcileBook(tmp_path).records() == {}


@pytest.mark.parametrize("typed", ["", "12", "Dr. Jane Longname-Smith", "<script>"])
def test_initials_that_are_not_initials_are_refused(typed: str) -> None:
    with pytest.raises(UsageError, match="initials: expected 1 to 8 letters"):
        check_initials(typed)

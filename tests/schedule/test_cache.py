"""The encrypted cache: keys, never worse than before, retention, freshness, CSV and PDF sources."""

import base64
import os
import stat
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from print_service.errors import ScheduleError
from print_service.paths import AppPaths
from print_service.schedule import CsvSettings
from print_service.schedule.cache import ScheduleCache
from tests.fixtures.calendars import (
    CANARY,
    CSV_COLUMNS,
    NEW_YORK,
    NOW,
    THERAPIST,
    empty_ics,
    ics_with,
    reference_csv,
    reference_ics,
    snapshot_pdf,
)

MakeCache = Callable[..., ScheduleCache]


@pytest.fixture
def feed(tmp_path: Path) -> Path:
    path = tmp_path / "feed.ics"
    path.write_text(reference_ics())
    return path


def test_cache_is_encrypted_and_key_file_is_0600_apart_from_data(make_cache: MakeCache, feed: Path,
                                                                  schedule_paths: AppPaths) -> None:
    cache = make_cache(feed)
    assert cache.refresh().ok
    blob = cache.cache_file.read_bytes()
    assert blob.startswith(b"DKSC2")
    assert CANARY.encode() not in blob and b"Phitestova" not in blob
    assert stat.S_IMODE(cache.cache_file.stat().st_mode) == 0o600
    key_file = schedule_paths.key_file
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(key_file.parent.stat().st_mode) == 0o700
    assert not key_file.is_relative_to(schedule_paths.state_dir)
    assert len(base64.b64decode(key_file.read_bytes())) == 32


def test_key_from_systemd_credential_wins_and_no_key_file_is_made(make_cache: MakeCache, feed: Path,
                                                                   schedule_paths: AppPaths, tmp_path: Path) -> None:
    credentials = tmp_path / "creds"
    credentials.mkdir()
    (credentials / "schedule.key").write_bytes(os.urandom(32))
    cache = make_cache(feed)
    cache._env = {"CREDENTIALS_DIRECTORY": str(credentials)}
    assert cache.refresh().ok
    assert not schedule_paths.key_file.exists()
    assert cache.load() is not None
    without = make_cache(feed)  # no credential: a new key file would not open this cache
    schedule_paths.key_file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    schedule_paths.key_file.write_text(base64.b64encode(os.urandom(32)).decode())
    with pytest.raises(ScheduleError, match="does not open with this key"):
        without.load()
    assert "does not open with this key" in (without.freshness().error or "")


def test_tampered_cache_is_refused(make_cache: MakeCache, feed: Path) -> None:
    cache = make_cache(feed)
    assert cache.refresh().ok
    blob = bytearray(cache.cache_file.read_bytes())
    blob[-5] ^= 0x01
    cache.cache_file.write_bytes(bytes(blob))
    with pytest.raises(ScheduleError, match="other key, or damaged"):
        cache.load()


def test_bad_key_file_is_a_clear_error(make_cache: MakeCache, feed: Path, schedule_paths: AppPaths) -> None:
    schedule_paths.key_file.parent.mkdir(parents=True)
    schedule_paths.key_file.write_text("too short")
    result = make_cache(feed).refresh()
    assert result.error == (f"schedule key {schedule_paths.key_file}: expected 32 bytes, raw or base64 "
                            "(make one with: head -c 32 /dev/urandom | base64)")


def test_empty_window_is_refused_while_cache_has_upcoming(make_cache: MakeCache, feed: Path) -> None:
    cache = make_cache(feed)
    assert cache.refresh().ok
    feed.write_text(empty_ics())
    result = cache.refresh()
    assert not result.ok
    assert result.error is not None
    assert "the new schedule has no appointments in the next 31 days while the cache has 10 upcoming" in result.error
    assert "schedule.allow_empty = true" in result.error
    assert cache.freshness().count == 11


def test_allow_empty_accepts_an_empty_calendar(make_cache: MakeCache, feed: Path) -> None:
    assert make_cache(feed).refresh().ok
    feed.write_text(empty_ics())
    cache = make_cache(feed, allow_empty=True)
    assert cache.refresh().ok
    assert cache.freshness().count == 0


def test_some_empty_days_are_believed(make_cache: MakeCache, feed: Path) -> None:
    cache = make_cache(feed)
    assert cache.refresh().ok
    one = NOW + timedelta(days=3)
    feed.write_text(ics_with([(one, one + timedelta(minutes=50), "Solo Fictional", THERAPIST)]))
    assert cache.refresh().ok
    assert cache.freshness().count == 1


def test_empty_cache_then_empty_calendar_is_fine(make_cache: MakeCache, feed: Path) -> None:
    feed.write_text(empty_ics())
    assert make_cache(feed).refresh().ok


def test_retention_purges_ended_appointments(make_cache: MakeCache, feed: Path) -> None:
    assert make_cache(feed).refresh().ok
    later = make_cache(feed, now=datetime(2026, 11, 4, 12, tzinfo=NEW_YORK))
    dropped = later.purge()
    loaded = later.load()
    assert loaded is not None
    assert dropped == 6  # Oct 29, Oct 30 (x2), Oct 31 (closed), Nov 2 (x2) ended before Nov 3 12:00
    assert min(a.end for a in loaded.appointments) >= datetime(2026, 11, 3, 12, tzinfo=NEW_YORK)


def test_freshness_stale_after_two_missed_refreshes(make_cache: MakeCache, feed: Path) -> None:
    assert make_cache(feed).refresh().ok
    fresh = make_cache(feed, now=NOW + timedelta(minutes=119)).freshness()
    assert (fresh.stale, fresh.count, fresh.error, fresh.format) == (False, 11, None, "ics")
    assert make_cache(feed, now=NOW + timedelta(minutes=121)).freshness().stale
    assert fresh.to_json() == {"source": str(feed), "fetched_at": NOW.isoformat(), "count": 11, "stale": False,
                               "error": None}


def test_freshness_without_any_cache(make_cache: MakeCache, tmp_path: Path) -> None:
    fresh = make_cache(tmp_path / "x.ics").freshness()
    assert (fresh.fetched_at, fresh.count, fresh.stale, fresh.error) == (None, 0, True, "no schedule fetched yet")
    assert make_cache("").freshness().to_json() == {"source": None, "fetched_at": None, "count": 0, "stale": True,
                                                    "error": None}


def test_csv_with_mapped_columns_and_us_formats(make_cache: MakeCache, tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(reference_csv())
    cache = make_cache(path, csv=CsvSettings(columns=CSV_COLUMNS))
    assert cache.refresh().ok
    friday = cache.day(date(2026, 10, 30))
    assert [(a.start.strftime("%H:%M"), a.end.strftime("%H:%M"), a.patient, a.provider, a.type, a.location)
            for a in friday] == [("09:00", "09:50", CANARY, THERAPIST, "Therapy 50", "Room 2"),
                                 ("13:00", "13:30", "Bartholomew Fictitious", "Dr. Mirabel Nonesuch", "Med check",
                                  "Room 4")]
    saturday = cache.day(date(2026, 10, 31))
    assert [(a.all_day, a.title) for a in saturday] == [(True, "Office closed")]
    assert cache.next_clinic_day(date(2026, 10, 30)) == date(2026, 11, 2)


def test_csv_with_explicit_formats_and_semicolons(make_cache: MakeCache, tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    path.write_text("date;start;end;patient;provider\n30.10.2026;0900;0950;Fictional Person;Dr. Q\n")
    cache = make_cache(path, format="csv",
                       csv=CsvSettings(date_format="%d.%m.%Y", time_format="%H%M", delimiter=";"))
    assert cache.refresh().ok, cache.freshness().error
    (only,) = cache.day(date(2026, 10, 30))
    assert (only.start.hour, only.end.minute, only.patient) == (9, 50, "Fictional Person")


def test_pdf_snapshot_is_kept_as_is(make_cache: MakeCache, tmp_path: Path) -> None:
    path = tmp_path / "snapshot.pdf"
    pdf = snapshot_pdf()
    path.write_bytes(pdf)
    cache = make_cache(path)
    assert cache.refresh().ok
    loaded = cache.load()
    assert loaded is not None and loaded.format == "pdf" and loaded.pdf == pdf
    assert b"Calendar snapshot" not in cache.cache_file.read_bytes()
    path.write_bytes(b"%PDF-1.4 garbage")
    assert cache.refresh().error == f"schedule source {path}: not a readable PDF (kept the schedule fetched " \
                                    "2026-10-29T17:30-04:00)"


def test_leftover_temporary_files_are_removed(make_cache: MakeCache, feed: Path) -> None:
    cache = make_cache(feed)
    assert cache.refresh().ok
    leftover = cache.folder / ".cache.bin.abc123.tmp"
    leftover.write_bytes(b"DKSC1 interrupted")
    assert cache.refresh().ok
    assert not leftover.exists()

"""iCalendar feeds from a real HTTP server and from folders: recurrences, exceptions,
overrides, two time zones, a DST change, cancelled and all-day events."""

import os
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from print_service.schedule import Appointment
from print_service.schedule.cache import ScheduleCache
from tests.fixtures.calendars import CANARY, NEW_YORK, PRESCRIBER, THERAPIST, reference_ics
from tests.fixtures.http_server import LocalHTTPServer, Reply

MakeCache = Callable[..., ScheduleCache]


def _local(a: Appointment) -> tuple[str, str]:
    return (a.start.astimezone(NEW_YORK).strftime("%Y-%m-%d %H:%M"), a.end.astimezone(NEW_YORK).strftime("%H:%M"))


@pytest.fixture
def served(http_server: LocalHTTPServer) -> str:
    http_server.route("/private/secret-token-123/basic.ics",
                      Reply(body=reference_ics(), content_type="text/calendar; charset=utf-8"))
    return http_server.url + "/private/secret-token-123/basic.ics"


def _cached(cache: ScheduleCache) -> list[Appointment]:
    result = cache.refresh()
    assert result.ok, result.error
    loaded = cache.load()
    assert loaded is not None
    return list(loaded.appointments)


def test_weekly_series_with_exdate_override_and_cancelled_instance(make_cache: MakeCache, served: str) -> None:
    series = [a for a in _cached(make_cache(served)) if a.patient == CANARY]
    assert [_local(a) for a in series] == [
        ("2026-10-29 09:00", "09:50"),
        ("2026-11-02 09:00", "09:50"),   # after the DST change: still 9:00 on the wall clock
        ("2026-11-05 14:00", "14:50"),   # RECURRENCE-ID override moved it to 14:00
        # 2026-11-09 removed by EXDATE, 2026-11-12 cancelled by its own RECURRENCE-ID
        ("2026-11-16 09:00", "09:50"),
        ("2026-11-19 09:00", "09:50"),
        ("2026-11-23 09:00", "09:50"),
        ("2026-11-26 09:00", "09:50"),
    ]
    moved = series[2]
    assert moved.location == "Room 3"
    assert moved.type == "Therapy 50"
    assert moved.provider == THERAPIST


def test_dst_change_keeps_wall_clock_and_moves_utc(make_cache: MakeCache, served: str) -> None:
    series = [a for a in _cached(make_cache(served)) if a.patient == CANARY]
    assert series[0].start.astimezone(UTC).hour == 13  # EDT, UTC-4
    assert series[1].start.astimezone(UTC).hour == 14  # EST, UTC-5
    assert series[0].start.utcoffset() != series[1].start.utcoffset()


def test_other_zones_utc_floating_all_day_and_cancelled(make_cache: MakeCache, served: str) -> None:
    by_patient = {a.patient: a for a in _cached(make_cache(served))}
    assert _local(by_patient["Bartholomew Fictitious"]) == ("2026-10-30 13:00", "13:30")  # 10:00 Los Angeles
    assert by_patient["Bartholomew Fictitious"].provider == PRESCRIBER
    assert _local(by_patient["Cordelia Imaginary"]) == ("2026-10-30 14:00", "14:50")  # 18:00Z
    assert _local(by_patient["Desmond Notreal"]) == ("2026-11-02 11:00", "11:30")  # floating = practice zone
    closed = by_patient["Office closed"]
    assert closed.all_day
    assert _local(closed) == ("2026-10-31 00:00", "00:00")
    assert "Ebenezer Cancelledson" not in by_patient


def test_day_and_next_clinic_day(make_cache: MakeCache, served: str) -> None:
    cache = make_cache(served)
    _cached(cache)
    friday = cache.day(date(2026, 10, 30))
    assert [a.patient for a in friday] == ["Bartholomew Fictitious", "Cordelia Imaginary"]
    assert cache.next_clinic_day(date(2026, 10, 29)) == date(2026, 10, 30)
    # Friday: Saturday has only "Office closed" (all day), Sunday nothing, so Monday
    assert cache.next_clinic_day(date(2026, 10, 30)) == date(2026, 11, 2)
    saturday = cache.day(date(2026, 10, 31))
    assert [(a.title, a.all_day) for a in saturday] == [("Office closed", True)]


def test_folder_source_newest_file_wins(make_cache: MakeCache, tmp_path: Path) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    older = folder / "monday.ics"
    older.write_text(reference_ics("Oldfile Patientname"))
    newer = folder / "tuesday.ics"
    newer.write_text(reference_ics())
    (folder / ".hidden.ics").write_text("garbage")
    (folder / "partial.ics.part").write_text("garbage")

    os.utime(older, (1_700_000_000, 1_700_000_000))
    os.utime(newer, (1_800_000_000, 1_800_000_000))
    patients = {a.patient for a in _cached(make_cache(folder))}
    assert CANARY in patients
    assert "Oldfile Patientname" not in patients


def test_single_file_source(make_cache: MakeCache, tmp_path: Path) -> None:
    path = tmp_path / "calendar.ics"
    path.write_text(reference_ics())
    cache = make_cache(path)
    assert len(_cached(cache)) == 11
    assert cache.freshness().source == str(path)


def test_patient_and_provider_from_other_fields(make_cache: MakeCache, served: str) -> None:
    cache = make_cache(served, patient_from="description:Patient", provider_from="calendar")
    first = _cached(cache)[0]
    assert first.patient == CANARY
    assert first.provider == "Clinic calendar"
    assert first.title == CANARY


def test_source_shown_as_scheme_and_host_only(make_cache: MakeCache, served: str,
                                              http_server: LocalHTTPServer) -> None:
    cache = make_cache(served)
    _cached(cache)
    assert cache.freshness().source == f"http://127.0.0.1:{http_server.port}"
    assert "secret-token-123" not in cache.status_file.read_text()


def test_window_is_retention_to_horizon(make_cache: MakeCache, served: str) -> None:
    now = datetime(2026, 11, 3, 12, tzinfo=NEW_YORK)
    appointments = _cached(make_cache(served, now=now, horizon_days=7, retention_days=1))
    starts = [_local(a)[0] for a in appointments]
    assert starts == ["2026-11-05 14:00"]


def test_google_x_wr_timezone_places_floating_times(make_cache: MakeCache, tmp_path: Path) -> None:
    feed = tmp_path / "google.ics"
    feed.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n"
                    "X-WR-CALNAME:West coast office\r\nX-WR-TIMEZONE:America/Los_Angeles\r\n"
                    "BEGIN:VEVENT\r\nUID:g1\r\nDTSTART:20261030T100000\r\nDTEND:20261030T103000\r\n"
                    "SUMMARY:Floating Fictional\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    (only,) = _cached(make_cache(feed, provider_from="calendar"))
    assert _local(only) == ("2026-10-30 13:00", "13:30")  # 10:00 in Los Angeles, shown in New York
    assert only.provider == "West coast office"

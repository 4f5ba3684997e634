"""Bad input of every kind keeps the previous cache and gives one clear line."""

from collections.abc import Callable
from pathlib import Path

import pytest

from print_service.exit_codes import ExitCode
from print_service.schedule.cache import ScheduleCache
from tests.fixtures.calendars import CANARY, reference_csv, reference_ics
from tests.fixtures.http_server import LocalHTTPServer, Reply

MakeCache = Callable[..., ScheduleCache]
FEED = "/cal/private-abcdef/basic.ics"

LOGIN_PAGE = ("<!DOCTYPE html><html><head><title>Sign in</title></head>"
              "<body><form>Email <input name=user></form></body></html>")
MALFORMED = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART:notadate\r\nSUMMARY:x\r\n"


def _prime(cache: ScheduleCache, server: LocalHTTPServer) -> int:
    server.route(FEED, Reply(body=reference_ics(), content_type="text/calendar"))
    result = cache.refresh()
    assert result.ok, result.error
    return result.count


BAD_REPLIES: dict[str, tuple[Reply, str, int]] = {
    "malformed ics": (Reply(body=MALFORMED, content_type="text/calendar"), "not a valid iCalendar file",
                      ExitCode.FAILED),
    "html login page": (Reply(body=LOGIN_PAGE, content_type="text/html"), "got a web page (HTML, perhaps a login page)",
                        ExitCode.FAILED),
    "wrong encoding": (Reply(body=reference_ics("Zoë Ñandú").encode("latin-1"), content_type="text/calendar"),
                       "not valid utf-8 text (byte 0xEB at offset", ExitCode.FAILED),
    "http 401": (Reply(status=401, body="auth required"), "access refused (HTTP 401); check schedule.auth",
                 ExitCode.FAILED),
    "http 500": (Reply(status=500, body="oops"), "server error (HTTP 500)", ExitCode.UNAVAILABLE),
    "50 MB file": (Reply(body=b"BEGIN:VCALENDAR\r\n" + b"X" * (50 * 1024 * 1024), content_type="text/calendar"),
                   "50.0 MB is larger than the limit of 10.0 MB (schedule.max_megabytes)", ExitCode.FAILED),
    "50 MB file without a length": (
        Reply(body=b"BEGIN:VCALENDAR\r\n" + b"X" * (50 * 1024 * 1024), content_type="text/calendar", chunked=True),
        ": larger than the limit of 10.0 MB (schedule.max_megabytes)", ExitCode.FAILED),
    "time-out": (Reply(delay=30), "no answer within 1 s", ExitCode.UNAVAILABLE),
    "empty body": (Reply(body=b""), "the file is empty", ExitCode.FAILED),
}


@pytest.mark.parametrize("case", sorted(BAD_REPLIES))
def test_bad_http_answer_keeps_the_cache(case: str, make_cache: MakeCache, http_server: LocalHTTPServer) -> None:
    reply, expected, exit_code = BAD_REPLIES[case]
    cache = make_cache(http_server.url + FEED, timeout_seconds=1.0)
    count = _prime(cache, http_server)
    before = cache.cache_file.read_bytes()
    http_server.route(FEED, reply)
    result = cache.refresh()
    assert not result.ok
    assert result.error is not None
    assert expected in result.error
    assert result.error.startswith(f"schedule source http://127.0.0.1:{http_server.port}")
    assert "private-abcdef" not in result.error
    assert "\n" not in result.error
    assert result.kept_previous and result.count == count
    assert "(kept the schedule fetched 2026-10-29T17:30" in result.error
    assert result.exit_code == exit_code
    assert cache.cache_file.read_bytes() == before
    fresh = cache.freshness()
    assert fresh.count == count and fresh.error == result.error


def test_refused_connection(make_cache: MakeCache, refused_url: str) -> None:
    result = make_cache(refused_url + "/x.ics").refresh()
    assert not result.ok and result.exit_code == ExitCode.UNAVAILABLE
    assert result.error == f"schedule source {refused_url}: cannot be reached (ConnectError)"


def _prime_file(cache: ScheduleCache, path: Path, text: str) -> None:
    path.write_text(text)
    assert cache.refresh().ok


FILE_CASES: dict[str, tuple[bytes, str]] = {
    "wrong csv headers": (b"Date,Time,Who\n10/30/2026,9:00 AM,Someone Fictional\n",
                          'CSV line 1: expected a header row with the columns "Appt Date" (date) and "Start Time" '
                          '(start) named in [schedule.csv_columns]; line 1 has 3 columns and no such name'),
    "bad date in a row": (reference_csv().replace("10/30/2026", "30.13.2026", 1).encode(),
                          'CSV line 2, column "Appt Date": expected a date in the format'),
    "latin-1 csv": (reference_csv("Zoë Fictional").encode("latin-1"), "not valid utf-8 text (byte 0xEB"),
    "html": (b"<html><body>Login</body></html>", "got a web page"),
    "50 MB file": (b"a,b\n" + b"x" * (50 * 1024 * 1024), "is larger than the limit of 10.0 MB"),
}


@pytest.mark.parametrize("case", sorted(FILE_CASES))
def test_bad_file_keeps_the_cache(case: str, make_cache: MakeCache, tmp_path: Path) -> None:
    from print_service.schedule import CsvSettings
    from tests.fixtures.calendars import CSV_COLUMNS

    data, expected = FILE_CASES[case]
    path = tmp_path / "export.csv"
    cache = make_cache(path, csv=CsvSettings(columns=CSV_COLUMNS))
    _prime_file(cache, path, reference_csv())
    before = cache.load()
    path.write_bytes(data)
    result = cache.refresh()
    assert not result.ok and result.error is not None
    assert expected in result.error, result.error
    assert CANARY not in result.error and "Zo" not in result.error
    assert cache.load() == before


def test_missing_file_and_empty_folder(make_cache: MakeCache, tmp_path: Path) -> None:
    result = make_cache(tmp_path / "nowhere.ics").refresh()
    assert result.error == (f"schedule source {tmp_path}/nowhere.ics: "
                            "not found (is the share mounted or the USB stick in?)")
    (tmp_path / "empty").mkdir()
    result = make_cache(tmp_path / "empty").refresh()
    assert result.error == f"schedule source {tmp_path}/empty: the folder has no schedule file in it"
    assert not result.kept_previous


def test_format_mismatch_is_refused(make_cache: MakeCache, tmp_path: Path) -> None:
    path = tmp_path / "cal.ics"
    path.write_text(reference_ics())
    result = make_cache(path, format="pdf").refresh()
    assert result.error == f"schedule source {path}: expected PDF (schedule.format), got ICS"

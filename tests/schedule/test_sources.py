"""ICS, CSV and PDF sources served over HTTP from 127.0.0.1 and from folders, format detected."""

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from print_service.schedule import CsvSettings
from print_service.schedule.cache import ScheduleCache
from tests.fixtures.calendars import CSV_COLUMNS, reference_csv, reference_ics, snapshot_pdf
from tests.fixtures.http_server import LocalHTTPServer, Reply

MakeCache = Callable[..., ScheduleCache]

SAMPLES: dict[str, tuple[Callable[[], bytes], str, int]] = {
    "ics": (lambda: reference_ics().encode(), "text/calendar; charset=utf-8", 11),
    "csv": (lambda: reference_csv().encode(), "text/csv", 4),
    "pdf": (snapshot_pdf, "application/pdf", 0),
}


@pytest.mark.parametrize("kind", sorted(SAMPLES))
@pytest.mark.parametrize("named", [True, False], ids=["typed-and-named", "sniffed"])
def test_served_over_http(kind: str, named: bool, make_cache: MakeCache, http_server: LocalHTTPServer) -> None:
    body, content_type, count = SAMPLES[kind]
    path = f"/export/schedule.{kind}" if named else "/export/download"
    http_server.route(path, Reply(body=body(), content_type=content_type if named else "application/octet-stream"))
    cache = make_cache(http_server.url + path, csv=CsvSettings(columns=CSV_COLUMNS))
    result = cache.refresh()
    assert result.ok, result.error
    fresh = cache.freshness()
    assert (fresh.format, fresh.count) == (kind, count)


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_from_a_folder_newest_wins(kind: str, make_cache: MakeCache, tmp_path: Path) -> None:
    body, _, count = SAMPLES[kind]
    folder = tmp_path / "usb"
    folder.mkdir()
    old = folder / "old.ics"
    old.write_text(reference_ics("Older Fictional"))
    os.utime(old, (1_600_000_000, 1_600_000_000))
    (folder / f"latest.{kind}").write_bytes(body())
    cache = make_cache(folder, csv=CsvSettings(columns=CSV_COLUMNS))
    assert cache.refresh().ok
    assert (cache.freshness().format, cache.freshness().count, cache.freshness().source) == (kind, count, str(folder))

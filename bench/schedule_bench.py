"""Schedule bench: a 2,000-event calendar with recurrences, fetched over HTTP from 127.0.0.1,
parsed and expanded, encrypted, written, and one day rendered to PDF. Target: under 2 s.

Run: .venv/bin/python -m bench.schedule_bench

Prints each step's time, the total, and the parse step as a ratio of a baseline measured in
the same run (icalendar's bare parse of the same text, the floor no cache could beat).
"""

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar

from print_service.paths import AppPaths
from print_service.schedule import ScheduleSettings
from print_service.schedule.cache import ScheduleCache
from print_service.schedule.documents import day_document
from print_service.schedule.keys import load_or_create_key
from print_service.schedule.model import Appointment
from print_service.schedule.parse import parse_document
from print_service.schedule.sealed import SealInfo, seal
from print_service.schedule.snapshot import CachedSchedule
from print_service.schedule.sources import fetch_document
from print_service.storage import write_atomic
from tests.fixtures.calendars import big_ics
from tests.fixtures.http_server import LocalHTTPServer, Reply

ZONE = ZoneInfo("America/New_York")
NOW = datetime(2026, 10, 20, 17, 30, tzinfo=ZONE)
TARGET_SECONDS = 2.0
ROUNDS = 3


def _timed(step: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = step()
    return time.perf_counter() - start, result


def _busiest_day(appointments: tuple[Appointment, ...]) -> datetime:
    counts: dict[datetime, int] = {}
    for a in appointments:
        day = a.start.astimezone(ZONE).replace(hour=0, minute=0, second=0, microsecond=0)
        counts[day] = counts.get(day, 0) + 1
    return max(counts, key=lambda d: counts[d])


def one_round(server: LocalHTTPServer, folder: Path) -> dict[str, float]:
    """Each step once, as `schedule fetch` + `schedule print` would do it."""
    settings = ScheduleSettings(source=server.url + "/bench.ics", timezone=ZONE, provider_from="description:Provider")
    paths = AppPaths(folder / "state", folder / "run", folder / "keys" / "schedule.key")
    cache = ScheduleCache(settings, paths, now=lambda: NOW, env={})
    window = (NOW.replace(day=19), NOW.replace(month=11, day=20))
    times: dict[str, float] = {}
    times["fetch"], document = _timed(lambda: fetch_document(settings, {}))
    times["parse"], parsed = _timed(lambda: parse_document(document, settings, window))  # type: ignore[arg-type]
    snapshot = CachedSchedule(NOW, "http://127.0.0.1", "ics", parsed.appointments)  # type: ignore[attr-defined]
    key = load_or_create_key(paths.key_file, {})
    times["encrypt"], blob = _timed(lambda: seal(key, snapshot.to_bytes(), SealInfo(1, 0)))
    times["write"], _ = _timed(lambda: write_atomic(cache.cache_file, blob))  # type: ignore[arg-type]
    day = _busiest_day(snapshot.appointments).date()
    times["render day"], pdf = _timed(lambda: day_document(cache, day, NOW))
    times["_count"] = float(len(snapshot.appointments))
    times["_day"] = float(len(cache.day(day)))
    times["_pdf_kb"] = len(pdf) / 1024  # type: ignore[arg-type]
    return times


def main() -> int:
    """Run ROUNDS rounds, print the median of each step and the verdict."""
    text = big_ics(2000)
    server = LocalHTTPServer()
    server.route("/bench.ics", Reply(body=text, content_type="text/calendar"))
    try:
        baseline = statistics.median(_timed(lambda: icalendar.Calendar.from_ical(text))[0] for _ in range(ROUNDS))
        rounds = []
        for _ in range(ROUNDS):
            with tempfile.TemporaryDirectory() as folder:
                rounds.append(one_round(server, Path(folder)))
    finally:
        server.close()
    steps = ["fetch", "parse", "encrypt", "write", "render day"]
    medians = {step: statistics.median(r[step] for r in rounds) for step in steps}
    total = sum(medians.values())
    print(f"calendar: 2000 events ({len(text) / 1024:.0f} KB), {rounds[0]['_count']:.0f} appointments in the "
          f"window, busiest day {rounds[0]['_day']:.0f} appointments, PDF {rounds[0]['_pdf_kb']:.0f} KB")
    for step in steps:
        print(f"  {step:<11} {medians[step] * 1000:8.1f} ms")
    print(f"  {'total':<11} {total * 1000:8.1f} ms  (target < {TARGET_SECONDS * 1000:.0f} ms: "
          f"{'OK' if total < TARGET_SECONDS else 'TOO SLOW'})")
    print(f"  baseline: icalendar parse alone {baseline * 1000:.1f} ms; our parse + expansion = "
          f"{medians['parse'] / baseline:.1f}x baseline")
    return 0 if total < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())

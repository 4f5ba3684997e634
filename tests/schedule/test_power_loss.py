"""Power loss: the writer is SIGKILLed at random moments, 200 times; the cache always opens
to the old or the new schedule, never to something in between."""

import os
import random
import signal
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from print_service.schedule.cache import ScheduleCache
from tests.fixtures.calendars import NOW, THERAPIST, ics_with

MakeCache = Callable[..., ScheduleCache]
KILLS = 200


def _calendar(path: Path, patient: str, count: int) -> Path:
    start = NOW + timedelta(days=1)
    events = [(start + timedelta(hours=i), start + timedelta(hours=i, minutes=50), f"{patient} {i}", THERAPIST)
              for i in range(count)]
    path.write_text(ics_with(events))
    return path


def _writer(first: ScheduleCache, second: ScheduleCache) -> None:
    """The child: refresh from the two sources in turn, forever (each refresh rewrites the cache)."""
    try:
        while True:
            first.refresh()
            second.refresh()
    finally:
        os._exit(0)


def test_cache_survives_sigkill_at_random_moments(make_cache: MakeCache, tmp_path: Path) -> None:
    old = make_cache(_calendar(tmp_path / "old.ics", "Oldname Fictional", 3))
    new = make_cache(_calendar(tmp_path / "new.ics", "Newname Fictional", 5))
    started = time.perf_counter()
    for _ in range(3):
        assert new.refresh().ok and old.refresh().ok
    cycle = (time.perf_counter() - started) / 3  # one write of each, on this machine's disk
    window = max(0.02, 3 * cycle)
    rng = random.Random(20261129)
    seen = {3: 0, 5: 0}
    interrupted = 0
    for _ in range(KILLS):
        pid = os.fork()
        if pid == 0:
            _writer(old, new)
        time.sleep(rng.uniform(0.0, window))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        interrupted += any(old.folder.glob(".cache.bin.*.tmp"))
        loaded = old.load()  # raises if the file were torn
        assert loaded is not None
        names = {a.patient.split()[0] for a in loaded.appointments}
        assert (loaded.count, names) in ((3, {"Oldname"}), (5, {"Newname"}))
        seen[loaded.count] += 1
    assert seen[3] > 0 and seen[5] > 0, seen  # both outcomes happened: the kills landed all over the loop
    assert interrupted > 0  # and some landed in the middle of a write (its temporary file was left behind)

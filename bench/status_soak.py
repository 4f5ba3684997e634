"""Soak the status monitor: 10,000 poll cycles against a fault server, in compressed time.

Every request to the stand-in status page, EHR and upload site gets the next fault in a
rotation (timeouts and slow drips included, rarely, since those cost real time), while the
monitor's clock and sleep are fakes, so a week of polling runs in about a minute.

Prints the time one poll takes (healthy baseline and under faults), memory growth (RSS
after a warm-up versus the end; target under 5 MB) and open file descriptors (target: no
growth). Run: `.venv/bin/python -m bench.status_soak [--cycles N]`.
"""

import argparse
import asyncio
import contextlib
import gc
import io
import itertools
import os
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.status import Level, StatusSettings
from kiosk.status.fetch import new_client
from kiosk.status.monitor import StatusMonitor
from kiosk.status.probe import run_probes
from print_service.paths import AppPaths
from tests.fixtures.http_server import LocalHTTPServer, Reply, Request

TIMEOUT = 0.2
GOOD = {"page": {"name": "ICANotes", "status": "UP"}}
ISSUES = {"page": {"name": "ICANotes", "status": "HASISSUES"},
          "activeIncidents": [{"name": "Slow", "status": "IDENTIFIED", "impact": "PARTIALOUTAGE"}]}
UNKNOWN = {"page": {"name": "ICANotes", "status": "SOMETHINGNEW"}}

PAGE_FAULTS: list[Reply] = [
    Reply(json=GOOD), Reply(json=ISSUES), Reply(500), Reply(502), Reply(503, headers={"Retry-After": "30"}),
    Reply(429), Reply(200, body="<html>status</html>", content_type="text/html"),
    Reply(200, body='{"page": ', content_type="application/json"), Reply(json=GOOD, reset_after=7),
    Reply(json=GOOD, declared_length=4000), Reply(200, body=b" " * (2 * 1024 * 1024)), Reply(json=UNKNOWN),
    Reply(json={"page": {}}), Reply(json=GOOD),
]
SITE_FAULTS: list[Reply] = [Reply(302, headers={"Location": "/login"}), Reply(200), Reply(503), Reply(302),
                            Reply(200, body="x" * 50, reset_after=3), Reply(401), Reply(302)]
RARE_EVERY = 500  # a timeout and a slow drip this often (they cost real seconds)


class Rotation:
    """A route handler answering each request with the next reply; now and then a slow one."""

    def __init__(self, replies: Sequence[Reply]) -> None:
        self._replies = itertools.cycle(replies)
        self._count = itertools.count(1)
        self._lock = threading.Lock()

    def __call__(self, request: Request) -> Reply:
        with self._lock:
            n = next(self._count)
            reply = next(self._replies)
        if n % RARE_EVERY == 0:
            return Reply(delay=TIMEOUT + 0.2)  # answers after the client gave up
        if n % RARE_EVERY == RARE_EVERY // 2:
            return Reply(json=GOOD, drip_seconds=0.02)
        return reply


class CompressedTime:
    """A fake clock and sleep that stops the monitor after `cycles` polls."""

    def __init__(self, cycles: int, stop: asyncio.Event, on_cycle: Callable[[int], None]) -> None:
        self.now = datetime(2030, 3, 4, tzinfo=UTC)
        self.cycles, self.done, self.stop, self.on_cycle = cycles, 0, stop, on_cycle

    def clock(self) -> datetime:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)
        self.done += 1
        self.on_cycle(self.done)
        if self.done >= self.cycles:
            self.stop.set()
        await asyncio.sleep(0)


def rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def settings_for(page: LocalHTTPServer, ehr: LocalHTTPServer, upload: LocalHTTPServer,
                 canary: LocalHTTPServer) -> StatusSettings:
    return StatusSettings(page_url=page.url, provider="auto", ehr_url=ehr.url + "/", upload_url=upload.url + "/",
                          internet_urls=(canary.url + "/generate_204",), timeout_seconds=TIMEOUT)


async def timed_polls(monitor: StatusMonitor, count: int) -> list[float]:
    times = []
    for _ in range(count):
        started = time.perf_counter()
        await monitor.poll_once()
        times.append((time.perf_counter() - started) * 1000)
    return times


async def timed_probes(settings: StatusSettings, count: int) -> list[float]:
    times = []
    async with new_client(settings.timeout_seconds) as client:
        for _ in range(count):
            started = time.perf_counter()
            await run_probes(settings, client)
            times.append((time.perf_counter() - started) * 1000)
    return times


def describe(label: str, times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    return f"{label}: median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, max {ordered[-1]:.1f} ms"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=10_000, help="poll cycles under faults (default 10000)")
    parser.add_argument("--baseline", type=int, default=200, help="healthy polls timed first (default 200)")
    args = parser.parse_args(argv)
    servers = [LocalHTTPServer() for _ in range(4)]
    servers[3].route("/generate_204", Reply(204))
    # the stand-in servers print a traceback for every connection the client drops; those are the point here
    noise = io.StringIO()
    try:
        with tempfile.TemporaryDirectory(prefix="status-soak-") as tmp, contextlib.redirect_stderr(noise):
            paths = AppPaths(Path(tmp) / "state", Path(tmp) / "run", Path(tmp) / "key")
            return asyncio.run(soak(args.cycles, args.baseline, paths, servers))
    finally:
        for server in servers:
            server.close()


async def soak(cycles: int, baseline_polls: int, paths: AppPaths, servers: Sequence[LocalHTTPServer]) -> int:
    page, ehr, upload, canary = servers
    settings = settings_for(page, ehr, upload, canary)
    page.route("/summary.json", Reply(json=GOOD))
    page.route("/v2/components.json", Reply(json={"components": []}))
    ehr.route("/", Reply(302, headers={"Location": "/login"}))
    upload.route("/", Reply(200))
    print(describe("one poll's probes, all healthy (4 probes, auto-detect: 7 requests)",
                   await timed_probes(settings, baseline_polls)))
    async with StatusMonitor(settings, paths) as healthy:
        baseline = await timed_polls(healthy, baseline_polls)
    print(describe("one monitor poll, all healthy (probes + decision + fsynced snapshot file)", baseline))

    for path in ("/summary.json", "/v2/components.json", "/api/v2/summary.json"):
        page.route(path, Rotation(PAGE_FAULTS))
    ehr.route("/", Rotation(SITE_FAULTS))
    upload.route("/", Rotation(SITE_FAULTS[2:] + SITE_FAULTS[:2]))
    warmup = min(500, cycles // 5)
    marks: dict[str, int] = {}
    levels: Counter[Level] = Counter()

    def on_cycle(done: int) -> None:
        for server in servers:
            server.requests.clear()  # the stand-ins' own request record is not the engine's memory
        if done == warmup:
            gc.collect()
            marks.update(rss=rss_kb(), fds=open_fds())

    stop = asyncio.Event()
    fake = CompressedTime(cycles, stop, on_cycle)
    monitor = StatusMonitor(settings, paths, clock=fake.clock, sleep=fake.sleep)
    monitor.add_listener(lambda snapshot: levels.update([snapshot.level]))
    started = time.perf_counter()
    await monitor.run(stop)
    elapsed = time.perf_counter() - started
    gc.collect()
    rss_growth = (rss_kb() - marks["rss"]) / 1024
    fd_growth = open_fds() - marks["fds"]
    print(f"{fake.done} poll cycles in {elapsed:.1f} s ({elapsed / fake.done * 1000:.1f} ms per poll under faults, "
          f"{(fake.now - datetime(2030, 3, 4, tzinfo=UTC)).days} days of compressed time)")
    print(f"published levels: {dict(sorted((str(k), v) for k, v in levels.items()))}")
    print(f"memory growth after warm-up ({warmup} cycles): {rss_growth:+.2f} MB (target < 5 MB)")
    print(f"open file descriptors: {marks['fds']} after warm-up, {marks['fds'] + fd_growth} at the end "
          f"({fd_growth:+d}; target: no growth)")
    print(f"downtime log windows: {len(monitor.downtime_log.entries())}")
    ok = rss_growth < 5 and fd_growth <= 0
    print("RESULT:", "within targets" if ok else "OUTSIDE TARGETS")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

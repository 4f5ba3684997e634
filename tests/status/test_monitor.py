"""The long-running monitor in compressed time: debounce both ways, restore at start, the
downtime log, stale status-page data, backoff, listeners and atomic files. Real servers."""

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

import pytest

from kiosk.status import Level, StatusSnapshot
from kiosk.status.downtime_log import DowntimeLog
from kiosk.status.monitor import StatusMonitor
from kiosk.status.settings import StatusSettings
from kiosk.status.snapshot_store import SNAPSHOT_FILE_NAME
from print_service.paths import AppPaths
from tests.fixtures.http_server import Reply
from tests.fixtures.status_servers import FakeTime, StatusWorld, incident

T = TypeVar("T")


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths(state_dir=tmp_path / "state", runtime_dir=tmp_path / "run", key_file=tmp_path / "key")


def with_monitor(settings: StatusSettings, paths: AppPaths, fake_time: FakeTime,
                 body: Callable[[StatusMonitor], Awaitable[T]]) -> T:
    async def main() -> T:
        async with StatusMonitor(settings, paths, clock=fake_time.clock, sleep=fake_time.sleep) as monitor:
            return await body(monitor)
    return asyncio.run(main())


async def levels_of(monitor: StatusMonitor, count: int, *, step: float = 10) -> list[Level]:
    seen = []
    for _ in range(count):
        seen.append((await monitor.poll_once()).level)
    return seen


def test_one_bad_poll_does_not_change_the_level_two_do(status_world: StatusWorld, paths: AppPaths,
                                                        fake_time: FakeTime) -> None:
    async def body(monitor: StatusMonitor) -> None:
        published: list[Level] = []
        monitor.add_listener(lambda snap: published.append(snap.level))
        assert (await monitor.poll_once()).level is Level.OPERATIONAL
        status_world.ehr.route("/", Reply(503))
        assert (await monitor.poll_once()).level is Level.OPERATIONAL
        assert monitor.pending is Level.OUTAGE
        assert monitor.next_delay() == 10  # confirm_seconds, not a full interval
        assert (await monitor.poll_once()).level is Level.OUTAGE
        assert monitor.pending is None
        assert published == [Level.OPERATIONAL, Level.OUTAGE]
        # and back: one good poll is not enough, two are
        status_world.ehr.route("/", Reply(302, headers={"Location": "/login"}))
        assert (await monitor.poll_once()).level is Level.OUTAGE
        assert monitor.pending is Level.OPERATIONAL
        assert (await monitor.poll_once()).level is Level.OPERATIONAL
        assert published == [Level.OPERATIONAL, Level.OUTAGE, Level.OPERATIONAL]

    with_monitor(status_world.settings(), paths, fake_time, body)


def test_a_blip_is_forgotten(status_world: StatusWorld, paths: AppPaths, fake_time: FakeTime) -> None:
    async def body(monitor: StatusMonitor) -> list[Level]:
        await monitor.poll_once()
        status_world.ehr.route("/", Reply(503))
        first = (await monitor.poll_once()).level
        status_world.ehr.route("/", Reply(200))
        second = (await monitor.poll_once()).level
        assert monitor.pending is None
        status_world.ehr.route("/", Reply(503))
        third = (await monitor.poll_once()).level  # counting starts again
        return [first, second, third]

    assert with_monitor(status_world.settings(), paths, fake_time, body) == [Level.OPERATIONAL] * 3


def test_confirm_polls_three(status_world: StatusWorld, paths: AppPaths, fake_time: FakeTime) -> None:
    async def body(monitor: StatusMonitor) -> list[Level]:
        await monitor.poll_once()
        status_world.instatus("HASISSUES", incidents=[incident()])
        return await levels_of(monitor, 3)

    assert with_monitor(status_world.settings(confirm_polls=3), paths, fake_time, body) == [
        Level.OPERATIONAL, Level.OPERATIONAL, Level.DEGRADED]


def test_confirm_polls_one_changes_at_once(status_world: StatusWorld, paths: AppPaths,
                                           fake_time: FakeTime) -> None:
    async def body(monitor: StatusMonitor) -> list[Level]:
        await monitor.poll_once()
        status_world.instatus("UNDERMAINTENANCE")
        return await levels_of(monitor, 1)

    assert with_monitor(status_world.settings(confirm_polls=1), paths, fake_time, body) == [Level.MAINTENANCE]


def test_restore_at_start_is_stale_and_the_first_poll_sets_the_level(status_world: StatusWorld, paths: AppPaths,
                                                                     fake_time: FakeTime) -> None:
    status_world.ehr.route("/", Reply(503))

    async def first_run(monitor: StatusMonitor) -> None:
        assert monitor.current.level is Level.UNKNOWN and monitor.current.stale
        assert (await monitor.poll_once()).level is Level.OUTAGE

    with_monitor(status_world.settings(), paths, fake_time, first_run)
    status_world.reset()
    fake_time.advance(3600)

    async def second_run(monitor: StatusMonitor) -> None:
        restored = monitor.current
        assert restored.level is Level.OUTAGE and restored.stale
        assert restored.checked_at == FakeTime().now
        snap = await monitor.poll_once()  # first poll after start: no confirmation needed
        assert snap.level is Level.OPERATIONAL and not snap.stale

    with_monitor(status_world.settings(), paths, fake_time, second_run)
    windows = DowntimeLog(paths.state_dir).entries()
    assert [(w.level, w.end is None) for w in windows] == [(Level.OUTAGE, False), (Level.OPERATIONAL, True)]
    assert windows[0].start == FakeTime().now and windows[0].end == fake_time.now


def test_downtime_log_records_start_and_end_of_every_change(status_world: StatusWorld, paths: AppPaths,
                                                             fake_time: FakeTime) -> None:
    async def body(monitor: StatusMonitor) -> None:
        await monitor.poll_once()
        status_world.ehr.route("/", Reply(503))
        status_world.upload.route("/", Reply(503))
        for _ in range(2):
            fake_time.advance(10)
            await monitor.poll_once()
        status_world.reset()
        for _ in range(2):
            fake_time.advance(60)
            await monitor.poll_once()

    with_monitor(status_world.settings(), paths, fake_time, body)
    start = FakeTime().now
    data = json.loads((paths.state_dir / "downtime-log.json").read_text())
    assert data == {"schema": 1, "entries": [
        {"level": "operational", "start": start.isoformat(), "end": "2030-03-04T09:00:20+00:00"},
        {"level": "regional_outage", "start": "2030-03-04T09:00:20+00:00", "end": "2030-03-04T09:02:20+00:00"},
        {"level": "operational", "start": "2030-03-04T09:02:20+00:00", "end": None},
    ]}
    assert [w.level for w in DowntimeLog(paths.state_dir).recent(2)] == [Level.OPERATIONAL, Level.REGIONAL_OUTAGE]


def test_last_good_page_data_is_kept_then_marked_stale(status_world: StatusWorld, paths: AppPaths,
                                                       fake_time: FakeTime) -> None:
    status_world.instatus("HASISSUES", incidents=[incident("Slow charts")])

    async def body(monitor: StatusMonitor) -> list[tuple[Level, bool, int]]:
        seen = [await monitor.poll_once()]
        status_world.page.route("/summary.json", Reply(200, body="<html>", content_type="text/html"))
        for _ in range(4):
            fake_time.advance(60)
            seen.append(await monitor.poll_once())
        return [(s.level, s.stale, len(s.incidents)) for s in seen]

    assert with_monitor(status_world.settings(), paths, fake_time, body) == [
        (Level.DEGRADED, False, 1),
        (Level.DEGRADED, False, 1),  # missed 1: the last good page still decides
        (Level.DEGRADED, False, 1),  # missed 2
        (Level.DEGRADED, False, 1),  # missed 3: too old to decide with; operational waits for confirmation
        (Level.OPERATIONAL, True, 1),  # shown, marked stale
    ]


def test_backs_off_when_the_status_page_answers_429(status_world: StatusWorld, paths: AppPaths,
                                                     fake_time: FakeTime) -> None:
    status_world.page.route("/summary.json", Reply(429, headers={"Retry-After": "300"}))
    summary_requests = lambda: sum(r.path == "/summary.json" for r in status_world.page.requests)  # noqa: E731

    async def body(monitor: StatusMonitor) -> None:
        await monitor.poll_once()
        assert summary_requests() == 1
        fake_time.advance(60)
        snap = await monitor.poll_once()
        assert summary_requests() == 1  # left alone, the other probes still ran
        assert "backing off" in (snap.probes.status_page.error or "")
        assert snap.probes.ehr.ok
        fake_time.advance(241)  # Retry-After 300 s is past
        status_world.instatus("UP")
        await monitor.poll_once()
        assert summary_requests() == 2
        fake_time.advance(60)
        await monitor.poll_once()
        assert summary_requests() == 3  # back to normal after a good answer

    with_monitor(status_world.settings(provider="instatus"), paths, fake_time, body)


def test_backoff_doubles_on_repeated_5xx(status_world: StatusWorld, paths: AppPaths, fake_time: FakeTime) -> None:
    status_world.page.route("/summary.json", Reply(503))
    asked: list[int] = []

    async def body(monitor: StatusMonitor) -> None:
        for minute in range(16):
            before = sum(r.path == "/summary.json" for r in status_world.page.requests)
            await monitor.poll_once()
            if sum(r.path == "/summary.json" for r in status_world.page.requests) > before:
                asked.append(minute)
            fake_time.advance(60)

    with_monitor(status_world.settings(provider="instatus"), paths, fake_time, body)
    assert asked == [0, 2, 6, 14]  # waits of 2, 4, 8 intervals


def test_run_polls_with_jitter_until_stopped(status_world: StatusWorld, paths: AppPaths,
                                              fake_time: FakeTime, caplog: pytest.LogCaptureFixture) -> None:
    seen: list[StatusSnapshot] = []

    async def main() -> None:
        stop = asyncio.Event()
        monitor = StatusMonitor(status_world.settings(), paths, clock=fake_time.clock, sleep=fake_time.sleep)

        def broken(snapshot: StatusSnapshot) -> None:
            raise RuntimeError("listener bug")

        def count(snapshot: StatusSnapshot) -> None:
            seen.append(snapshot)
            if len(seen) == 20:
                stop.set()

        monitor.add_listener(broken)
        monitor.add_listener(count)
        unsubscribed: list[StatusSnapshot] = []
        monitor.add_listener(unsubscribed.append)()
        await asyncio.wait_for(monitor.run(stop), timeout=30)
        assert unsubscribed == []

    with caplog.at_level(logging.ERROR, logger="kiosk.status"):
        asyncio.run(main())
    assert len(seen) == 20
    assert len(fake_time.sleeps) == 19
    assert all(54 <= s <= 66 for s in fake_time.sleeps)
    assert len(set(fake_time.sleeps)) > 1
    assert sum("listener" in r.getMessage() for r in caplog.records) == 20


def test_stop_interrupts_a_long_sleep(status_world: StatusWorld, paths: AppPaths) -> None:
    async def main() -> None:
        stop = asyncio.Event()
        monitor = StatusMonitor(status_world.settings(poll_seconds=3600), paths)
        monitor.add_listener(lambda _snap: asyncio.get_running_loop().call_later(0.05, stop.set))
        await asyncio.wait_for(monitor.run(stop), timeout=10)

    asyncio.run(main())


def test_files_are_written_whole_and_nothing_else_is_left(status_world: StatusWorld, paths: AppPaths,
                                                         fake_time: FakeTime) -> None:
    async def body(monitor: StatusMonitor) -> None:
        for _ in range(3):
            snap = await monitor.poll_once()
            stored = json.loads((paths.state_dir / SNAPSHOT_FILE_NAME).read_text())
            assert stored == snap.to_json()

    with_monitor(status_world.settings(), paths, fake_time, body)
    assert sorted(p.name for p in paths.state_dir.iterdir()) == ["downtime-log.json", SNAPSHOT_FILE_NAME]


def test_damaged_files_are_set_aside(status_world: StatusWorld, paths: AppPaths, fake_time: FakeTime,
                                     caplog: pytest.LogCaptureFixture) -> None:
    paths.state_dir.mkdir(parents=True)
    (paths.state_dir / "downtime-log.json").write_text("{not json")
    (paths.state_dir / SNAPSHOT_FILE_NAME).write_text('{"level": "purple"}')

    async def body(monitor: StatusMonitor) -> Level:
        assert monitor.current.level is Level.UNKNOWN
        return (await monitor.poll_once()).level

    with caplog.at_level(logging.WARNING):
        assert with_monitor(status_world.settings(), paths, fake_time, body) is Level.OPERATIONAL
    assert (paths.state_dir / "downtime-log.json.damaged").read_text() == "{not json"
    assert [w.level for w in DowntimeLog(paths.state_dir).entries()] == [Level.OPERATIONAL]
    assert any("cannot be read" in r.getMessage() for r in caplog.records)


def test_offline_then_back(status_world: StatusWorld, paths: AppPaths, fake_time: FakeTime,
                           refused_url: str) -> None:
    dead = status_world.settings(page_url=refused_url, ehr_url=refused_url + "/", upload_url=refused_url + "/",
                                 internet_urls=(refused_url + "/",))

    async def main() -> list[Level]:
        monitor = StatusMonitor(dead, paths, clock=fake_time.clock, sleep=fake_time.sleep)
        levels = await levels_of(monitor, 2)
        monitor.settings = status_world.settings()
        levels += await levels_of(monitor, 2)
        await monitor.aclose()
        return levels

    assert asyncio.run(main()) == [Level.OFFLINE, Level.OFFLINE, Level.OFFLINE, Level.OPERATIONAL]

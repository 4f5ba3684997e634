"""The schedule part when a refresh takes longer than the daemon's start-up wait (a first boot, a slow calendar):
the daemon cancels each part's first update after 1.5 s, and the next update must wait for the same refresh, not
read the empty cache half-way and tell staff to call IT while the fetch is still running."""

import asyncio
import contextlib
import threading
from datetime import UTC, datetime, timedelta

from kiosk.config import load_config
from kiosk.watch.schedule_part import SchedulePart
from kiosk.watch.state import WatchState
from print_service.paths import AppPaths
from print_service.schedule import ScheduleSettings
from print_service.schedule.cache import ScheduleCache
from tests.fixtures.calendars import CANARY, THERAPIST, ics_with
from tests.fixtures.http_server import LocalHTTPServer, Reply, Request
from tests.watch.test_schedule_refresh import Write


def _slow_calendar(server: LocalHTTPServer, answer: threading.Event) -> None:
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=1)
    body = ics_with([(start, start + timedelta(minutes=50), CANARY, THERAPIST)])

    def reply(_: Request) -> Reply:
        answer.wait(30)
        return Reply(body=body, content_type="text/calendar")

    server.route("/clinic.ics", reply)


async def _first_boot(part: SchedulePart, state: WatchState, server: LocalHTTPServer,
                      answer: threading.Event) -> None:
    now = datetime.now(UTC)
    first = asyncio.ensure_future(part.update(state, now))
    while not server.requests:  # the refresh has reached the calendar
        await asyncio.sleep(0.01)
    first.cancel()  # what the daemon's start-up does to a part still busy after 1.5 s
    with contextlib.suppress(asyncio.CancelledError):
        await first
    second = asyncio.ensure_future(part.update(state, now + timedelta(seconds=60)))
    done, _ = await asyncio.wait({second}, timeout=1.0)
    assert not done, f"the update read the cache while the refresh was still running: {state.schedule}"
    answer.set()
    await second


def test_an_update_cancelled_mid_refresh_leaves_the_refresh_to_the_next_one(write_config: Write,
                                                                            http_server: LocalHTTPServer) -> None:
    answer = threading.Event()
    _slow_calendar(http_server, answer)
    config = load_config(write_config(f'[schedule]\nsource = "{http_server.url}/clinic.ics"\n'))
    part = SchedulePart(ScheduleCache(config.get(ScheduleSettings), config.get(AppPaths)))
    state = WatchState(config_source=config.source)
    try:
        asyncio.run(_first_boot(part, state, http_server, answer))
    finally:
        answer.set()
    assert (state.schedule.count, state.schedule.stale, state.schedule.error) == (1, False, None)
    assert not [alert for alert in state.alerts() if alert.kind == "schedule"]
    assert len(http_server.requests) == 1  # one refresh, not a second one started beside it

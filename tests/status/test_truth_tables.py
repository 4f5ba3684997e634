"""Truth tables on plain values: `decide()` for every rule and their order, and the monitor's pure `advance`
for confirmation, stale status-page data and backoff. No servers, no clock: the end-to-end tests do those."""

import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from kiosk.status.decide import decide
from kiosk.status.level import Level
from kiosk.status.observe import PollOutcome
from kiosk.status.report import Component, Maintenance, PageReport
from kiosk.status.settings import StatusSettings
from kiosk.status.snapshot import ProbeResult, Probes
from kiosk.status.step import MonitorMemory, advance, backoff_reason

NOW = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)
SETTINGS = StatusSettings(poll_seconds=60, confirm_polls=2)

PROBE = {
    "up": ProbeResult(True, 200, None, 10),
    "login": ProbeResult(True, 302, None, 10),  # a redirect to the login page is up
    "5xx": ProbeResult(False, 503, "HTTP 503", 10),
    "silent": ProbeResult(False, None, "connection refused", 10),
    "off": ProbeResult(error="not checked (switched off in the configuration)"),
}


def probes(page: str, ehr: str, upload: str, internet: str) -> Probes:
    return Probes(PROBE[page], PROBE[ehr], PROBE[upload], PROBE[internet])


def page(status: str = "UP", component: str = "OPERATIONAL") -> PageReport:
    return PageReport("instatus", "ICANotes", status, components=(Component("c1", "EHR", component),))


# (status page probe, ehr, upload, internet), page read, ehr_on, upload_on -> level
DECIDE = [
    (("silent", "silent", "silent", "silent"), None, True, True, Level.OFFLINE),
    (("silent", "silent", "off", "silent"), None, True, False, Level.OFFLINE),
    (("up", "5xx", "5xx", "up"), page(), True, True, Level.REGIONAL_OUTAGE),
    (("up", "silent", "silent", "up"), page("UNDERMAINTENANCE"), True, True, Level.REGIONAL_OUTAGE),
    (("up", "5xx", "off", "up"), page("UNDERMAINTENANCE"), True, False, Level.MAINTENANCE),
    (("up", "up", "up", "up"), page("UP", "UNDERMAINTENANCE"), True, True, Level.MAINTENANCE),
    (("up", "5xx", "up", "up"), page(), True, True, Level.OUTAGE),
    (("up", "5xx", "off", "up"), page(), True, False, Level.OUTAGE),
    (("up", "up", "up", "up"), page("HASISSUES", "MAJOROUTAGE"), True, True, Level.OUTAGE),
    (("up", "up", "up", "up"), page("HASISSUES", "PARTIALOUTAGE"), True, True, Level.DEGRADED),
    (("up", "up", "up", "up"), page("HASISSUES", "SIDEWAYS"), True, True, Level.DEGRADED),
    (("up", "login", "up", "up"), page(), True, True, Level.OPERATIONAL),
    (("5xx", "login", "5xx", "up"), None, True, True, Level.OPERATIONAL),
    (("silent", "off", "off", "up"), None, False, False, Level.OPERATIONAL),
    (("up", "off", "off", "up"), page("HASISSUES", "PARTIALOUTAGE"), False, False, Level.DEGRADED),
]


@pytest.mark.parametrize("seen, report, ehr_on, upload_on, level", DECIDE)
def test_decide(seen: tuple[str, str, str, str], report: PageReport | None, ehr_on: bool, upload_on: bool,
                level: Level) -> None:
    assert decide(probes(*seen), report, ehr_on=ehr_on, upload_on=upload_on).level is level


@pytest.fixture
def local_time_is_utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The headline is in the box's local time: make that UTC for the test, whatever this machine's zone."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("start, now, words", [
    (datetime(2026, 12, 2, 4, 0, tzinfo=UTC), NOW, "planned for Wed 02 Dec 04:00"),
    (datetime(2027, 1, 6, 4, 0, tzinfo=UTC), NOW, "planned for Wed 06 Jan 2027 04:00"),
    (datetime(2027, 1, 6, 4, 0, tzinfo=UTC), None, "planned for Wed 06 Jan 2027 04:00"),
])
@pytest.mark.usefixtures("local_time_is_utc")
def test_a_planned_maintenance_has_its_year_unless_it_is_this_year(start: datetime, now: datetime | None,
                                                                   words: str) -> None:
    planned = Maintenance("Database upgrade", "NOTSTARTEDYET", start, start + timedelta(hours=2), None)
    report = replace(page(), maintenances=(planned,))
    verdict = decide(probes("up", "up", "up", "up"), report, ehr_on=True, upload_on=True, now=now)
    assert verdict.level is Level.OPERATIONAL and words in verdict.headline, verdict.headline


def test_the_decide_table_reaches_every_level() -> None:
    assert {row[-1] for row in DECIDE} == set(Level) - {Level.UNKNOWN}


UP = PollOutcome(probes("up", "login", "up", "up"), page())            # operational
DOWN = PollOutcome(probes("up", "5xx", "up", "up"), page())            # outage
NO_PAGE = PollOutcome(probes("5xx", "login", "up", "up"), None)       # page unread, EHR up
THROTTLED = replace(NO_PAGE, page_throttled=True)
BROKEN_PAGE = PollOutcome(probes("up", "up", "up", "up"), page("HASISSUES", "MAJOROUTAGE"))


# memory before, poll, confirm_polls -> (published level or None, pending, pending_count) after
CONFIRM = [
    (MonitorMemory(), DOWN, 2, Level.OUTAGE, None, 0),                                   # first poll: at once
    (MonitorMemory(published=Level.OPERATIONAL), UP, 2, Level.OPERATIONAL, None, 0),     # holds
    (MonitorMemory(published=Level.OPERATIONAL), DOWN, 2, None, Level.OUTAGE, 1),        # waits
    (MonitorMemory(published=Level.OPERATIONAL, pending=Level.OUTAGE, pending_count=1), DOWN, 2,
     Level.OUTAGE, None, 0),                                                             # confirmed
    (MonitorMemory(published=Level.OPERATIONAL, pending=Level.OUTAGE, pending_count=1), UP, 2,
     Level.OPERATIONAL, None, 0),                                                        # blip over
    (MonitorMemory(published=Level.OPERATIONAL, pending=Level.OUTAGE, pending_count=1), BROKEN_PAGE, 3,
     None, Level.OUTAGE, 2),                                                             # same level, other why
    (MonitorMemory(published=Level.OPERATIONAL), DOWN, 1, Level.OUTAGE, None, 0),        # no confirmation asked
]


@pytest.mark.parametrize("row", CONFIRM)
def test_advance_confirms_a_change(row: tuple[MonitorMemory, PollOutcome, int, Level | None, Level | None, int],
                                   ) -> None:
    memory, poll, confirm, published, pending, count = row
    step = advance(memory, poll, NOW, replace(SETTINGS, confirm_polls=confirm))
    assert (step.publish.level if step.publish else None) is published
    assert (step.memory.pending, step.memory.pending_count) == (pending, count)
    if published is not None:
        assert step.memory.published is published


# missed polls before -> whether the last page still decides, and whether the snapshot is stale
STALE = [(0, True, False), (1, True, False), (2, False, True)]


@pytest.mark.parametrize("missed, decides, stale", STALE)
def test_advance_uses_the_last_page_for_two_missed_polls(missed: int, decides: bool, stale: bool) -> None:
    memory = MonitorMemory(published=Level.OUTAGE, last_page=page("HASISSUES", "MAJOROUTAGE"), missed=missed)
    step = advance(memory, NO_PAGE, NOW, replace(SETTINGS, confirm_polls=1))
    assert step.memory.missed == missed + 1
    assert step.observed.level is (Level.OUTAGE if decides else Level.OPERATIONAL)
    assert step.observed.stale is stale
    assert step.observed.page.name == "ICANotes"  # still shown, even once it no longer decides


# failures before, Retry-After -> seconds left alone
BACKOFF = [(0, None, 120.0), (1, None, 240.0), (3, None, 900.0), (12, None, 900.0), (0, 30.0, 120.0),
           (0, 1800.0, 1800.0), (0, 86400.0, 3600.0)]


@pytest.mark.parametrize("failures, retry_after, seconds", BACKOFF)
def test_advance_backs_off_a_throttling_status_page(failures: int, retry_after: float | None,
                                                    seconds: float) -> None:
    memory = MonitorMemory(published=Level.OPERATIONAL, backoff_failures=failures)
    step = advance(memory, replace(THROTTLED, retry_after=retry_after), NOW, SETTINGS)
    assert step.backoff_seconds == seconds
    assert step.memory.page_not_before == NOW + timedelta(seconds=seconds)
    assert backoff_reason(step.memory, NOW + timedelta(seconds=seconds - 1)) is not None
    assert backoff_reason(step.memory, NOW + timedelta(seconds=seconds)) is None


def test_a_read_page_ends_the_backoff_and_a_plain_miss_keeps_it() -> None:
    memory = MonitorMemory(published=Level.OPERATIONAL, backoff_failures=4, page_not_before=NOW)
    assert advance(memory, UP, NOW, SETTINGS).memory.backoff_failures == 0
    kept = advance(memory, NO_PAGE, NOW, SETTINGS)
    assert (kept.memory.backoff_failures, kept.backoff_seconds) == (4, None)

"""Status words for people (the one humaniser), and only current, relevant maintenances, against real
status pages served on 127.0.0.1."""

import asyncio
import logging
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from kiosk.status import Level, StatusSnapshot
from kiosk.status.probe import probe_once
from kiosk.status.settings import StatusSettings
from kiosk.status.summary import render_summary
from kiosk.status.words import clause, day_words, moment_words, sentence, state_words
from tests.fixtures.status_servers import StatusWorld, component, incident, maintenance, sp_component, sp_maintenance


def poll(settings: StatusSettings) -> StatusSnapshot:
    """One poll, with room for a loaded machine (the servers are local; only their answer time varies)."""
    return asyncio.run(probe_once(replace(settings, timeout_seconds=5.0)))


@pytest.mark.parametrize(("vendor", "words"), [
    ("DEGRADEDPERFORMANCE", "degraded performance"), ("degraded_performance", "degraded performance"),
    ("PARTIALOUTAGE", "partial outage"), ("partial_outage", "partial outage"), ("MINOROUTAGE", "minor outage"),
    ("UNDERMAINTENANCE", "under maintenance"), ("under_maintenance", "under maintenance"),
    ("NOTSTARTEDYET", "not started yet"), ("in_progress", "in progress"), ("INVESTIGATING", "investigating"),
    ("  MajorOutage ", "major outage"), ("brandNewState", "brand new state"), ("Weird_VALUE-x", "weird value x"),
    ("", ""), (None, ""),
])
def test_state_words(vendor: str | None, words: str) -> None:
    assert state_words(vendor) == words


def test_clause_and_sentence_never_double_the_full_stop() -> None:
    assert clause("Outage in the US-East region.") == "Outage in the US-East region"
    assert clause("  Slow notes ;") == "Slow notes"
    assert clause("Checking…") == "Checking…"
    assert sentence("Outage in the US-East region.") == "Outage in the US-East region."
    assert sentence("Outage in the US-East region..") == "Outage in the US-East region."
    assert sentence("Is it down?") == "Is it down?"
    assert sentence("no stop") == "no stop."


def test_dates_carry_the_year_only_when_it_is_not_this_year() -> None:
    today = date(2026, 11, 25)
    assert day_words(today, today) == "today"
    assert day_words(date(2026, 11, 26), today) == "tomorrow"
    assert day_words(date(2026, 11, 24), today) == "yesterday"
    assert day_words(date(2026, 12, 3), today) == "Thu 3 Dec"
    assert day_words(date(2020, 6, 17), today) == "Wed 17 Jun 2020"
    assert day_words(date(2027, 1, 6), today) == "Wed 6 Jan 2027"
    moment = datetime(2020, 6, 17, 4, 0, tzinfo=UTC)
    assert moment_words(moment, datetime(2026, 11, 25, 12, tzinfo=UTC)).endswith(" 2020")


def test_an_incident_name_with_a_full_stop_gets_only_one(status_world: StatusWorld) -> None:
    status_world.instatus("HASISSUES", incidents=[incident("Outage in the US-East region.", "MAJOROUTAGE")])
    snap = poll(status_world.settings())
    assert snap.level is Level.OUTAGE
    assert snap.headline.endswith("region.") and ".." not in snap.headline


def test_instatus_component_states_read_as_words(status_world: StatusWorld) -> None:
    status_world.instatus("HASISSUES", components=[component("API", "DEGRADEDPERFORMANCE"), component("EHR")])
    snap = poll(status_world.settings())
    assert snap.level is Level.DEGRADED
    assert "API: degraded performance" in snap.headline
    assert "  - API: degraded performance" in render_summary(snap).splitlines()
    assert "degradedperformance" not in render_summary(snap)


def test_a_past_scheduled_maintenance_is_dropped_and_logged_once(status_world: StatusWorld,
                                                                 caplog: pytest.LogCaptureFixture) -> None:
    stale = maintenance("Database upgrade (2020)", "NOTSTARTEDYET", start="2020-06-17T04:00:00Z", duration="60")
    later = maintenance("Network work", "NOTSTARTEDYET", start="2030-03-04T03:00:00Z", duration="30")
    later["id"] = "ckmnt0003"
    status_world.instatus("UP", maintenances=[stale, later])
    with caplog.at_level(logging.WARNING, logger="kiosk.status.probe"):
        first, second = poll(status_world.settings()), poll(status_world.settings())
    for snap in (first, second):
        assert snap.level is Level.OPERATIONAL
        assert [m.name for m in snap.maintenances] == ["Network work"]
        assert "2020" not in snap.headline and "Network work" in snap.headline
    warnings = [r.getMessage() for r in caplog.records if "stale vendor data" in r.getMessage()]
    assert len(warnings) == 1 and "Database upgrade (2020)" in warnings[0]


def test_only_scheduled_maintenances_can_be_stale(status_world: StatusWorld) -> None:
    running = maintenance("Running late", "INPROGRESS", start="2020-06-17T04:00:00Z", duration="60")
    status_world.instatus("UP", maintenances=[running])
    assert [m.name for m in poll(status_world.settings()).maintenances] == ["Running late"]  # the vendor says so


def sp_maintenance_on(name: str, status: str, components: list[str], row_id: str) -> dict[str, object]:
    row = sp_maintenance(name, status)
    row["id"], row["components"] = row_id, [{"id": c, "name": c} for c in components]
    return row


def test_with_watch_components_only_watched_maintenances_are_listed(status_world: StatusWorld) -> None:
    rows = [sp_component("EHR", cid="c-ehr"), sp_component("Portal", cid="c-portal")]
    status_world.statuspage("none", components=rows, maintenances=[
        sp_maintenance_on("Portal upgrade", "scheduled", ["c-portal"], "m1"),
        sp_maintenance_on("Portal works now", "in_progress", ["c-portal"], "m2"),
        sp_maintenance_on("EHR upgrade", "scheduled", ["c-ehr"], "m3"),
        sp_maintenance_on("Everything", "scheduled", [], "m4"),
    ])
    watched = poll(status_world.settings(watch_components=("EHR",)))
    assert watched.level is Level.OPERATIONAL
    assert [m.name for m in watched.maintenances] == ["EHR upgrade", "Everything"]
    everything = poll(status_world.settings())
    assert everything.level is Level.MAINTENANCE
    assert everything.maintenances[0].name == "Portal works now"  # in progress first

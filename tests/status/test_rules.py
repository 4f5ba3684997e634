"""Each rule of the level decision, for each provider, against real servers on 127.0.0.1."""

import asyncio

import pytest

from kiosk.status import Level, StatusSnapshot
from kiosk.status.probe import probe_once
from kiosk.status.settings import StatusSettings
from tests.fixtures.http_server import Reply
from tests.fixtures.status_servers import (
    StatusWorld,
    component,
    incident,
    maintenance,
    sp_component,
    sp_incident,
    sp_maintenance,
)


def poll(settings: StatusSettings) -> StatusSnapshot:
    return asyncio.run(probe_once(settings))


def test_healthy_instatus_page_is_operational(status_world: StatusWorld) -> None:
    snap = poll(status_world.settings())
    assert snap.level is Level.OPERATIONAL
    assert snap.headline == "ICANotes is working normally."
    assert snap.page.status == "UP"
    assert [c.name for c in snap.components] == ["EHR", "Upload site"]
    assert snap.probes.status_page.ok and snap.probes.status_page.http_status == 200
    assert snap.probes.ehr.ok and snap.probes.ehr.http_status == 302  # a login redirect is up, not followed
    assert snap.probes.internet.ok and snap.probes.internet.http_status == 204
    assert status_world.ehr.requests[-1].path == "/"  # the redirect to /login was not followed


def test_healthy_statuspage_page_is_operational(status_world: StatusWorld) -> None:
    status_world.statuspage("none")
    snap = poll(status_world.settings())
    assert snap.level is Level.OPERATIONAL
    assert snap.page.status == "none"
    assert [c.status for c in snap.components] == ["operational", "operational"]


# -- rule 1: offline ---------------------------------------------------------------------------

def test_nothing_answers_is_offline(status_world: StatusWorld, refused_url: str) -> None:
    settings = status_world.settings(page_url=refused_url, ehr_url=refused_url + "/", upload_url=refused_url + "/",
                                     internet_urls=(refused_url + "/a", refused_url + "/b"))
    snap = poll(settings)
    assert snap.level is Level.OFFLINE
    assert "router" in " ".join(snap.guidance) and "hotspot" in " ".join(snap.guidance)
    for probe in snap.probes.all():
        assert probe.http_status is None and probe.error and "connection refused" in probe.error


def test_only_the_canary_answering_500_still_proves_internet(status_world: StatusWorld, refused_url: str) -> None:
    status_world.canary.route("/generate_204", Reply(500))
    settings = status_world.settings(page_url=refused_url, ehr_url=refused_url + "/", upload_url=refused_url + "/")
    assert poll(settings).level is Level.REGIONAL_OUTAGE


# -- rule 2: regional outage ---------------------------------------------------------------------

def test_ehr_and_upload_down_while_page_answers_is_regional(status_world: StatusWorld) -> None:
    status_world.ehr.route("/", Reply(503))
    status_world.upload.route("/", Reply(502))
    snap = poll(status_world.settings())
    assert snap.level is Level.REGIONAL_OUTAGE
    assert snap.probes.ehr.error == f"{status_world.ehr.url}/: HTTP 503"


def test_regional_outage_wins_over_announced_maintenance(status_world: StatusWorld, refused_url: str) -> None:
    status_world.instatus("UNDERMAINTENANCE", maintenances=[maintenance()])
    settings = status_world.settings(ehr_url=refused_url + "/", upload_url=refused_url + "/")
    assert poll(settings).level is Level.REGIONAL_OUTAGE


def test_upload_probe_switched_off_means_no_regional_outage(status_world: StatusWorld) -> None:
    status_world.ehr.route("/", Reply(503))
    snap = poll(status_world.settings(upload_url=""))
    assert snap.level is Level.OUTAGE
    assert snap.probes.upload.ok is None and "switched off" in (snap.probes.upload.error or "")


# -- rule 3: maintenance ---------------------------------------------------------------------------

@pytest.mark.parametrize("setup", ["page", "maintenance", "component"])
def test_instatus_maintenance(status_world: StatusWorld, setup: str) -> None:
    if setup == "page":
        status_world.instatus("UNDERMAINTENANCE")
    elif setup == "maintenance":
        status_world.instatus("UP", maintenances=[maintenance(status="INPROGRESS")])
    else:
        status_world.instatus("UP", components=[component("EHR", "UNDERMAINTENANCE")])
    snap = poll(status_world.settings())
    assert snap.level is Level.MAINTENANCE
    assert "read-only" in snap.headline
    assert any("upload" in line for line in snap.guidance)


@pytest.mark.parametrize("setup", ["in_progress", "verifying", "indicator", "component"])
def test_statuspage_maintenance(status_world: StatusWorld, setup: str) -> None:
    if setup in ("in_progress", "verifying"):
        status_world.statuspage("none", maintenances=[sp_maintenance(status=setup)])
    elif setup == "indicator":
        status_world.statuspage("maintenance")
    else:
        status_world.statuspage("none", components=[sp_component("EHR", "under_maintenance")])
    assert poll(status_world.settings()).level is Level.MAINTENANCE


def test_maintenance_wins_over_a_major_incident(status_world: StatusWorld) -> None:
    status_world.instatus("UNDERMAINTENANCE", incidents=[incident(impact="MAJOROUTAGE")])
    assert poll(status_world.settings()).level is Level.MAINTENANCE


def test_upcoming_maintenance_never_raises_the_level(status_world: StatusWorld) -> None:
    status_world.instatus("UP", maintenances=[maintenance("Tonight's upgrade", "NOTSTARTEDYET", duration="60")])
    snap = poll(status_world.settings())
    assert snap.level is Level.OPERATIONAL
    assert "Maintenance planned" in snap.headline and "Tonight's upgrade" in snap.headline
    (upcoming,) = snap.maintenances
    assert upcoming.status == "NOTSTARTEDYET"
    assert upcoming.start is not None and upcoming.end is not None
    assert (upcoming.end - upcoming.start).total_seconds() == 3600


def test_statuspage_scheduled_maintenance_is_upcoming(status_world: StatusWorld) -> None:
    status_world.statuspage("none", maintenances=[sp_maintenance(status="scheduled")])
    snap = poll(status_world.settings())
    assert snap.level is Level.OPERATIONAL
    assert snap.to_json()["maintenances"][0]["end"] == "2030-03-09T01:30:00-05:00"


# -- rule 4: outage --------------------------------------------------------------------------------

def test_ehr_down_while_upload_up_is_outage(status_world: StatusWorld) -> None:
    status_world.ehr.route("/", Reply(500))
    snap = poll(status_world.settings())
    assert snap.level is Level.OUTAGE
    assert "EHR is not answering" in snap.headline
    text = " ".join(snap.guidance)
    assert "DrFirst" in text and "443-569-8778" in text and "prescription pad" in text


@pytest.mark.parametrize("setup", ["component", "incident"])
def test_instatus_major_outage(status_world: StatusWorld, setup: str) -> None:
    if setup == "component":
        status_world.instatus("HASISSUES", components=[component("EHR", "MAJOROUTAGE")])
    else:
        status_world.instatus("HASISSUES", incidents=[incident("Site down", impact="MAJOROUTAGE")])
    snap = poll(status_world.settings())
    assert snap.level is Level.OUTAGE
    assert snap.probes.ehr.ok  # the page alone decides


@pytest.mark.parametrize(("indicator", "component_status", "impact"), [
    ("major", "operational", None), ("critical", "operational", None), ("none", "major_outage", None),
    ("none", "operational", "major"), ("none", "operational", "critical"),
])
def test_statuspage_major_outage(status_world: StatusWorld, indicator: str, component_status: str,
                                 impact: str | None) -> None:
    status_world.statuspage(indicator, components=[sp_component("EHR", component_status)],
                            incidents=[sp_incident(impact=impact)] if impact else [])
    assert poll(status_world.settings()).level is Level.OUTAGE


# -- rule 5: degraded ------------------------------------------------------------------------------

@pytest.mark.parametrize("setup", ["hasissues", "component", "incident", "monitoring", "minor_component"])
def test_instatus_degraded(status_world: StatusWorld, setup: str) -> None:
    if setup == "hasissues":
        status_world.instatus("HASISSUES")
    elif setup == "component":
        status_world.instatus("UP", components=[component("EHR", "DEGRADEDPERFORMANCE")])
    elif setup == "minor_component":
        status_world.instatus("UP", components=[component("EHR", "PARTIALOUTAGE")])
    elif setup == "incident":
        status_world.instatus("HASISSUES", incidents=[incident("Slow charts", "PARTIALOUTAGE")])
    else:  # a major incident in MONITORING makes the level degraded at most
        status_world.instatus("HASISSUES", incidents=[incident("Recovering", "MAJOROUTAGE", "MONITORING")])
    assert poll(status_world.settings()).level is Level.DEGRADED


@pytest.mark.parametrize("setup", ["indicator", "unknown_indicator", "unknown_component", "component",
                                   "open_incident_with_indicator_none"])
def test_statuspage_degraded(status_world: StatusWorld, setup: str) -> None:
    if setup == "indicator":
        status_world.statuspage("minor")
    elif setup == "unknown_indicator":
        status_world.statuspage("catastrophic")
    elif setup == "unknown_component":
        status_world.statuspage("none", components=[sp_component("EHR", "on_fire")])
    elif setup == "component":
        status_world.statuspage("none", components=[sp_component("EHR", "degraded_performance")])
    else:  # Atlassian's indicator stays "none" while an incident is still open
        status_world.statuspage("none", incidents=[sp_incident(impact="minor", status="monitoring")])
    assert poll(status_world.settings()).level is Level.DEGRADED


def test_resolved_incident_does_not_count(status_world: StatusWorld) -> None:
    status_world.instatus("UP", incidents=[incident(impact="MAJOROUTAGE", status="RESOLVED")])
    snap = poll(status_world.settings())
    assert snap.level is Level.OPERATIONAL and snap.incidents == ()


# -- rule 6: operational with an unreadable page -------------------------------------------------

def test_status_page_garbage_while_ehr_up_is_operational(status_world: StatusWorld) -> None:
    status_world.page.route("/summary.json", Reply(200, body="<html>hello</html>", content_type="text/html"))
    snap = poll(status_world.settings())
    assert snap.level is Level.OPERATIONAL
    assert snap.headline == "ICANotes is answering; the status page could not be read."
    assert snap.probes.status_page.ok is False
    assert "HTML" in (snap.probes.status_page.error or "")


# -- watch_components -----------------------------------------------------------------------------

def test_watch_components_ignores_other_components_and_page_wide_issues(status_world: StatusWorld) -> None:
    status_world.instatus("HASISSUES", components=[component("  EHR", "OPERATIONAL"),
                                                   component("Patient portal", "MAJOROUTAGE")])
    assert poll(status_world.settings()).level is Level.OUTAGE
    assert poll(status_world.settings(watch_components=("ehr",))).level is Level.OPERATIONAL


def test_watch_components_by_id(status_world: StatusWorld) -> None:
    status_world.instatus("HASISSUES", components=[component("Charting", "DEGRADEDPERFORMANCE", cid="ck42")])
    assert poll(status_world.settings(watch_components=("ck42",))).level is Level.DEGRADED


def test_watch_components_statuspage_incident_counts_only_when_it_names_a_watched_one(
        status_world: StatusWorld) -> None:
    rows = [sp_component("EHR", cid="c-ehr"), sp_component("Portal", cid="c-portal")]
    status_world.statuspage("major", components=rows, incidents=[sp_incident(impact="critical",
                                                                             components=["c-portal"])])
    assert poll(status_world.settings(watch_components=("EHR",))).level is Level.OPERATIONAL
    status_world.statuspage("major", components=rows, incidents=[sp_incident(impact="critical",
                                                                             components=["c-ehr"])])
    assert poll(status_world.settings(watch_components=("EHR",))).level is Level.OUTAGE


def test_watch_components_still_counts_instatus_incidents(status_world: StatusWorld) -> None:
    status_world.instatus("HASISSUES", incidents=[incident("Slow", "DEGRADEDPERFORMANCE")])
    assert poll(status_world.settings(watch_components=("EHR",))).level is Level.DEGRADED


# -- providers ------------------------------------------------------------------------------------

def test_forced_provider_does_not_ask_the_other_paths(status_world: StatusWorld) -> None:
    snap = poll(status_world.settings(provider="instatus"))
    assert snap.level is Level.OPERATIONAL
    assert not [r for r in status_world.page.requests if r.path.startswith("/api/")]


def test_forced_statuspage_on_an_instatus_page_is_not_read(status_world: StatusWorld) -> None:
    snap = poll(status_world.settings(provider="statuspage"))
    assert snap.level is Level.OPERATIONAL
    assert snap.probes.status_page.ok is False
    assert snap.probes.status_page.error == f"{status_world.page.url}/api/v2/summary.json: HTTP 404"


def test_page_url_with_trailing_slash(status_world: StatusWorld) -> None:
    status_world.instatus("HASISSUES")
    assert poll(status_world.settings(page_url=status_world.page.url + "/")).level is Level.DEGRADED


def test_unreadable_page_with_the_ehr_probe_off_does_not_claim_ehr_is_up(status_world: StatusWorld) -> None:
    status_world.page.route("/summary.json", Reply(500))
    snap = poll(status_world.settings(ehr_url="", provider="instatus"))
    assert snap.level is Level.OPERATIONAL
    assert snap.headline == "The status page could not be read (ICANotes itself is not checked here)."

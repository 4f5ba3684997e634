"""The fault matrix: every way a probed site can misbehave ends in the right level with a
clear probe error, never an exception. Real servers on 127.0.0.1, real sockets."""

import asyncio
import gzip
import json
import logging
import time

import pytest

from kiosk.status import Level, StatusSnapshot
from kiosk.status.probe import probe_once
from kiosk.status.settings import StatusSettings
from tests.fixtures.http_server import Reply
from tests.fixtures.status_servers import StatusWorld, component, incident, maintenance

TIMEOUT = 0.5
CONCURRENT_TIMEOUT = 3.0   # long enough that a loaded machine's scheduling delays stay small beside it
HEALTHY_SUMMARY = {"page": {"name": "ICANotes", "url": "https://x.test", "status": "UP"}}
TWENTY_MB = b"{" + b" " * (20 * 1024 * 1024) + b"}"


def poll(settings: StatusSettings) -> StatusSnapshot:
    return asyncio.run(probe_once(settings))


PAGE_FAULTS = {
    "timeout": (None, "no answer within 0.5 s"),
    "refused": (None, "connection refused"),
    "reset mid-body": (Reply(json=HEALTHY_SUMMARY, reset_after=10), "connection broken while reading the answer"),
    "cut short": (Reply(json=HEALTHY_SUMMARY, declared_length=5000), "connection broken while reading the answer"),
    "500": (Reply(500, body="oops"), "HTTP 500"),
    "502": (Reply(502, body="bad gateway"), "HTTP 502"),
    "503": (Reply(503, body="unavailable", headers={"Retry-After": "120"}), "HTTP 503"),
    "429": (Reply(429, body="slow down"), "HTTP 429"),
    "301 redirect": (Reply(301, headers={"Location": "https://elsewhere.test/"}),
                     "HTTP 301, redirected to https://elsewhere.test/ (redirects are not followed)"),
    "invalid JSON": (Reply(200, body='{"page": {"status": "UP"', content_type="application/json"),
                     "answered with invalid JSON"),
    "HTML with 200": (Reply(200, body="<!DOCTYPE html><html><body>Status</body></html>",
                            content_type="text/html"), "answered with a web page (HTML), not JSON"),
    "HTML labelled JSON": (Reply(200, body="<html>hi</html>", content_type="application/json"),
                           "answered with a web page (HTML), not JSON"),
    "empty body": (Reply(200, body="", content_type="application/json"), "answered with an empty body"),
    "20 MB body": (Reply(200, body=TWENTY_MB, content_type="application/json"), "answer too large"),
    "gzip bomb": (Reply(200, body=gzip.compress(TWENTY_MB), content_type="application/json",
                        headers={"Content-Encoding": "gzip"}), "answer too large"),
    "slow drip": (Reply(json=HEALTHY_SUMMARY, drip_seconds=0.05), "no complete answer within 0.5 s"),
    "JSON of another shape": (Reply(json={"status": {"text": "ok"}}), "no page.status: not an Instatus"),
    "missing page": (Reply(json={"activeIncidents": []}), "no page.status"),
    "missing page.status": (Reply(json={"page": {"name": "x"}}), "no page.status"),
    "not UTF-8": (Reply(200, body=b"\xff\xfe\x00garbage", content_type="application/json"),
                  "answered with invalid JSON"),
}


@pytest.mark.parametrize("fault", list(PAGE_FAULTS))
def test_status_page_fault_leaves_operational_with_a_clear_error(status_world: StatusWorld, refused_url: str,
                                                                 fault: str) -> None:
    reply, expected = PAGE_FAULTS[fault]
    settings = status_world.settings(provider="instatus", timeout_seconds=TIMEOUT)
    if fault == "timeout":
        status_world.page.hang("/summary.json")
    elif fault == "refused":
        settings = status_world.settings(provider="instatus", timeout_seconds=TIMEOUT, page_url=refused_url)
    else:
        assert reply is not None
        status_world.page.route("/summary.json", reply)
    started = time.monotonic()
    snap = poll(settings)
    # the timeout, not the hang (an hour), bounds the whole exchange; the slack is for a machine under load
    assert time.monotonic() - started < TIMEOUT + 20
    assert snap.level is Level.OPERATIONAL
    assert snap.headline == "ICANotes is answering; the status page could not be read."
    probe = snap.probes.status_page
    assert probe.ok is False
    assert probe.error is not None and expected in probe.error, probe.error
    assert probe.error.startswith(settings.page_url)  # names the URL


@pytest.mark.parametrize(("fault", "reply", "level", "expected"), [
    ("500", Reply(500), Level.OUTAGE, "HTTP 500"),
    ("502", Reply(502), Level.OUTAGE, "HTTP 502"),
    ("503", Reply(503), Level.OUTAGE, "HTTP 503"),
    ("429 is up", Reply(429), Level.OPERATIONAL, None),
    ("401 is up", Reply(401), Level.OPERATIONAL, None),
    ("HTML 200 is up", Reply(200, body="<html>login</html>", content_type="text/html"), Level.OPERATIONAL, None),
    ("slow drip is up", Reply(200, body="x" * 200, drip_seconds=0.05), Level.OPERATIONAL, None),
    ("20 MB is up", Reply(200, body=TWENTY_MB), Level.OPERATIONAL, None),
    ("reset mid-body is up", Reply(200, body="x" * 100, reset_after=5), Level.OPERATIONAL, None),
])
def test_ehr_answers(status_world: StatusWorld, fault: str, reply: Reply, level: Level,
                     expected: str | None) -> None:
    status_world.ehr.route("/", reply)
    snap = poll(status_world.settings(timeout_seconds=TIMEOUT))
    assert snap.level is level
    assert snap.probes.ehr.error == (f"{status_world.ehr.url}/: {expected}" if expected else None)
    assert snap.probes.ehr.http_status == reply.status


def test_ehr_timeout_is_outage(status_world: StatusWorld) -> None:
    status_world.ehr.hang("/")
    snap = poll(status_world.settings(timeout_seconds=TIMEOUT))
    assert snap.level is Level.OUTAGE
    assert snap.probes.ehr.error == f"{status_world.ehr.url}/: no answer within 0.5 s"
    assert snap.probes.ehr.http_status is None


def test_ehr_refused_is_outage(status_world: StatusWorld, refused_url: str) -> None:
    snap = poll(status_world.settings(ehr_url=refused_url + "/"))
    assert snap.level is Level.OUTAGE
    assert snap.probes.ehr.error == f"{refused_url}/: connection refused"


def test_everything_hanging_is_offline_within_the_timeout(status_world: StatusWorld) -> None:
    for server, path in ((status_world.page, "/summary.json"), (status_world.page, "/v2/components.json"),
                         (status_world.page, "/api/v2/summary.json"), (status_world.ehr, "/"),
                         (status_world.upload, "/"), (status_world.canary, "/generate_204")):
        server.hang(path)
    started = time.monotonic()
    snap = poll(status_world.settings(timeout_seconds=CONCURRENT_TIMEOUT))
    # concurrent: one timeout's wait, where six probes one after the other would wait six (18 s)
    assert time.monotonic() - started < 3 * CONCURRENT_TIMEOUT
    assert snap.level is Level.OFFLINE
    assert all(f"no answer within {CONCURRENT_TIMEOUT:g} s" in (p.error or "") for p in snap.probes.all())


def test_components_json_failing_keeps_the_summary(status_world: StatusWorld) -> None:
    status_world.instatus("HASISSUES", incidents=[incident()])
    status_world.page.route("/v2/components.json", Reply(500))
    snap = poll(status_world.settings())
    assert snap.level is Level.DEGRADED
    assert snap.probes.status_page.ok is True
    assert snap.probes.status_page.error == "components.json HTTP 500"
    assert snap.components == ()


@pytest.mark.parametrize(("setup", "level"), [
    ("page", Level.DEGRADED), ("component", Level.DEGRADED), ("impact", Level.DEGRADED),
    ("incident status", Level.DEGRADED), ("maintenance status", Level.DEGRADED),
])
def test_unknown_enum_values_count_as_degraded_and_are_logged_once(
        status_world: StatusWorld, caplog: pytest.LogCaptureFixture, setup: str, level: Level) -> None:
    value = f"BRANDNEW{setup.upper().replace(' ', '')}"
    if setup == "page":
        status_world.instatus(value)
    elif setup == "component":
        status_world.instatus("UP", components=[component("EHR", value)])
    elif setup == "impact":
        status_world.instatus("HASISSUES", incidents=[incident(impact=value)])
    elif setup == "incident status":
        status_world.instatus("UP", incidents=[incident(impact="MINOROUTAGE", status=value)])
    else:
        status_world.instatus("UP", maintenances=[maintenance(status=value)])
    with caplog.at_level(logging.WARNING, logger="kiosk.status"):
        snaps = [poll(status_world.settings()) for _ in range(2)]
    assert [s.level for s in snaps] == [level, level]
    warnings = [r.getMessage() for r in caplog.records if value in r.getMessage()]
    assert len(warnings) == 1 and "counted as degraded" in warnings[0]


def test_unknown_impact_never_raises_to_outage(status_world: StatusWorld) -> None:
    status_world.instatus("UP", incidents=[incident(impact="APOCALYPSE")])
    assert poll(status_world.settings()).level is Level.DEGRADED


def test_missing_fields_in_rows(status_world: StatusWorld) -> None:
    summary = {"page": {"status": "HASISSUES"},
               "activeIncidents": [{"status": "INVESTIGATING"}, "junk", None],
               "activeMaintenances": [{"status": "NOTSTARTEDYET"}]}
    status_world.page.route("/summary.json", Reply(json=summary))
    status_world.page.route("/v2/components.json", Reply(json={"components": [{"name": "no status"}, {}, 7]}))
    snap = poll(status_world.settings())
    assert snap.level is Level.DEGRADED
    data = snap.to_json()
    assert data["page"] == {"name": "", "status": "HASISSUES"}
    assert data["incidents"] == [{"name": "(unnamed incident)", "status": "INVESTIGATING", "impact": "",
                                  "started": None, "url": None}]
    assert data["maintenances"] == [{"name": "(unnamed maintenance)", "status": "NOTSTARTEDYET", "start": None,
                                     "end": None, "url": None}]
    assert data["components"] == []


def test_statuspage_with_nulls_and_groups(status_world: StatusWorld) -> None:
    summary = {"page": {"name": "Vendor"}, "status": {"indicator": "none"}, "incidents": None,
               "scheduled_maintenances": None,
               "components": [{"id": "g", "name": "Group", "status": "major_outage", "group": True},
                              {"id": "c", "name": " EHR ", "status": "operational", "group_id": "g"}]}
    status_world.page.route("/api/v2/summary.json", Reply(json=summary, content_type="text/plain"))
    snap = poll(status_world.settings())
    assert snap.level is Level.OPERATIONAL
    assert [(c.id, c.name) for c in snap.components] == [("c", "EHR")]


def test_bare_array_components_and_js_dates(status_world: StatusWorld) -> None:
    js_date = "Tue Mar 04 2030 14:05:00 GMT+0100 (Central European Standard Time)"
    status_world.instatus("HASISSUES", incidents=[incident(started=js_date)])
    bare = [{"id": "p", "name": "Clinical", "status": "OPERATIONAL", "isParent": True,
             "children": [{"id": "c", "name": "Charting", "status": "PARTIALOUTAGE"}]}]
    status_world.page.route("/v2/components.json", Reply(json=bare))
    snap = poll(status_world.settings())
    assert [c.name for c in snap.components] == ["Clinical", "Charting"]
    assert snap.to_json()["incidents"][0]["started"] == "2030-03-04T14:05:00+01:00"


def test_json_output_never_holds_unserialisable_values(status_world: StatusWorld) -> None:
    status_world.page.route("/summary.json", Reply(json={"page": {"status": "UP", "name": {"nested": 1}}}))
    snap = poll(status_world.settings())
    json.dumps(snap.to_json())
    assert snap.page.name == ""

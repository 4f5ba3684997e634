"""`[[status.related]]`: DrFirst and other fallbacks probed with the poll on 127.0.0.1, shown and folded
into the guidance, never changing the ICANotes level (the engine, the monitor, the CLI, the config)."""

import asyncio
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.config import parse_config
from kiosk.errors import ConfigError
from kiosk.status.level import Level
from kiosk.status.monitor import StatusMonitor
from kiosk.status.probe import probe_once
from kiosk.status.related_service import RelatedService
from kiosk.status.settings import StatusSettings
from print_service.paths import AppPaths
from tests.conftest import RunCli
from tests.fixtures.http_server import LocalHTTPServer, Reply
from tests.fixtures.status_servers import FakeTime, StatusWorld, incident

DRFIRST_UP = "Prescriptions: log in to DrFirst directly (DrFirst is answering)"
DRFIRST_DOWN = "DrFirst is not answering either: use the paper prescription pad."


def with_related(world: StatusWorld, drfirst: LocalHTTPServer, phones: LocalHTTPServer | None = None) -> StatusSettings:
    related = [RelatedService("DrFirst", drfirst.url + "/login")]
    if phones is not None:
        related.append(RelatedService("Phone system", phones.url + "/", page_url=phones.url + "/phones-status"))
    return world.settings(related=tuple(related))


def outage(world: StatusWorld) -> None:
    world.instatus("HASISSUES", incidents=[incident("ICANotes is down", "MAJOROUTAGE")])


def test_in_an_outage_drfirst_answering_says_log_in_to_drfirst(status_world: StatusWorld,
                                                              http_server: LocalHTTPServer) -> None:
    outage(status_world)
    http_server.route("/login", Reply(302, headers={"Location": "/sso"}))
    snapshot = asyncio.run(probe_once(with_related(status_world, http_server)))
    assert snapshot.level is Level.OUTAGE
    assert any(step.startswith(DRFIRST_UP) for step in snapshot.guidance), snapshot.guidance
    assert DRFIRST_DOWN not in snapshot.guidance
    assert [r.words for r in snapshot.related] == ["DrFirst: answering"]
    assert snapshot.related[0].http_status == 302


def test_drfirst_down_changes_the_guidance_and_not_the_level(status_world: StatusWorld,
                                                            http_server: LocalHTTPServer) -> None:
    outage(status_world)
    http_server.route("/login", Reply(503))
    http_server.route("/", Reply(500))
    settings = with_related(status_world, http_server, phones=http_server)
    snapshot = asyncio.run(probe_once(settings))
    baseline = asyncio.run(probe_once(status_world.settings()))
    assert snapshot.level is baseline.level is Level.OUTAGE
    assert snapshot.headline == baseline.headline
    assert DRFIRST_DOWN in snapshot.guidance
    assert "Phone system is not answering either." in snapshot.guidance
    assert not any(step.startswith("Prescriptions:") for step in snapshot.guidance)
    assert [r.words for r in snapshot.related] == ["DrFirst: not answering", "Phone system: not answering"]
    data = snapshot.to_json()
    assert data["related"][0] == {"name": "DrFirst", "up": False, "http_status": 503,
                                  "error": f"{http_server.url}/login: HTTP 503",
                                  "elapsed_ms": data["related"][0]["elapsed_ms"], "page_url": None,
                                  "page_status": None}
    assert data["related"][1]["page_url"] == f"{http_server.url}/phones-status"
    assert data["related"][1]["page_status"] is None  # its status page did not answer (500): shown as unknown


def test_a_related_status_page_is_read_and_shown_but_decides_nothing(status_world: StatusWorld,
                                                                    http_server: LocalHTTPServer) -> None:
    outage(status_world)
    http_server.route("/login", Reply(200))
    http_server.route("/summary.json", Reply(json={"page": {"name": "DrFirst", "url": "https://x", "status":
                                                            "HASISSUES"}}))
    http_server.route("/v2/components.json", Reply(json={"components": []}))
    http_server.route("/api/v2/summary.json", Reply(404))
    settings = status_world.settings(related=(RelatedService("DrFirst", http_server.url + "/login",
                                                             page_url=http_server.url, provider="instatus"),))
    snapshot = asyncio.run(probe_once(settings))
    assert snapshot.level is Level.OUTAGE
    assert snapshot.related[0].up is True and snapshot.related[0].page_status == "HASISSUES"
    assert snapshot.related[0].words == "DrFirst: answering (its status page: HASISSUES)"
    assert any(step.startswith(DRFIRST_UP) for step in snapshot.guidance)


def test_when_icanotes_is_up_a_related_service_down_changes_nothing_but_its_line(
        status_world: StatusWorld, http_server: LocalHTTPServer, refused_url: str) -> None:
    settings = status_world.settings(related=(RelatedService("DrFirst", refused_url),))
    snapshot = asyncio.run(probe_once(settings))
    baseline = asyncio.run(probe_once(status_world.settings()))
    assert snapshot.level is Level.OPERATIONAL
    assert snapshot.guidance == baseline.guidance
    assert snapshot.related[0].up is False and snapshot.related[0].http_status is None


def test_the_monitor_keeps_its_level_while_drfirst_comes_and_goes(status_world: StatusWorld,
                                                                 http_server: LocalHTTPServer, tmp_path: Path,
                                                                 fake_time: FakeTime) -> None:
    outage(status_world)
    http_server.route("/login", Reply(200))
    paths = AppPaths(tmp_path / "state", tmp_path / "run", tmp_path / "key")
    monitor = StatusMonitor(with_related(status_world, http_server), paths, clock=fake_time.clock,
                            sleep=fake_time.sleep)

    async def polls() -> list[tuple[Level, bool, bool]]:
        seen = []
        for reply in (Reply(200), Reply(503), Reply(503), Reply(200)):
            http_server.route("/login", reply)
            snap = await monitor.poll_once()
            seen.append((snap.level, snap.related[0].up, DRFIRST_DOWN in snap.guidance))
            fake_time.advance(60)
        await monitor.aclose()
        return seen

    assert asyncio.run(polls()) == [(Level.OUTAGE, True, False), (Level.OUTAGE, False, True),
                                    (Level.OUTAGE, False, True), (Level.OUTAGE, True, False)]
    assert [w.level for w in monitor.downtime_log.entries()] == [Level.OUTAGE]


def test_status_json_lists_related_services_and_exits_by_the_icanotes_level(
        status_world: StatusWorld, http_server: LocalHTTPServer, write_config: Callable[..., Path],
        run_cli: RunCli) -> None:
    outage(status_world)
    http_server.route("/login", Reply(503))
    config = write_config(
        f'[status]\npage_url = "{status_world.page.url}"\nehr_url = "{status_world.ehr.url}/"\n'
        f'upload_url = "{status_world.upload.url}/"\ninternet_urls = ["{status_world.canary.url}/generate_204"]\n'
        f'timeout_seconds = 1\n\n[[status.related]]\nname = "DrFirst"\nurl = "{http_server.url}/login"\n')
    result = run_cli("--config", config, "status", "--json")
    assert result.returncode == 2, result.stderr
    data = json.loads(result.stdout)
    assert data["level"] == "outage"
    assert [(r["name"], r["up"]) for r in data["related"]] == [("DrFirst", False)]
    assert DRFIRST_DOWN in data["guidance"]
    text = run_cli("--config", config, "status")
    assert "DrFirst: not answering" in text.stdout


@pytest.mark.parametrize(("table", "message"), [
    ({"related": [{"url": "https://drfirst.example/"}]}, "status.related[0].name: expected a non-empty string"),
    ({"related": [{"name": "DrFirst"}]}, "status.related[0].url: expected an absolute http or https URL"),
    ({"related": [{"name": "DrFirst", "url": "drfirst.example"}]},
     "status.related[0].url: expected an absolute http or https URL, got 'drfirst.example'"),
    ({"related": [{"name": "DrFirst", "url": "https://a.example/", "colour": "red"}]},
     "status.related[0].colour: unknown key"),
    ({"related": [{"name": "X", "url": "https://a.example/"}, {"name": "x", "url": "https://b.example/"}]},
     "status.related[1].name: expected a name no other"),
    ({"related": "DrFirst"}, "status.related: expected [[status.related]] tables"),
])
def test_bad_related_entries_are_one_clear_line(table: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config({"status": table}, "config.toml")
    assert str(caught.value).startswith(f"config.toml: {message}"), str(caught.value)


def test_a_good_related_entry_is_read() -> None:
    config = parse_config({"status": {"related": [{"name": "DrFirst", "url": "https://drfirst.example/",
                                                    "page_url": "https://status.drfirst.example",
                                                    "provider": "statuspage"}]}}, "config.toml")
    assert config.get(StatusSettings).related == (
        RelatedService("DrFirst", "https://drfirst.example/", "https://status.drfirst.example", "statuspage"),)

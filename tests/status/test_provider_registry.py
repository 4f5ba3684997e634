"""Providers come from one registry: a third one is one module (tests/status/toy_provider.py) plus one line."""

import asyncio

from kiosk.status.level import Level
from kiosk.status.probe import probe_once
from kiosk.status.providers.registry import PROVIDERS, provider_names
from tests.fixtures.http_server import Reply
from tests.fixtures.status_servers import StatusWorld
from tests.status import toy_provider

WITH_TOY = (*PROVIDERS, toy_provider.PROVIDER)  # the one line a new provider adds to the registry


def test_the_registry_names_the_config_choices() -> None:
    assert provider_names() == ("auto", "instatus", "statuspage")
    assert provider_names(WITH_TOY) == ("auto", "instatus", "statuspage", "toy")


def test_a_toy_provider_decides_the_level_when_chosen(status_world: StatusWorld) -> None:
    status_world.page.route("/toy/health.json", Reply(json={"title": "Toy ICANotes", "state": "broken"}))
    snapshot = asyncio.run(probe_once(status_world.settings(provider="toy"), providers=WITH_TOY))
    assert snapshot.level is Level.OUTAGE
    assert snapshot.page.name == "Toy ICANotes"
    assert [request.path for request in status_world.page.requests] == ["/toy/health.json"]


def test_auto_tries_the_toy_provider_after_the_others(status_world: StatusWorld) -> None:
    for path in ("/api/v2/summary.json", "/summary.json", "/v2/components.json"):
        status_world.page.route(path, Reply(404, body="not here"))
    status_world.page.route("/toy/health.json", Reply(json={"title": "Toy ICANotes", "state": "ok"}))
    snapshot = asyncio.run(probe_once(status_world.settings(), providers=WITH_TOY))
    assert snapshot.level is Level.OPERATIONAL
    assert snapshot.probes.status_page.ok is True
    assert snapshot.page.name == "Toy ICANotes"

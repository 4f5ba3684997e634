"""The `[status]` table pointing the daemon at the status_world servers on 127.0.0.1, and page scenarios."""

from typing import Any

from tests.fixtures.status_servers import StatusWorld, incident


def status_table(world: StatusWorld, *, poll: float = 1.0, confirm: float = 1.0) -> dict[str, Any]:
    """`[status]` for the four stand-in servers with short timings."""
    return {
        "page_url": world.page.url, "ehr_url": world.ehr.url + "/", "upload_url": world.upload.url + "/",
        "internet_urls": [world.canary.url + "/generate_204"], "timeout_seconds": 1.0,
        "poll_seconds": poll, "confirm_seconds": confirm,
    }


def major_outage(world: StatusWorld) -> None:
    """The vendor declares a major outage of everything."""
    world.instatus("HASISSUES", incidents=[incident("ICANotes is down", "MAJOROUTAGE")])


def all_clear(world: StatusWorld) -> None:
    """Back to normal."""
    world.instatus("UP")

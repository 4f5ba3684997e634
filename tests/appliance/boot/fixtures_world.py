"""States of the host world the scenarios switch to."""

from tests.appliance.boot.world import HostWorld
from tests.fixtures.status_servers import incident


def outage(world: HostWorld) -> None:
    """The vendor's page reports ICANotes down."""
    world.status.instatus("HASISSUES", incidents=[incident("ICANotes is down", "MAJOROUTAGE")])

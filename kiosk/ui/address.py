"""The kiosk's own IP address for the Info screen (what IT asks for on the phone)."""

import contextlib
import socket

__all__ = ["ip_address"]

_TEST_NET = "192.0.2.1"  # RFC 5737: connecting a UDP socket picks a route and sends nothing


def ip_address() -> str:
    """The address of the interface that carries the default route, or "no network"."""
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect((_TEST_NET, 9))
        address = str(probe.getsockname()[0])
        if not address.startswith("0."):
            return address
    return "no network"

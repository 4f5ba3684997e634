"""The kiosk's own IP address for the Info screen (what IT asks for on the phone).

The screen's systemd unit allows no AF_INET sockets, so the address is read from the kernel's
routing table in /proc when a socket cannot be made.
"""

import contextlib
import socket
from pathlib import Path

__all__ = ["ip_address", "local_addresses"]

_TEST_NET = "192.0.2.1"  # RFC 5737: connecting a UDP socket picks a route and sends nothing
_FIB_TRIE = Path("/proc/net/fib_trie")


def local_addresses(fib_trie: str) -> list[str]:
    """The host's own IPv4 addresses (not loopback) listed in /proc/net/fib_trie text."""
    found: list[str] = []
    previous = ""
    for line in fib_trie.splitlines():
        if "/32 host LOCAL" in line:
            address = previous.strip().lstrip("|-+ ").strip()
            if address and not address.startswith("127.") and address not in found:
                found.append(address)
        previous = line
    return found


def ip_address() -> str:
    """The address of the interface with the default route, else the first local one, else "no network"."""
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect((_TEST_NET, 9))
        address = str(probe.getsockname()[0])
        if not address.startswith("0."):
            return address
    with contextlib.suppress(OSError):
        addresses = local_addresses(_FIB_TRIE.read_text())
        if addresses:
            return ", ".join(addresses)
    return "no network"

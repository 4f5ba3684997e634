"""Talking to systemd: READY=1, STATUS=…, WATCHDOG=1 and STOPPING=1 over $NOTIFY_SOCKET.

Outside systemd there is no NOTIFY_SOCKET and every call is a no-op. The watchdog
interval is read from WATCHDOG_USEC (for this process only, per WATCHDOG_PID); the daemon
pings at half of it, and only from its main loop while it is healthy.
"""

import os
from collections.abc import Mapping

# mypy run from the repository sees its systemd/ unit folder as a namespace package
from systemd import daemon  # type: ignore[attr-defined,unused-ignore]

__all__ = ["Notifier", "watchdog_interval"]


def watchdog_interval(env: Mapping[str, str] | None = None) -> float | None:
    """Seconds between watchdog pings (half of WATCHDOG_USEC), or None when systemd wants none."""
    environ = os.environ if env is None else env
    try:
        usec = int(environ.get("WATCHDOG_USEC", ""))
    except ValueError:
        return None
    pid = environ.get("WATCHDOG_PID", "")
    if usec <= 0 or (pid and pid != str(os.getpid())):
        return None
    return usec / 1_000_000 / 2


class Notifier:
    """sd_notify messages; silently nothing when not started by systemd with Type=notify."""

    def __init__(self, env: Mapping[str, str] | None = None) -> None:
        environ = os.environ if env is None else env
        self.enabled = bool(environ.get("NOTIFY_SOCKET"))
        self.watchdog_seconds = watchdog_interval(environ)

    def _send(self, message: str) -> None:
        if self.enabled:
            daemon.notify(message)

    def ready(self, status: str) -> None:
        """Startup is done: the last known state is restored and published."""
        self._send(f"READY=1\nSTATUS={status}")

    def status(self, status: str) -> None:
        """What `systemctl status` shows (the current level in words)."""
        self._send(f"STATUS={status}")

    def watchdog(self) -> None:
        """The main loop is alive and healthy."""
        self._send("WATCHDOG=1")

    def stopping(self) -> None:
        """Shutdown has begun."""
        self._send("STOPPING=1\nSTATUS=stopping")

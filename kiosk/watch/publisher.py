"""Writing state.json: atomically on every change, and again every few seconds as a heartbeat.

The screen reads only this file and must never see half of it, so it is replaced with
`write_atomic`. An unchanged document is rewritten only when the heartbeat is due; the
heartbeat time tells the screen the daemon is alive.
"""

import json
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kiosk.watch.state import SCHEMA
from print_service.storage import write_atomic

__all__ = ["HEARTBEAT_SECONDS", "StatePublisher", "read_state"]

HEARTBEAT_SECONDS = 2.0


def _utc_now() -> datetime:
    return datetime.now(UTC)


class StatePublisher:
    """Publishes documents to `path`; `publish` returns whether it wrote."""

    def __init__(self, path: Path, *, heartbeat_seconds: float = HEARTBEAT_SECONDS,
                 clock: Callable[[], float] = time.monotonic, now: Callable[[], datetime] = _utc_now) -> None:
        self.path = path
        self.heartbeat_seconds = heartbeat_seconds
        self._clock = clock
        self._now = now
        self._last_body: str | None = None
        self._last_write = float("-inf")
        self.writes = 0

    def publish(self, body: dict[str, Any], *, force: bool = False) -> bool:
        """Write `body` (plus schema and heartbeat) when it changed, the heartbeat is due, or `force`."""
        key = json.dumps(body, sort_keys=True, default=str)
        due = self._clock() - self._last_write >= self.heartbeat_seconds
        if key == self._last_body and not due and not force:
            return False
        document = {"schema": SCHEMA, "heartbeat_at": self._now().isoformat(timespec="milliseconds"), **body}
        write_atomic(self.path, json.dumps(document, indent=1, default=str).encode(), mode=0o644)
        self._last_body, self._last_write = key, self._clock()
        self.writes += 1
        return True


def read_state(path: Path) -> dict[str, Any] | None:
    """The last published document, or None when there is none or it cannot be read."""
    try:
        document = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    return document if isinstance(document, dict) and document.get("schema") == SCHEMA else None

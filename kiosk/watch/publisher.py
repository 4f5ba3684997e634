"""Writing state.json: atomically on every change, and again every few seconds as a heartbeat.

The screen reads only this file and must never see half of it, so it is replaced with
`write_atomic`. An unchanged document is rewritten only when the heartbeat is due; the
heartbeat time tells the screen the daemon is alive.
"""

import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from kiosk.state.document import StateDocument, StateDocumentError
from kiosk.state.file import encode_document, read_document
from print_service.storage import write_atomic

__all__ = ["HEARTBEAT_SECONDS", "StatePublisher", "read_state"]

HEARTBEAT_SECONDS = 2.0


def _utc_now() -> datetime:
    return datetime.now(UTC)


class StatePublisher:
    """Publishes documents to `path`; `publish` returns whether it wrote."""

    def __init__(self, path: Path, *, heartbeat_seconds: float = HEARTBEAT_SECONDS,
                 monotonic: Callable[[], float] = time.monotonic, now: Callable[[], datetime] = _utc_now) -> None:
        self.path = path
        self.heartbeat_seconds = heartbeat_seconds
        self._monotonic = monotonic
        self._now = now
        self._last_body: StateDocument | None = None
        self._last_write = float("-inf")
        self.writes = 0

    def publish(self, body: StateDocument, *, force: bool = False) -> bool:
        """Write `body` with a fresh heartbeat when it changed, the heartbeat is due, or `force`."""
        due = self._monotonic() - self._last_write >= self.heartbeat_seconds
        if body == self._last_body and not due and not force:
            return False
        document = replace(body, heartbeat_at=self._now().isoformat(timespec="milliseconds"))
        write_atomic(self.path, encode_document(document), mode=0o644)
        self._last_body, self._last_write = body, self._monotonic()
        self.writes += 1
        return True


def read_state(path: Path) -> StateDocument | None:
    """The last published document, or None when there is none this version can read."""
    try:
        return read_document(path)
    except StateDocumentError:
        return None

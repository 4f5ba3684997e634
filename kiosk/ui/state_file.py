"""Reading the watch daemon's `state.json` cheaply: re-parse only when the file changed.

The daemon replaces the file atomically, so a read sees a whole file; a file that is missing or
not JSON keeps the last good state (and its heartbeat then ages, which the screen reports).
"""

import json
import os
from pathlib import Path
from typing import Any

__all__ = ["StateFileReader"]


class StateFileReader:
    """Polls one state file; `read()` returns (state or None, whether it changed since the last call)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._signature: tuple[int, int, int] | None = None
        self._state: dict[str, Any] | None = None

    def read(self) -> tuple[dict[str, Any] | None, bool]:
        """The last good state and whether a new one was read just now."""
        try:
            info = os.stat(self.path)
        except OSError:
            return self._state, False
        signature = (info.st_mtime_ns, info.st_size, info.st_ino)
        if signature == self._signature:
            return self._state, False
        try:
            document = json.loads(self.path.read_bytes())
        except (OSError, ValueError):
            return self._state, False
        self._signature = signature
        if not isinstance(document, dict):
            return self._state, False
        self._state = document
        return document, True

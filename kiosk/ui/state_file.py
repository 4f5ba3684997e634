"""Reading the watch daemon's `state.json` cheaply: re-parse only when the file changed.

The file is read through the same typed document the daemon writes (`kiosk.state.document`).
The daemon replaces the file atomically, so a read sees a whole file; a file that is missing or
not a state document keeps the last good state (and its heartbeat then ages, which the screen
reports). A document of another schema is refused: `refusal` then says the monitor and screen
versions differ, and the screen shows that instead of a guess.
"""

import os
from pathlib import Path

from kiosk.state.document import SchemaMismatch, StateDocument, StateDocumentError
from print_service.storage.json_file import read_json_object

__all__ = ["StateFileReader"]


class StateFileReader:
    """Polls one state file; `read()` returns (the document or None, whether it changed since the last call)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.refusal: str | None = None
        self.document: StateDocument | None = None
        self._signature: tuple[int, int, int] | None = None

    def read(self) -> tuple[StateDocument | None, bool]:
        """The last good document and whether a new one was read just now."""
        try:
            info = os.stat(self.path)
        except OSError:
            return self.document, False
        signature = (info.st_mtime_ns, info.st_size, info.st_ino)
        if signature == self._signature:
            return self.document, False
        data = read_json_object(self.path)
        if data is None:
            return self.document, False
        self._signature = signature
        try:
            document = StateDocument.from_json(data)
        except SchemaMismatch as exc:
            self.refusal, self.document = str(exc), None
            return None, True
        except StateDocumentError:
            return self.document, False
        self.refusal, self.document = None, document
        return document, True

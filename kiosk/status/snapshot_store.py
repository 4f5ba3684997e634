"""The last published snapshot on disk (`state_dir/status-snapshot.json`), so a restarted
kiosk shows the last known level (marked stale) instead of a blank screen."""

import json
import logging
from pathlib import Path

from kiosk.status.snapshot import StatusSnapshot
from print_service.storage import read_json_object, write_atomic

__all__ = ["SNAPSHOT_FILE_NAME", "SnapshotStore"]

log = logging.getLogger(__name__)
SNAPSHOT_FILE_NAME = "status-snapshot.json"


class SnapshotStore:
    """Reads and atomically rewrites the one snapshot file."""

    def __init__(self, state_dir: Path) -> None:
        self.path = state_dir / SNAPSHOT_FILE_NAME

    def load(self) -> StatusSnapshot | None:
        """The stored snapshot, or None when there is none or it cannot be read (logged)."""
        data = read_json_object(self.path)
        if data is None:
            if self.path.exists():
                log.warning("%s: last status cannot be read (not a JSON object); starting without it", self.path)
            return None
        try:
            return StatusSnapshot.from_json(data)
        except ValueError as exc:
            log.warning("%s: last status cannot be read (%s); starting without it", self.path, exc)
            return None

    def save(self, snapshot: StatusSnapshot) -> None:
        """Replace the file with `snapshot` (errors are logged: a full disk must not stop the monitor)."""
        try:
            write_atomic(self.path, json.dumps(snapshot.to_json()).encode(), mode=0o644)
        except OSError as exc:
            log.warning("%s: cannot save the last status: %s", self.path, exc)

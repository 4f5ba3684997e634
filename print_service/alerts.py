"""Alerts that the screen and the LED show until the problem is resolved.

An alert is one small JSON file per kind in `paths.alerts_dir`: `{"kind", "since", "message"}`.
Files survive reboots, so a nightly print that failed at 21:00 is still on the screen the
next morning. Messages are plain words for staff and never contain PHI.

>>> store = AlertStore(paths.alerts_dir)
>>> store.raise_alert("nightly_print", "The schedule for Friday 27 November was not printed: printer out of paper.")
>>> store.clear("nightly_print")
"""

import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from print_service.storage import write_atomic
from print_service.storage.json_file import read_json_object

__all__ = ["Alert", "AlertStore"]

_log = logging.getLogger(__name__)
_KIND_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


@dataclass(frozen=True, slots=True)
class Alert:
    """One active problem: what kind, since when, and what staff should know."""

    kind: str
    since: datetime
    message: str

    def to_json(self) -> dict[str, str]:
        """The file's (and the watch state's) form: since as ISO 8601 with offset."""
        return {"kind": self.kind, "since": self.since.isoformat(), "message": self.message}


class AlertStore:
    """The alert files in one folder; raising an active kind again keeps its `since`."""

    def __init__(self, folder: Path, *, now: Callable[[], datetime] | None = None) -> None:
        self.folder = folder
        self._now = now or (lambda: datetime.now(UTC))

    def raise_alert(self, kind: str, message: str) -> Alert:
        """Make `kind` active with `message` (creating or updating its file)."""
        path = self._path(kind)
        current = self._read(path)
        since = current.since if current is not None else self._now()
        alert = Alert(kind, since, message)
        if current != alert:
            write_atomic(path, json.dumps(alert.to_json()).encode(), mode=0o644)
        return alert

    def clear(self, kind: str) -> bool:
        """Resolve `kind`; True when it was active."""
        try:
            self._path(kind).unlink()
        except FileNotFoundError:
            return False
        return True

    def active(self) -> list[Alert]:
        """Every active alert, oldest first; unreadable files are skipped (and logged)."""
        if not self.folder.is_dir():
            return []
        alerts = [self._read(path) for path in sorted(self.folder.glob("*.json"))]
        return sorted((a for a in alerts if a is not None), key=lambda a: a.since)

    def _path(self, kind: str) -> Path:
        if not _KIND_RE.match(kind):
            raise ValueError(f"alert kind {kind!r}: expected lower-case letters, digits, '_' or '-'")
        return self.folder / f"{kind}.json"

    @staticmethod
    def _read(path: Path) -> Alert | None:
        data = read_json_object(path)
        try:
            if data is None:
                if path.exists():
                    raise ValueError("unreadable, or not a JSON object")
                return None
            return Alert(str(data["kind"]), datetime.fromisoformat(data["since"]), str(data["message"]))
        except (OSError, ValueError, KeyError, TypeError):
            _log.warning("alert file %s is not readable JSON; ignored", path.name)
        return None

"""The reconcile book (`state_dir/reconcile.json`): per downtime, when its catch-up sheet was printed, who
acknowledged it (initials typed on the screen) and whether it was dismissed. No PHI: times and initials.

The watch daemon, the screen and `downtime-kiosk reconcile` all write it, so every change is a
locked read-modify-write and the file is replaced atomically.
"""

import contextlib
import fcntl
import json
import logging
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.errors import UsageError
from print_service.storage import write_atomic
from print_service.storage.json_file import read_json_object

__all__ = ["BOOK_FILE_NAME", "ReconcileBook", "ReconcileRecord", "check_initials"]

log = logging.getLogger(__name__)

BOOK_FILE_NAME = "reconcile.json"
MAX_RECORDS = 500
_INITIALS_RE = re.compile(r"^[A-Za-z][A-Za-z.\- ]{0,7}$")


def check_initials(text: str) -> str:
    """Initials as typed (1–8 letters, dots, hyphens, spaces), trimmed; UsageError otherwise."""
    value = " ".join(text.split())
    if not _INITIALS_RE.match(value):
        raise UsageError(f"initials: expected 1 to 8 letters such as \"J.D.\", got {text!r}")
    return value


@dataclass(frozen=True, slots=True)
class ReconcileRecord:
    """What happened to one downtime's catch-up sheet."""

    printed_at: str | None = None
    prints: int = 0
    acknowledged_by: str | None = None
    acknowledged_at: str | None = None
    dismissed_at: str | None = None

    @property
    def settled(self) -> bool:
        """Printed or dismissed: the alert no longer stands."""
        return self.printed_at is not None or self.dismissed_at is not None

    def to_json(self) -> dict[str, Any]:
        """`{printed_at, prints, acknowledged_by, acknowledged_at, dismissed_at}`."""
        return {"printed_at": self.printed_at, "prints": self.prints, "acknowledged_by": self.acknowledged_by,
                "acknowledged_at": self.acknowledged_at, "dismissed_at": self.dismissed_at}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "ReconcileRecord":
        """Read back `to_json()`; unknown or wrongly typed values are dropped."""
        def text(key: str) -> str | None:
            value = data.get(key)
            return value if isinstance(value, str) else None
        prints = data.get("prints")
        return cls(text("printed_at"), prints if isinstance(prints, int) else 0, text("acknowledged_by"),
                   text("acknowledged_at"), text("dismissed_at"))


class ReconcileBook:
    """The book in `state_dir`; an unreadable file reads as empty and is replaced at the next change."""

    def __init__(self, state_dir: Path) -> None:
        self.path = state_dir / BOOK_FILE_NAME

    def records(self) -> dict[str, ReconcileRecord]:
        """Every record, by downtime key."""
        document = read_json_object(self.path)
        try:
            if document is None:
                if self.path.exists():
                    raise ValueError("unreadable, or not a JSON object")
                return {}
            rows = document["records"]
            return {str(key): ReconcileRecord.from_json(value) for key, value in rows.items()
                    if isinstance(value, dict)}
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            log.warning("%s: cannot be read (%s); treated as empty", self.path, exc)
            return {}

    def get(self, key: str) -> ReconcileRecord:
        """The record of one downtime (empty when nothing happened yet)."""
        return self.records().get(key, ReconcileRecord())

    def mark_printed(self, key: str, at: datetime) -> ReconcileRecord:
        """The sheet of `key` was printed at `at`."""
        return self._change(key, lambda r: replace(r, printed_at=_iso(at), prints=r.prints + 1))

    def acknowledge(self, key: str, initials: str, at: datetime) -> ReconcileRecord:
        """Someone typed their initials for `key`'s sheet."""
        who = check_initials(initials)
        return self._change(key, lambda r: replace(r, acknowledged_by=who, acknowledged_at=_iso(at)))

    def dismiss(self, key: str, at: datetime) -> ReconcileRecord:
        """The alert for `key` was dismissed on the screen without printing."""
        return self._change(key, lambda r: replace(r, dismissed_at=_iso(at)))

    def _change(self, key: str, how: Callable[[ReconcileRecord], ReconcileRecord]) -> ReconcileRecord:
        with self._locked():
            records = self.records()
            record = how(records.get(key, ReconcileRecord()))
            records[key] = record
            kept = dict(sorted(records.items())[-MAX_RECORDS:])
            document = {"schema": 1, "records": {k: v.to_json() for k, v in kept.items()}}
            write_atomic(self.path, (json.dumps(document, indent=1) + "\n").encode(), mode=0o644)
        return record

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # read-only is enough for flock, and works when another user (root running the CLI) made the file
        descriptor = os.open(self.path.with_name(f".{self.path.name}.lock"), os.O_RDONLY | os.O_CREAT, 0o644)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            yield
        finally:
            os.close(descriptor)  # closing releases the lock


def _iso(at: datetime) -> str:
    return at.isoformat(timespec="seconds")

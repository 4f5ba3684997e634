"""Parts read from small files other programs write: the nightly print's outcome and the alert files.

The nightly print (a systemd timer, another process) records its last outcome in
`state_dir/nightly.json`; alert files live in `state_dir/alerts/`. Both are re-read
every few seconds; an unreadable file is treated as absent, never as a crash.
"""

import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Protocol

from kiosk.state.document import Alert, NightlyBlock
from kiosk.watch.state import WatchState
from print_service.schedule.records import OUTCOMES, NightlyStore
from print_service.storage import read_json_object

__all__ = ["AlertsPart", "NightlyPart", "SetupConfigErrorPart"]

log = logging.getLogger(__name__)

class NightlyPart:
    """`state.nightly` from the nightly print's own record (`state_dir/nightly.json`), or null."""

    name = "nightly"

    def __init__(self, store: NightlyStore, interval: float = 2.0) -> None:
        self.store = store
        self.interval = interval

    def read(self) -> NightlyBlock | None:
        """The recorded outcome, or None when absent or not in the agreed shape."""
        record = self.store.last()
        return NightlyBlock.from_json(record.to_json()) if record is not None and record.outcome in OUTCOMES else None

    async def update(self, state: WatchState, now: datetime) -> bool:
        """Re-read the file; True when the outcome changed."""
        nightly = self.read()
        if nightly == state.nightly:
            return False
        state.nightly = nightly
        return True


class SetupConfigErrorPart:
    """`config.error` from `state_dir/config-error.json`, where the boot-time setup step reports a
    configuration file it refused to install ({source, error, at}; removed once a valid file is in)."""

    name = "setup_config_error"

    def __init__(self, path: Path, interval: float = 5.0) -> None:
        self.path = path
        self.interval = interval

    def read(self) -> tuple[str, str] | None:
        """(source, error), or None when there is no report or it is not in the agreed shape."""
        data = read_json_object(self.path)
        if data is None or not data.get("error"):
            return None
        return str(data.get("source") or ""), str(data["error"])

    async def update(self, state: WatchState, now: datetime) -> bool:
        """Re-read the report; True when it appeared, changed or went away."""
        report = self.read()
        if report == state.setup_config_error:
            return False
        state.setup_config_error = report
        return True


class AlertLike(Protocol):
    """What an alert store hands out: a kind, since when, a message."""

    @property
    def kind(self) -> str:
        """What the alert is about ("nightly_print", …)."""

    @property
    def since(self) -> object:
        """When it was raised (datetime or ISO text)."""

    @property
    def message(self) -> str:
        """Plain words, no PHI."""


class AlertsPart:
    """`state.file_alerts` from the alert store of `state_dir/alerts/`."""

    name = "alerts"

    def __init__(self, active: Callable[[], Sequence[AlertLike]], interval: float = 2.0) -> None:
        self._active = active
        self.interval = interval

    async def update(self, state: WatchState, now: datetime) -> bool:
        """Re-read the alert files; True when the set changed."""
        alerts = [Alert(str(a.kind), _iso(a.since), str(a.message)) for a in self._active()]
        if alerts == state.file_alerts:
            return False
        before, after = {a.kind for a in state.file_alerts}, {a.kind: a for a in alerts}
        for kind in sorted(set(after) - before):
            log.warning("alert: %s", after[kind].message, extra={"EVENT": "alert", "KIND": kind})
        for kind in sorted(before - set(after)):
            log.info("alert cleared: %s", kind, extra={"EVENT": "alert_cleared", "KIND": kind})
        state.file_alerts = alerts
        return True


def _iso(value: object) -> str:
    return value.isoformat(timespec="seconds") if isinstance(value, datetime) else str(value)


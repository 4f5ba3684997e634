"""The daemon's picture of the world and the one JSON document the screen reads (state.json).

Everything the screen needs is here and nothing else: the status engine's snapshot
(the same keys as `status --json`), since when the level holds, what the LED shows, the
printer in plain words, the schedule's freshness (counts only, never PHI), the nightly
print's outcome, the standing alerts, the recent downtime log and the configuration's
health. `document()` is pure; the publisher adds the heartbeat and writes it.
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from kiosk.led.scene import LedView
from kiosk.led.table import level_color

__all__ = ["SCHEMA", "Alert", "WatchState", "placeholder_status"]

SCHEMA = 1
DOWNTIME_LOG_LIMIT = 20

JSON = dict[str, Any]


def placeholder_status(headline: str = "Checking ICANotes…") -> JSON:
    """The status keys before any snapshot exists: level unknown, stale, nothing probed yet."""
    unprobed = {"ok": None, "http_status": None, "error": "not checked yet", "elapsed_ms": None}
    return {
        "level": "unknown", "headline": headline, "checked_at": None, "stale": True,
        "page": {"name": None, "status": None}, "components": [], "incidents": [], "maintenances": [],
        "probes": {name: dict(unprobed) for name in ("status_page", "ehr", "upload", "internet")},
        "guidance": [], "related": [],
    }


def no_printer() -> JSON:
    """The printer block before the queue has been asked."""
    return {"queue": None, "state": "unreachable", "message": "Checking the printer…", "can_resume": False,
            "jobs": []}


def no_schedule() -> JSON:
    """The schedule block when no schedule cache is configured or read yet."""
    return {"source": None, "fetched_at": None, "count": 0, "stale": False, "error": None}


@dataclass(frozen=True, slots=True)
class Alert:
    """A standing problem staff or IT must act on (no PHI): its kind, since when, in plain words."""

    kind: str
    since: str
    message: str

    def to_json(self) -> JSON:
        """The alert as state.json lists it."""
        return {"kind": self.kind, "since": self.since, "message": self.message}


@dataclass
class WatchState:
    """The daemon's current knowledge, one field per block of state.json."""

    config_source: str
    status: JSON = field(default_factory=placeholder_status)
    level_since: str | None = None
    led: LedView = field(default_factory=lambda: LedView("unknown", None, level_color("unknown")))
    printer: JSON = field(default_factory=no_printer)
    schedule: JSON = field(default_factory=no_schedule)
    nightly: JSON | None = None
    file_alerts: list[Alert] = field(default_factory=list)
    own_alerts: dict[str, Alert] = field(default_factory=dict)
    downtime_log: list[JSON] = field(default_factory=list)
    reconcile: JSON = field(default_factory=lambda: {"pending": None})
    drill: JSON = field(default_factory=lambda: {"active": False, "level": None, "until": None})
    config_error: str | None = None
    setup_config_error: tuple[str, str] | None = None  # (source, error) the boot-time setup left

    @property
    def level(self) -> str:
        """The level the status engine decided (unknown before the first snapshot)."""
        return str(self.status.get("level", "unknown"))

    def raise_alert(self, kind: str, message: str, now: datetime) -> bool:
        """Stand one of the daemon's own alerts (kept with its first `since`); True when it changed."""
        current = self.own_alerts.get(kind)
        if current is not None and current.message == message:
            return False
        since = current.since if current is not None else now.isoformat(timespec="seconds")
        self.own_alerts[kind] = Alert(kind, since, message)
        return True

    def clear_alert(self, kind: str) -> bool:
        """Clear one of the daemon's own alerts; True when one stood."""
        return self.own_alerts.pop(kind, None) is not None

    def alerts(self) -> list[Alert]:
        """Alert files first (oldest first), then the daemon's own; one per kind."""
        own_kinds = set(self.own_alerts)
        merged = [alert for alert in self.file_alerts if alert.kind not in own_kinds]
        return sorted(merged, key=lambda a: a.since) + sorted(self.own_alerts.values(), key=lambda a: a.since)

    def document(self) -> JSON:
        """state.json without the schema and heartbeat (the publisher adds those)."""
        return {
            **self.status,
            "level_since": self.level_since,
            "led": self.led.to_json(),
            "printer": self.printer,
            "schedule": self.schedule,
            "nightly": self.nightly,
            "alerts": [alert.to_json() for alert in self.alerts()],
            "downtime_log": self.downtime_log[:DOWNTIME_LOG_LIMIT],
            "reconcile": self.reconcile,
            "drill": self.drill,
            "config": self._config_block(),
        }

    def _config_block(self) -> JSON:
        """The daemon's own finding first, else what the setup step reported, else all well."""
        if self.config_error is None and self.setup_config_error is not None:
            source, error = self.setup_config_error
            return {"source": source, "error": error}
        return {"source": self.config_source, "error": self.config_error}

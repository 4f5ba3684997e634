"""The daemon's picture of the world, from which it builds the one document the screen reads (state.json).

Each field is a typed block of `kiosk.state.document`; the parts replace them as the world
changes. `document()` is pure; the publisher adds the heartbeat and writes it.
"""

from dataclasses import dataclass, field
from datetime import datetime

from kiosk.led.scene import LedView
from kiosk.led.table import level_color
from kiosk.state.document import (
    Alert,
    ConfigBlock,
    DrillBlock,
    LogEntry,
    NightlyBlock,
    PrinterBlock,
    ReconcileBlock,
    ScheduleBlock,
    StateDocument,
    placeholder_status,
)
from kiosk.status.snapshot import StatusSnapshot

__all__ = ["DOWNTIME_LOG_LIMIT", "Alert", "WatchState"]

DOWNTIME_LOG_LIMIT = 20


@dataclass
class WatchState:
    """The daemon's current knowledge, one field per block of state.json."""

    config_source: str
    status: StatusSnapshot = field(default_factory=placeholder_status)
    level_since: str | None = None
    led: LedView = field(default_factory=lambda: LedView("unknown", None, level_color("unknown")))
    printer: PrinterBlock = field(default_factory=PrinterBlock)
    schedule: ScheduleBlock = field(default_factory=ScheduleBlock)
    nightly: NightlyBlock | None = None
    file_alerts: list[Alert] = field(default_factory=list)
    own_alerts: dict[str, Alert] = field(default_factory=dict)
    downtime_log: tuple[LogEntry, ...] = ()
    reconcile: ReconcileBlock = field(default_factory=ReconcileBlock)
    drill: DrillBlock = field(default_factory=DrillBlock)
    config_error: str | None = None
    setup_config_error: tuple[str, str] | None = None  # (source, error) the boot-time setup left

    @property
    def level(self) -> str:
        """The level the status engine decided (unknown before the first snapshot)."""
        return self.status.level.value

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

    def document(self) -> StateDocument:
        """state.json without the heartbeat (the publisher adds it)."""
        return StateDocument(
            config=self._config_block(),
            status=self.status,
            level_since=self.level_since,
            led=self.led,
            printer=self.printer,
            schedule=self.schedule,
            nightly=self.nightly,
            alerts=tuple(self.alerts()),
            downtime_log=self.downtime_log[:DOWNTIME_LOG_LIMIT],
            reconcile=self.reconcile,
            drill=self.drill,
        )

    def _config_block(self) -> ConfigBlock:
        """The daemon's own finding first, else what the setup step reported, else all well."""
        if self.config_error is None and self.setup_config_error is not None:
            source, error = self.setup_config_error
            return ConfigBlock(source, error)
        return ConfigBlock(self.config_source, self.config_error)

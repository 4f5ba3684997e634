"""The status engine: probe the vendor, decide the level, say what staff must do.

Pure core: `level`, `report`, `providers/` (payload parsers), `page_signals`, `decide`,
`guidance`, `snapshot`. Adapters: `fetch` (httpx), `probe` (one poll), `monitor` (the
long-running poller), `downtime_log` and `snapshot_store` (files in `state_dir`).
"""

from kiosk.status.downtime_log import DowntimeLog, DowntimeWindow
from kiosk.status.level import Level, exit_code_for
from kiosk.status.monitor import StatusMonitor, unknown_snapshot
from kiosk.status.probe import probe_once
from kiosk.status.settings import StatusSettings
from kiosk.status.snapshot import PageSummary, ProbeResult, Probes, StatusSnapshot

__all__ = [
    "DowntimeLog",
    "DowntimeWindow",
    "Level",
    "PageSummary",
    "ProbeResult",
    "Probes",
    "StatusMonitor",
    "StatusSettings",
    "StatusSnapshot",
    "exit_code_for",
    "probe_once",
    "unknown_snapshot",
]

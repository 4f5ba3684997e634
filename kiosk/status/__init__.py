"""The status engine: probe the vendor, decide the level, say what staff must do.

Pure core: `level`, `report`, `providers/` (payload parsers), `page_signals`, `decide`,
`guidance`, `snapshot`. Adapters: `fetch` (httpx), `probe` (one poll), `monitor` (the
long-running poller), `downtime_log` and `snapshot_store` (files in `state_dir`).

This package exports only pure names, so importing it (or `decide`) never loads httpx; import the
adapters from their own modules.
"""

from kiosk.status.level import Level, exit_code_for
from kiosk.status.settings import StatusSettings
from kiosk.status.snapshot import PageSummary, ProbeResult, Probes, StatusSnapshot

__all__ = [
    "Level",
    "PageSummary",
    "ProbeResult",
    "Probes",
    "StatusSettings",
    "StatusSnapshot",
    "exit_code_for",
]

"""Where the appliance keeps what it writes (the `[paths]` section of the configuration)."""

from dataclasses import dataclass
from pathlib import Path

__all__ = ["AppPaths"]


@dataclass(frozen=True, slots=True)
class AppPaths:
    """The three places the appliance writes to; nothing is written anywhere else.

    `state_dir` survives reboots (cache, downtime log, alerts, print records);
    `runtime_dir` holds the live state file; `key_file` is the schedule cache's key,
    kept apart from the data it protects.
    """

    state_dir: Path
    runtime_dir: Path
    key_file: Path

    @property
    def alerts_dir(self) -> Path:
        """Small JSON alert files (kind, since, message; no PHI), removed when resolved."""
        return self.state_dir / "alerts"

    @property
    def state_file(self) -> Path:
        """The watch daemon's one published state file, read by the screen."""
        return self.runtime_dir / "state.json"

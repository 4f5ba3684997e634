"""The configuration-problem alert: the file on disk no longer validates (or never did).

The daemon keeps running on the configuration it started with; when the file changes it
is validated again, and a mistake stands as a `config` alert until it is fixed. A valid
change is logged with a reminder to restart the service to apply it.
"""

import logging
from datetime import datetime
from pathlib import Path

from kiosk.config import load_config
from kiosk.errors import ConfigError
from kiosk.watch.state import WatchState

__all__ = ["ConfigPart"]

log = logging.getLogger(__name__)


class ConfigPart:
    """Watches the configuration file's modification time and re-validates it on change."""

    name = "config"

    def __init__(self, path: Path | None, interval: float = 5.0) -> None:
        self.path = path
        self.interval = interval
        self._stamp = self._read_stamp()

    def _read_stamp(self) -> tuple[float, int] | None:
        if self.path is None:
            return None
        try:
            info = self.path.stat()
        except OSError:
            return None
        return info.st_mtime, info.st_size

    async def update(self, state: WatchState, now: datetime) -> bool:
        """Re-validate when the file changed; True when the alert appeared, changed or cleared."""
        stamp = self._read_stamp()
        if stamp == self._stamp or self.path is None:
            return False
        self._stamp = stamp
        try:
            load_config(self.path)
        except ConfigError as exc:
            log.error("configuration problem: %s", exc, extra={"EVENT": "alert", "KIND": "config"})
            return set_config_error(state, str(exc), now)
        log.info("the configuration file changed and is valid; restart the service to apply it",
                 extra={"EVENT": "config_changed"})
        return set_config_error(state, None, now)


def set_config_error(state: WatchState, error: str | None, now: datetime) -> bool:
    """Record (or clear) the configuration problem in the state and its alert."""
    changed = state.config_error != error
    state.config_error = error
    if error is None:
        return state.clear_alert("config") or changed
    message = "The configuration file has a mistake; the box runs on its last good settings. Call IT."
    return state.raise_alert("config", message, now) or changed

"""The schedule refresh run in a short-lived child process (`downtime-kiosk schedule fetch`), so that the
calendar parsers (icalendar, recurring-ical-events) and the heap a parse leaves behind never stay in the
long-running daemon: on a 512 MB Pi the daemon's resident size is what counts, a child's peak is gone a second
later. The child reads the same configuration file, writes the same encrypted cache under the same lock, and
says what went wrong in the same PHI-safe one-line message on stderr.

When the file on disk is not the configuration the daemon runs with (a bad edit, which the daemon refuses and
keeps the last good one), the child would refuse it too: then the refresh runs in the daemon as before."""

import logging
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from print_service.exit_codes import ExitCode
from print_service.schedule.cache import ScheduleCache

__all__ = ["ChildRefresh", "RefreshOutcome"]

log = logging.getLogger(__name__)

PREFIX = "downtime-kiosk: "


@dataclass(frozen=True)
class RefreshOutcome:
    """Whether the refresh stored a new copy, and why not (one line, no PHI)."""

    ok: bool
    error: str | None = None


class ChildRefresh:
    """Calls `downtime-kiosk --config FILE schedule fetch` and reads its exit status and last stderr line."""

    def __init__(self, config_file: Path, cache: ScheduleCache, *, timeout_seconds: float = 600.0) -> None:
        self.config_file = config_file
        self.cache = cache
        self.timeout_seconds = timeout_seconds

    def __call__(self) -> RefreshOutcome:
        """Refresh once; blocking (the schedule part runs it off the loop)."""
        command = [sys.executable, "-m", "kiosk", "--config", str(self.config_file), "schedule", "fetch"]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=self.timeout_seconds,
                                  check=False, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            return RefreshOutcome(False, f"the schedule fetch took longer than {self.timeout_seconds:.0f} s")
        except OSError as exc:
            log.warning("could not start the schedule fetch (%s); fetching in the daemon", exc.strerror)
            return self._in_process()
        if done.returncode == 0:
            return RefreshOutcome(True)
        if done.returncode == ExitCode.CONFIG:
            return self._in_process()
        return RefreshOutcome(False, _last_message(done.stderr) or f"the schedule fetch failed ({done.returncode})")

    def _in_process(self) -> RefreshOutcome:
        result = self.cache.refresh()
        return RefreshOutcome(result.ok, result.error)


def _last_message(stderr: str) -> str | None:
    """The command's own one-line error; anything else (a traceback could quote data) is not passed on."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    return lines[-1][len(PREFIX):] if lines and lines[-1].startswith(PREFIX) else None

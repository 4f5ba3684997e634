"""The schedule refresh run in a short-lived child process (`downtime-kiosk schedule fetch`), so that the
calendar parsers (icalendar, recurring-ical-events) and the heap a parse leaves behind do not stay in the
long-running daemon: on a 512 MB Pi the daemon's resident size is what counts, a child's peak is gone a second
later. The child reads the same configuration file, writes the same encrypted cache under the same lock, and
says what went wrong in the same PHI-safe one-line message on stderr; its warnings are logged again by the
daemon (they reach the journal as the daemon's, without their structured fields).

The refresh runs in the daemon instead whenever the child would not use the daemon's own settings: the file
changed since the daemon read it (the daemon applies a new configuration only when restarted), or the child
refuses it (exit 78), or the child cannot be started."""

import hashlib
import logging
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from print_service.exit_codes import ExitCode
from print_service.schedule.cache import RefreshResult, ScheduleCache

__all__ = ["ChildRefresh", "RefreshOutcome"]

log = logging.getLogger(__name__)

PREFIX = "downtime-kiosk: "
_LOG_LINE = (f"{PREFIX}WARNING: ", f"{PREFIX}ERROR: ", f"{PREFIX}CRITICAL: ")


@dataclass(frozen=True)
class RefreshOutcome:
    """Whether the refresh stored a new copy, and why not (one line, no PHI)."""

    ok: bool
    error: str | None = None

    @classmethod
    def of(cls, result: RefreshResult) -> "RefreshOutcome":
        """The outcome of an in-process `ScheduleCache.refresh()`."""
        return cls(result.ok, result.error)


def file_digest(path: Path) -> str | None:
    """The SHA-256 of a file's bytes (None when it cannot be read)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


class ChildRefresh:
    """Calls `downtime-kiosk --config FILE schedule fetch` and reads its exit status and stderr."""

    def __init__(self, config_file: Path, cache: ScheduleCache, *, loaded_digest: str | None = None,
                 timeout_seconds: float = 600.0) -> None:
        self.config_file = config_file
        self.cache = cache
        self.loaded_digest = loaded_digest if loaded_digest is not None else file_digest(config_file)
        self.timeout_seconds = timeout_seconds

    def __call__(self) -> RefreshOutcome:
        """Refresh once; blocking (the schedule part runs it off the loop)."""
        if file_digest(self.config_file) != self.loaded_digest:
            return RefreshOutcome.of(self.cache.refresh())
        done = self._run()
        return done if isinstance(done, RefreshOutcome) else self._read(done)

    def _run(self) -> "subprocess.CompletedProcess[str] | RefreshOutcome":
        command = [sys.executable, "-m", "kiosk", "--config", str(self.config_file), "schedule", "fetch"]
        try:
            return subprocess.run(command, capture_output=True, text=True, errors="replace", check=False,
                                  timeout=self.timeout_seconds, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            return self._failed(f"the schedule fetch took longer than {self.timeout_seconds:.0f} s; stopped")
        except OSError as exc:
            log.warning("could not start the schedule fetch (%s); fetching in the daemon", exc.strerror)
            return RefreshOutcome.of(self.cache.refresh())

    def _read(self, done: "subprocess.CompletedProcess[str]") -> RefreshOutcome:
        _relog(done.stderr)
        if done.returncode == 0:
            return RefreshOutcome(True)
        if done.returncode == ExitCode.CONFIG:
            return RefreshOutcome.of(self.cache.refresh())
        error = _last_message(done.stderr)
        if error is None:  # it did not end with its own line (a crash): its cache status says nothing yet
            return self._failed(f"the schedule fetch ended unexpectedly (exit {done.returncode})")
        return RefreshOutcome(False, error)

    def _failed(self, message: str) -> RefreshOutcome:
        self.cache.note_failure(message)
        return RefreshOutcome(False, message)


def _relog(stderr: str) -> None:
    """The child's own warnings, logged again here (a traceback's lines are not: they could quote data)."""
    for line in stderr.splitlines():
        if line.startswith(_LOG_LINE):
            log.warning("schedule fetch: %s", line.split(": ", 2)[2])


def _last_message(stderr: str) -> str | None:
    """The command's own one-line error; anything else (a traceback could quote data) is not passed on."""
    lines = [line.strip() for line in stderr.splitlines()
             if line.strip().startswith(PREFIX) and not line.startswith(_LOG_LINE)]
    return lines[-1][len(PREFIX):] if lines else None

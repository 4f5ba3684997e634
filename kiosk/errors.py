"""The exception tree of `kiosk`.

::

    DowntimeKioskError               (exit 1)
    ├── ConfigError                  (exit 78; also ValueError) names the file, the key, what was expected
    ├── UsageError                   (exit 64; also ValueError) a bad argument or unknown name
    ├── ProbeError                   one probe of the status engine failed (timeout, refused, bad payload)
    └── HardwareError                the LED or button cannot be driven

Errors from `print_service` have their own root (`print_service.errors.PrintServiceError`);
both carry an `exit_code` that the CLI returns.
"""

from print_service.exit_codes import ExitCode

__all__ = ["ConfigError", "DowntimeKioskError", "HardwareError", "ProbeError", "UsageError"]


class DowntimeKioskError(Exception):
    """Root of every error `kiosk` raises on purpose."""

    exit_code: ExitCode = ExitCode.FAILED


class ConfigError(DowntimeKioskError, ValueError):
    """The configuration file is missing, unreadable or has a bad value.

    The message is always one line: `FILE: section.key: expected …, got …`.
    """

    exit_code = ExitCode.CONFIG


class UsageError(DowntimeKioskError, ValueError):
    """The command line asked for something that does not exist or does not fit."""

    exit_code = ExitCode.USAGE


class ProbeError(DowntimeKioskError):
    """One probe failed; `retry_after` asks the poller to wait longer once (429, 503)."""

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class HardwareError(DowntimeKioskError):
    """GPIO hardware (LED, button) cannot be used."""

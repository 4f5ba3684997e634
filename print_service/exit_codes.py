"""The exit codes every `downtime-kiosk` command uses, shared by both packages.

They live in the lower package so that `print_service` errors can say which code they
mean without importing `kiosk`. The values follow BSD's sysexits where one fits.
"""

from enum import IntEnum

__all__ = ["ExitCode"]


class ExitCode(IntEnum):
    """Why a command ended; `status` alone uses 0-3 for the level instead."""

    OK = 0
    FAILED = 1
    USAGE = 64
    UNAVAILABLE = 69
    CONFIG = 78

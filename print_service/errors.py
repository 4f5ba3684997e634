"""The exception tree of `print_service`.

::

    PrintServiceError                 (exit 1, the operation failed)
    ├── UnknownNameError              (exit 64: an unknown form id, queue or date; also ValueError)
    ├── ServiceUnavailableError       (exit 69: cupsd or another service cannot be reached)
    ├── PrintFailedError              (exit 1: a job that cannot complete)
    │   └── PrinterNotReadyError      (exit 1: out of paper, paused queue — may print later)
    └── ScheduleError                 (exit 1: a schedule source or cache problem)

Every error carries `user_message`, plain words a receptionist can act on, apart from
`str()`, which is for the log and the IT person. Neither may contain PHI.

`transient` sorts them for anything that retries (the nightly print): a transient error
(cupsd down, a printer out of paper or paused) may go away by itself, so it is worth
waiting for; every other error needs a person to change something, so retrying only
delays the alert.
"""

from typing import ClassVar

from print_service.exit_codes import ExitCode

__all__ = [
    "PrintFailedError",
    "PrintServiceError",
    "PrinterNotReadyError",
    "ScheduleError",
    "ServiceUnavailableError",
    "UnknownNameError",
]


class PrintServiceError(Exception):
    """Root of every error `print_service` raises on purpose."""

    exit_code: ExitCode = ExitCode.FAILED
    transient: ClassVar[bool] = False

    def __init__(self, message: str, *, user_message: str | None = None) -> None:
        super().__init__(message)
        self.user_message = user_message or message


class UnknownNameError(PrintServiceError, ValueError):
    """A form id, queue name or date that does not exist."""

    exit_code = ExitCode.USAGE


class ServiceUnavailableError(PrintServiceError, ConnectionError):
    """A service we need (cupsd, a schedule URL) cannot be reached."""

    exit_code = ExitCode.UNAVAILABLE
    transient = True


class PrintFailedError(PrintServiceError):
    """A print job that cannot complete; `user_message` says why in plain words."""


class PrinterNotReadyError(PrintFailedError):
    """The printer cannot take the job now but may later: out of paper, a paused or rejecting queue."""

    transient = True


class ScheduleError(PrintServiceError):
    """A schedule source, or the local schedule cache, could not be used.

    Its text goes through the schedule's one PHI-safe message path (one capped line, URLs cut
    to scheme and host) whoever raises it, since it ends up in files, the journal and the screen.
    """

    def __init__(self, message: str, *, user_message: str | None = None) -> None:
        from print_service.schedule.messages import safe_message  # lazy: the schedule package imports this module

        super().__init__(safe_message(message),
                         user_message=safe_message(user_message) if user_message is not None else None)

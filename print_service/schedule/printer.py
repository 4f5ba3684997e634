"""The schedule's way to paper: PrintService jobs that either print or are taken back.

A schedule or a pre-filled note holds PHI: it goes to a CUPS queue only (never to the
output folder), under a name with the kind and the time. A job that cannot print now is
cancelled (and purged from cupsd's history) rather than left in a stopped queue, so it
never comes out hours later, unattended, or twice after the retries; a stopped queue is
resumed before each attempt (the printer may have been fixed without anyone pressing Resume).
"""

import logging
from collections.abc import Callable
from datetime import datetime

from print_service.errors import PrinterNotReadyError, PrintFailedError, ServiceUnavailableError
from print_service.printing import job_title
from print_service.printing.service import PrintService
from print_service.schedule.nightly import PrintDocument

__all__ = ["cups_document_printer"]

_log = logging.getLogger(__name__)


def cups_document_printer(service: PrintService, *, now: Callable[[], datetime]) -> PrintDocument:
    """A `PrintDocument` that submits to `service` and follows the job to its end.

    Returns True once printed, False when the job was accepted but was still printing when
    `printing.job_timeout_seconds` ran out (it is on its way and is not repeated). Raises
    PrinterNotReadyError (transient) when the printer cannot take it now, and the other
    PrintServiceErrors as they come (an unknown queue, cupsd down …).
    """

    def print_document(document: bytes, kind: str) -> bool:
        _resume_if_stopped(service)
        job = service.submit(document, title=job_title(kind, now()), contains_phi=True)
        outcome = service.wait(job)
        if outcome.ok:
            return True
        if outcome.state == "printing":
            _log.warning("job %s on %s still printing after the wait: %s", job.title, job.queue, outcome.message)
            return False
        if outcome.state == "queued":
            service.cancel(job)
            raise PrinterNotReadyError(f"job {job.title} on {job.queue}: the queue stopped: {outcome.message}",
                                       user_message=outcome.message)
        raise PrintFailedError(f"job {job.title} on {job.queue}: {outcome.state}: {outcome.message}",
                               user_message=outcome.message)

    return print_document


def _resume_if_stopped(service: PrintService) -> None:
    status = service.queue_status()
    if status.state == "unreachable":
        raise ServiceUnavailableError("cupsd cannot be reached", user_message=status.message)
    if status.state == "stopped" and status.can_resume:
        _log.info("resuming stopped queue %s before printing", status.name)
        service.resume(status.name)

"""PrintService: send a PDF to a CUPS queue (or the output folder), follow it, resume a queue.

Bytes are streamed to cupsd over IPP (Create-Job, Send-Document), so a document with
patient details never exists as a file on this machine. Every call opens its own short
connection, so the service may be used from any thread.
"""

import contextlib
import time
from collections.abc import Callable
from pathlib import Path

import cups

from print_service.errors import PrinterNotReadyError, PrintFailedError, ServiceUnavailableError, UnknownNameError
from print_service.printing.connection import connect, cups_server, translate_ipp_error
from print_service.printing.model import JobOutcome, QueueStatus, SubmittedJob
from print_service.printing.options import job_options
from print_service.printing.output_folder import write_to_folder
from print_service.printing.settings import PrintingSettings
from print_service.printing.titles import check_title
from print_service.printing.words import (
    CUPSD_DOWN,
    JOB_PROCESSING,
    NOT_ACCEPTING,
    PRINTER_PROCESSING,
    PRINTER_STOPPED,
    STAYS_QUEUED,
    STILL_QUEUED,
    job_words,
    normalise_reasons,
    outcome_state,
    printer_words,
    reason_words,
)

__all__ = ["PrintService"]

_CHUNK = 64 * 1024
_PRINTER_ATTRS = ["printer-name", "printer-state", "printer-state-reasons", "printer-is-accepting-jobs",
                  "printer-info", "printer-state-message"]
_JOB_ATTRS = ["job-state", "job-state-reasons", "job-printer-uri"]


class PrintService:
    """Printing for the whole appliance (CLI, button, nightly schedule).

    >>> service = PrintService(config.get(PrintingSettings))
    >>> job = service.submit(pdf_bytes, title=job_title("therapist-note", now))
    >>> service.wait(job).message
    'Printed'
    """

    def __init__(self, settings: PrintingSettings, *, server: str | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings = settings
        self.server = cups_server(server)
        self._clock = clock
        self._sleep = sleep

    # -- where jobs go -------------------------------------------------------------------
    def uses_folder(self, printer: str | None = None) -> bool:
        """Whether a job for `printer` is written to `printing.output_dir` instead of CUPS."""
        return self.settings.output_dir is not None and not printer

    def resolve_queue(self, printer: str | None = None) -> str:
        """The queue a job would go to: `printer`, else `printing.printer`, else the CUPS default.

        Raises UnknownNameError when that queue does not exist (or no default is set).
        """
        with connect(self.server) as connection:
            return self._resolve(connection, printer)

    def _resolve(self, connection: "cups.Connection", printer: str | None) -> str:
        name = printer or self.settings.printer or connection.getDefault()
        if not name:
            raise UnknownNameError("no printer: printing.printer is not set and CUPS has no default printer "
                                   "(set printing.printer, or run lpadmin -d QUEUE)",
                                   user_message="No printer is set up on this kiosk — call IT")
        known = connection.getPrinters()
        if name not in known:
            listed = ", ".join(sorted(known)) or "none"
            raise UnknownNameError(f"unknown printer queue {name!r} (queues: {listed}; check printing.printer)",
                                   user_message=f"There is no printer called {name} — call IT")
        return str(name)

    # -- submitting ----------------------------------------------------------------------
    def submit(self, document: bytes | Path, *, title: str, copies: int = 1, printer: str | None = None,
               contains_phi: bool = False) -> SubmittedJob:
        """Send one PDF; returns as soon as cupsd accepted the job (or the file is written).

        `title` must be a name made by `job_title` ("<form-id>_<YYYY-MM-DDTHH-MM-SS>"). Set
        `contains_phi` for documents with patient details: they are never written to the
        output folder.
        """
        check_title(title)
        if copies < 1:
            raise UnknownNameError(f"copies must be 1 or more, got {copies}")
        if self.uses_folder(printer):
            assert self.settings.output_dir is not None
            return write_to_folder(self.settings.output_dir, document, title=title, copies=copies,
                                   contains_phi=contains_phi)
        data = document if isinstance(document, bytes) else _read_pdf(document)
        with connect(self.server) as connection:
            queue = self._resolve(connection, printer)
            job_id = self._create(connection, queue, title, copies)
            try:
                _stream(connection, queue, job_id, title, data)
            except BaseException:
                _cancel_quietly(connection, job_id)
                raise
        return SubmittedJob(id=str(job_id), title=title, queue=queue, copies=copies)

    def _create(self, connection: "cups.Connection", queue: str, title: str, copies: int) -> int:
        try:
            return int(connection.createJob(queue, title, job_options(self.settings, copies)))
        except cups.IPPError as exc:
            if exc.args and exc.args[0] == cups.IPP_NOT_ACCEPTING:
                raise PrinterNotReadyError(f"queue {queue} is not accepting jobs (cupsaccept {queue})",
                                           user_message=NOT_ACCEPTING) from None
            raise translate_ipp_error(exc, f"create a job on {queue}") from None

    def cancel(self, job: SubmittedJob) -> None:
        """Cancel a CUPS job (used to undo a half-sent packet)."""
        if job.cups_id is not None:
            with connect(self.server) as connection:
                _cancel_quietly(connection, job.cups_id)

    # -- following -----------------------------------------------------------------------
    def outcome(self, job: SubmittedJob) -> JobOutcome | None:
        """One look at a job: its end state, or None while it may still print."""
        current = self.job_status(job)
        return current if current.final else None

    def job_status(self, job: SubmittedJob) -> JobOutcome:
        """One look at a job, always answered: "queued" or "printing" while it is still going.

        For the screen's job list; a job CUPS no longer knows is reported "completed".
        """
        if job.cups_id is None:
            return JobOutcome(job, "completed", f"Saved as {job.path}")
        with connect(self.server) as connection:
            return self._look(connection, job)

    def _look(self, connection: "cups.Connection", job: SubmittedJob) -> JobOutcome:
        try:
            attrs = connection.getJobAttributes(job.cups_id, requested_attributes=_JOB_ATTRS)
        except cups.IPPError as exc:
            if exc.args and exc.args[0] == cups.IPP_NOT_FOUND:
                return JobOutcome(job, "completed", "Finished (no longer in the print queue)")
            raise translate_ipp_error(exc, f"report on job {job.id}") from None
        job_state = int(attrs.get("job-state", 0))
        printer = self._printer_status(connection, job.queue) if job.queue else None
        end = outcome_state(job_state, printer.state_number if printer else None)
        if end is None:
            going = "printing" if job_state == JOB_PROCESSING else "queued"
            return JobOutcome(job, going, job_words(job_state), final=False)
        if end == "queued":
            reason = printer.message if printer and printer.state_number == PRINTER_STOPPED else job_words(job_state)
            return JobOutcome(job, end, f"{reason}. {STAYS_QUEUED}")
        message = job_words(job_state)
        if end == "failed" and printer and printer.problem:
            message = f"{message}: {printer.problem}"
        return JobOutcome(job, end, message)

    def wait(self, job: SubmittedJob, timeout: float | None = None) -> JobOutcome:
        """Follow a job until it completes or cannot complete, at most `timeout` seconds.

        Default timeout: `printing.job_timeout_seconds`. Returns as soon as the queue is
        stopped (the job stays queued), the job is cancelled or aborted, or it printed.
        """
        if job.cups_id is None:
            return JobOutcome(job, "completed", f"Saved as {job.path}")
        limit = self.settings.job_timeout_seconds if timeout is None else timeout
        deadline = self._clock() + limit
        pause = 0.05
        with connect(self.server) as connection:
            while True:
                outcome = self._look(connection, job)
                if outcome.final:
                    return outcome
                if self._clock() >= deadline:
                    return JobOutcome(job, "printing",
                                      f"The printer has not finished after {limit:g} seconds. {STILL_QUEUED}")
                self._sleep(pause)
                pause = min(pause * 1.5, 0.5)

    # -- queues --------------------------------------------------------------------------
    def queues(self) -> list[QueueStatus]:
        """Every CUPS queue with its state in plain words (ServiceUnavailableError if cupsd is down)."""
        with connect(self.server) as connection:
            default = connection.getDefault()
            printers = connection.getPrinters()
            return [_status(name, attrs, default) for name, attrs in sorted(printers.items())]

    def queue_status(self, name: str | None = None) -> QueueStatus:
        """The queue jobs go to (or `name`), for the screen; "unreachable" when cupsd is down.

        In output-folder mode with no `name`, state "file". Raises UnknownNameError for a
        queue that does not exist.
        """
        if self.uses_folder(name):
            return QueueStatus(None, "file", f"Printing to files in {self.settings.output_dir} (no printer is used)")
        try:
            with connect(self.server) as connection:
                return self._printer_status(connection, self._resolve(connection, name)).status
        except ServiceUnavailableError:
            return QueueStatus(name or self.settings.printer or None, "unreachable", CUPSD_DOWN)

    def _printer_status(self, connection: "cups.Connection", queue: str) -> "_Printer":
        try:
            attrs = connection.getPrinterAttributes(queue, requested_attributes=_PRINTER_ATTRS)
        except cups.IPPError as exc:
            raise translate_ipp_error(exc, f"report on queue {queue}") from None
        return _Printer(_status(queue, attrs, connection.getDefault()), int(attrs.get("printer-state", 0)))

    def resume(self, queue: str | None = None) -> QueueStatus:
        """Start a stopped queue and let it take jobs again (cupsenable + cupsaccept)."""
        with connect(self.server) as connection:
            name = self._resolve(connection, queue)
            try:
                connection.enablePrinter(name)
                connection.acceptJobs(name)
            except cups.IPPError as exc:
                raise translate_ipp_error(exc, f"resume queue {name}") from None
            return self._printer_status(connection, name).status


class _Printer:
    """A queue's status plus the raw IPP state, for deciding job outcomes."""

    def __init__(self, status: QueueStatus, state_number: int) -> None:
        self.status = status
        self.state_number = state_number

    @property
    def message(self) -> str:
        return self.status.message

    @property
    def problem(self) -> str | None:
        return reason_words(self.status.reasons)


def _status(name: str, attrs: dict[str, object], default: str | None) -> QueueStatus:
    state = int(attrs.get("printer-state", 0))  # type: ignore[call-overload]
    reasons = normalise_reasons(attrs.get("printer-state-reasons"))
    accepting = bool(attrs.get("printer-is-accepting-jobs", True))
    words = {PRINTER_STOPPED: "stopped", PRINTER_PROCESSING: "printing"}.get(state, "idle")
    return QueueStatus(
        name=name, state=words, message=printer_words(state, reasons, accepting),
        can_resume=state == PRINTER_STOPPED or not accepting, accepting=accepting, reasons=reasons,
        is_default=name == default, description=str(attrs.get("printer-info") or ""),
    )


def _read_pdf(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise PrintFailedError(f"cannot read {path}: {exc.strerror}",
                               user_message="The form file cannot be read — call IT") from None


def _stream(connection: "cups.Connection", queue: str, job_id: int, title: str, data: bytes) -> None:
    try:
        connection.startDocument(queue, job_id, title, "application/pdf", 1)
        view = memoryview(data)
        for start in range(0, len(data), _CHUNK):
            chunk = bytes(view[start:start + _CHUNK])
            connection.writeRequestData(chunk, len(chunk))
        status = connection.finishDocument(queue)
    except cups.IPPError as exc:
        raise translate_ipp_error(exc, f"send job {job_id} to {queue}") from None
    if status not in (0, 1):  # IPP successful-ok / successful-ok-ignored-or-substituted
        raise PrintFailedError(f"cupsd did not accept the document of job {job_id} on {queue} (status {status})",
                               user_message="The printer did not take the job — try again")


def _cancel_quietly(connection: "cups.Connection", job_id: int) -> None:
    with contextlib.suppress(cups.IPPError, cups.HTTPError):
        connection.cancelJob(job_id, purge_job=True)

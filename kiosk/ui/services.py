"""The Print screen's desk on the real thing: PrintService and the form catalogue.

Called on the screen's worker thread only. Job titles carry the form id and time (printing's
`job_title`), never a name.
"""

from collections.abc import Callable

from kiosk.ui.desk import FormChoice, JobResult
from print_service.forms import FormCatalogue
from print_service.printing import JobOutcome, PrintService, SubmittedJob, print_form, print_packet

__all__ = ["ServicePrintDesk", "result_of"]

Progress = Callable[[str], None]


def result_of(outcomes: list[JobOutcome]) -> JobResult:
    """One result for one or more jobs: the first that did not print, else all printed."""
    for outcome in outcomes:
        if not outcome.ok:
            return JobResult(False, outcome.message, waiting=outcome.stays_queued)
    if len(outcomes) == 1:
        return JobResult(True, outcomes[0].message)
    return JobResult(True, f"{outcomes[0].message} ({len(outcomes)} forms)")


class ServicePrintDesk:
    """Prints blank forms and the packet, waits for the outcome, resumes the queue."""

    def __init__(self, service: PrintService, catalogue: FormCatalogue) -> None:
        self.service = service
        self.catalogue = catalogue

    def forms(self) -> list[FormChoice]:
        """The catalogue's forms, in its order."""
        return [FormChoice(entry.id, entry.title) for entry in self.catalogue.entries()]

    def print_form(self, form_id: str, copies: int, progress: Progress) -> JobResult:
        """Print `copies` of one form and follow it to the end."""
        job = print_form(self.service, self.catalogue, form_id, copies=copies)
        return self._follow([job], progress)

    def print_packet(self, progress: Progress) -> JobResult:
        """Print `printing.packet` (all or nothing) and follow every job."""
        return self._follow(print_packet(self.service, self.catalogue), progress)

    def resume(self, queue: str | None) -> JobResult:
        """Resume the queue; the result says how it is now."""
        status = self.service.resume(queue)
        return JobResult(status.state != "stopped", status.message)

    def _follow(self, jobs: list[SubmittedJob], progress: Progress) -> JobResult:
        progress("printing…")
        return result_of([self.service.wait(job) for job in jobs])

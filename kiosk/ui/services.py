"""The Print and Schedule screens' desks on the real thing: PrintService, the form catalogue and
the encrypted schedule cache.

Called on the screen's worker thread only. Job titles carry the form id and time (printing's
`job_title`), never a name.
"""

from collections.abc import Callable
from datetime import UTC, date, datetime

from kiosk.ui.desk import FormChoice, JobResult, ScheduleData, ScheduleDay, Visit
from print_service.forms.catalogue import FormCatalogue
from print_service.printing import JobOutcome, SubmittedJob
from print_service.printing.packet import print_form, print_packet
from print_service.printing.service import PrintService
from print_service.schedule.cache import ScheduleCache
from print_service.schedule.documents import day_document
from print_service.schedule.nightly import SCHEDULE_KIND, PrintDocument
from print_service.schedule.packet import packet_pages

__all__ = ["ServicePrintDesk", "ServiceScheduleDesk", "result_of"]

Progress = Callable[[str], None]


def result_of(outcomes: list[JobOutcome]) -> JobResult:
    """One result for one or more jobs: the first that did not print, else all printed."""
    for outcome in outcomes:
        if not outcome.ok:
            return JobResult(False, outcome.message, waiting=outcome.stays_queued)
    files = [outcome.job.path for outcome in outcomes if outcome.job.path is not None]
    if files:  # the output folder: name the folder, not a long path per file
        count = f" ({len(files)} files)" if len(files) > 1 else ""
        return JobResult(True, f"Saved in {files[0].parent.name}/{count}")
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
        progress(f"printing {len(jobs)} forms…" if len(jobs) > 1 else "printing…")
        return result_of([self.service.wait(job) for job in jobs])


class ServiceScheduleDesk:
    """Reads the encrypted schedule copy and prints a day or its pre-filled notes (CUPS only: PHI)."""

    def __init__(self, cache: ScheduleCache, print_document: PrintDocument, catalogue: FormCatalogue, *,
                 paper: str = "letter", now: Callable[[], datetime] | None = None) -> None:
        self.cache = cache
        self.print_document = print_document
        self.catalogue = catalogue
        self.paper = paper
        self.now = now or (lambda: datetime.now(UTC))

    def load(self, today: date) -> ScheduleData:
        """Today's and the next clinic day's visits, and the copy's freshness."""
        fresh = self.cache.freshness()
        if self.cache.load() is None:
            return ScheduleData(ScheduleDay(today), None, None, True, fresh.error or "no schedule copy yet")
        next_day = self.cache.next_clinic_day(today)
        return ScheduleData(
            today=ScheduleDay(today, self._visits(today)),
            next_day=ScheduleDay(next_day, self._visits(next_day)) if next_day else None,
            as_of=fresh.fetched_at, stale=fresh.stale, error=fresh.error,
        )

    def _visits(self, day: date) -> list[Visit]:
        zone = self.cache.settings.timezone
        return [Visit("All day" if a.all_day else f"{a.start.astimezone(zone):%H:%M}", a.patient or a.title,
                      a.provider, a.type) for a in self.cache.day(day)]

    def print_day(self, day: date, progress: Progress) -> JobResult:
        """Print the day's schedule and wait until it is on paper."""
        document = day_document(self.cache, day, self.now().astimezone(self.cache.settings.timezone),
                                paper=self.paper)
        progress("printing…")
        if not self.print_document(document, SCHEDULE_KIND):
            return JobResult(True, f"Sent the schedule for {day:%a} {day.day} {day:%b} — still printing, "
                                   "check the printer")
        return JobResult(True, f"Printed the schedule for {day:%a} {day.day} {day:%b}")

    def print_prefilled(self, day: date, progress: Progress) -> JobResult:
        """Print one pre-filled note per visit of the day."""
        pages = packet_pages(self.cache.day(day), self.cache.settings.provider_roles, self.catalogue,
                             self.cache.settings.timezone)
        if not pages:
            return JobResult(True, f"No visits on {day:%a} {day.day} {day:%b}: nothing to print")
        for number, page in enumerate(pages, 1):
            progress(f"printing note {number} of {len(pages)}…")
            self.print_document(page.document, page.form_id)
        return JobResult(True, f"Printed {len(pages)} pre-filled notes for {day:%a} {day.day} {day:%b}")

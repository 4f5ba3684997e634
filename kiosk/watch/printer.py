"""The printer as the daemon sees it: the queue's state in plain words, the button's recent jobs, and
the prints the button starts (the downtime packet; the next clinic day's schedule).

Every pycups call blocks, so each runs in a daemon thread (`in_thread`). Jobs are listed
by form id and time only; the schedule's PDF goes straight to cupsd as bytes, never to disk.
"""

import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from kiosk.watch.blocking import in_thread
from kiosk.watch.state import WatchState
from print_service.errors import PrintFailedError, PrintServiceError
from print_service.printing import JobOutcome, SubmittedJob, job_title
from print_service.printing.packet import FormSource, print_packet
from print_service.printing.service import PrintService
from print_service.schedule.cache import ScheduleCache
from print_service.schedule.documents import day_document

__all__ = ["ButtonPrints", "JobBook", "PrinterPart"]

log = logging.getLogger(__name__)

JOBS_SHOWN = 10
NEEDS_ATTENTION = ("stopped", "unreachable")
FAILED = ("failed", "cancelled", "queued")  # "queued" at the end of a wait: the printer stopped


@dataclass
class _Entry:
    job: SubmittedJob
    state: str
    message: str
    at: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.job.id, "form": self.job.form_id, "state": self.state, "message": self.message,
                "at": self.at}


class JobBook:
    """The jobs the daemon sent lately, newest first, as state.json lists them."""

    def __init__(self) -> None:
        self._entries: list[_Entry] = []

    def add(self, jobs: list[SubmittedJob], at: datetime) -> None:
        """Note newly submitted jobs as queued."""
        stamp = at.isoformat(timespec="seconds")
        for job in jobs:
            self._entries.insert(0, _Entry(job, "queued", "Waiting to print", stamp))
        del self._entries[JOBS_SHOWN:]

    def settle(self, outcome: JobOutcome) -> None:
        """Record what became of a job."""
        for entry in self._entries:
            if entry.job.id == outcome.job.id and entry.job.queue == outcome.job.queue:
                entry.state, entry.message = outcome.state, outcome.message

    def open_jobs(self) -> list[SubmittedJob]:
        """Jobs still queued or printing, to look at again."""
        return [entry.job for entry in self._entries if entry.state in ("queued", "printing")]

    def to_json(self) -> list[dict[str, Any]]:
        """The `printer.jobs` list."""
        return [entry.to_json() for entry in self._entries]


class PrinterPart:
    """`state.printer`, plus the `printer` alert while the queue needs attention (stopped, cupsd down)."""

    name = "printer"

    def __init__(self, service: PrintService, book: JobBook, interval: float = 10.0) -> None:
        self.service = service
        self.book = book
        self.interval = interval

    def _look(self) -> dict[str, Any]:
        try:
            status = self.service.queue_status()
            queue, state, message, can_resume = status.name, status.state, status.message, status.can_resume
        except PrintServiceError as exc:  # no such queue, no default printer
            queue, state, message, can_resume = self.service.settings.printer or None, "unreachable", \
                exc.user_message, False
        for job in self.book.open_jobs():
            with contextlib.suppress(PrintServiceError):  # cupsd went away: the queue state says so
                self.book.settle(self.service.job_status(job))
        return {"queue": queue, "state": state, "message": message, "can_resume": can_resume,
                "jobs": self.book.to_json()}

    async def update(self, state: WatchState, now: datetime) -> bool:
        """Ask cupsd about the queue and the open jobs; True when anything changed."""
        printer = await in_thread(self._look, "kiosk-printer")
        changed = printer != state.printer
        state.printer = printer
        if printer["state"] in NEEDS_ATTENTION:
            if state.raise_alert("printer", printer["message"], now):
                log.warning("printer needs attention: %s", printer["message"],
                            extra={"EVENT": "alert", "KIND": "printer", "QUEUE": printer["queue"] or ""})
                changed = True
        elif state.clear_alert("printer"):
            log.info("printer is fine again", extra={"EVENT": "alert_cleared", "KIND": "printer"})
            changed = True
        return changed


class ButtonPrints:
    """What the button prints, through the same PrintService as everything else (see PrintActions)."""

    def __init__(self, service: PrintService, catalogue: FormSource, book: JobBook, *,
                 schedule: ScheduleCache | None, paper: str,
                 now: Callable[[], datetime] = lambda: datetime.now().astimezone()) -> None:
        self.service = service
        self.catalogue = catalogue
        self.book = book
        self.schedule = schedule
        self.paper = paper
        self.now = now

    async def print_packet(self) -> str:
        """Print `printing.packet` and follow every job to its end."""
        jobs = await in_thread(lambda: print_packet(self.service, self.catalogue, now=self.now()), "kiosk-print")
        self.book.add(jobs, self.now())
        await self._follow(jobs)
        return f"{len(jobs)} form{'s' if len(jobs) != 1 else ''}: {', '.join(job.form_id for job in jobs)}"

    async def print_next_schedule(self) -> str:
        """Print the next clinic day's schedule from the encrypted cache, straight to cupsd."""
        cache = self.schedule
        if cache is None or not cache.settings.source:
            raise PrintFailedError("no schedule is configured ([schedule].source is empty)",
                                   user_message="No schedule is set up on this kiosk — call IT")
        now = self.now()
        job = await in_thread(lambda: self._submit_schedule(cache, now), "kiosk-print")
        self.book.add([job], now)
        await self._follow([job])
        return "the next clinic day's schedule"

    def _submit_schedule(self, cache: ScheduleCache, now: datetime) -> SubmittedJob:
        cached = cache.load()
        if cached is None:
            raise PrintFailedError("no schedule has been fetched yet",
                                   user_message="There is no schedule copy to print yet")
        today = cache.today()
        target = today + timedelta(days=1) if cached.format == "pdf" else cache.next_clinic_day(today)
        if target is None:
            raise PrintFailedError(f"no clinic day in the next {cache.settings.lookahead_days} days",
                                   user_message="There is no clinic day coming up to print")
        document = day_document(cache, target, now, paper=self.paper)
        return self.service.submit(document, title=job_title("schedule", now), contains_phi=True)

    async def _follow(self, jobs: list[SubmittedJob]) -> None:
        outcomes = await in_thread(lambda: [self.service.wait(job) for job in jobs], "kiosk-print-wait")
        for outcome in outcomes:
            self.book.settle(outcome)
        failed = [outcome for outcome in outcomes if outcome.state in FAILED]
        if failed:
            raise PrintFailedError(f"{failed[0].job.form_id}: {failed[0].message}", user_message=failed[0].message)

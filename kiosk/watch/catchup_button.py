"""The button while the catch-up alert stands: a hold prints the catch-up sheet instead of tomorrow's schedule.

A press still prints the downtime packet. The sheet goes to cupsd as bytes (it names patients), under
the job name "reconcile_<time>", and its printing is written in the reconcile book, which ends the alert.
"""

from collections.abc import Callable
from datetime import datetime, tzinfo

from kiosk.button.recogniser import Gesture
from kiosk.reconcile.book import ReconcileBook
from kiosk.reconcile.sheet import SHEET_KIND, catchup_document
from kiosk.watch.blocking import in_thread
from kiosk.watch.printer import ButtonPrints
from kiosk.watch.reconcile_part import ReconcilePart
from print_service.printing import SubmittedJob, job_title

__all__ = ["CatchUpButton"]


class CatchUpButton:
    """`PrintActions` around `ButtonPrints`, aware of the pending catch-up sheet."""

    def __init__(self, prints: ButtonPrints, part: ReconcilePart, book: ReconcileBook, *, practice: str,
                 zone: tzinfo, now: Callable[[], datetime]) -> None:
        self.prints = prints
        self.part = part
        self.book = book
        self.practice = practice
        self.zone = zone
        self.now = now

    def describe(self, gesture: Gesture) -> str:
        """What `gesture` prints now, for the log."""
        if gesture is Gesture.PRESS:
            return "the downtime packet"
        return "the catch-up sheet" if self.part.pending is not None else "the next clinic day's schedule"

    async def print_packet(self) -> str:
        """A press: the downtime packet, as always."""
        return await self.prints.print_packet()

    async def print_next_schedule(self) -> str:
        """A hold: the catch-up sheet while it is owed, else the next clinic day's schedule."""
        downtime = self.part.pending
        if downtime is None:
            return await self.prints.print_next_schedule()
        now = self.now().astimezone(self.zone)
        service = self.prints.service

        def submit() -> SubmittedJob:
            document = catchup_document(downtime, self.prints.schedule, practice=self.practice, zone=self.zone,
                                        now=now, paper=self.prints.paper)
            return service.submit(document, title=job_title(SHEET_KIND, now), contains_phi=True)

        job = await in_thread(submit, "kiosk-print")
        self.prints.book.add([job], now)
        await self.prints._follow([job])
        self.book.mark_printed(downtime.key, now)
        return "the catch-up sheet"

"""What a press of the button (or the screen's own print) should say on the Status screen (pure).

People press twice when nothing on the wall answers. The physical button belongs to the watch
daemon, which reports it in state.json: the LED's `led.overlay` flashes "ack" (taken), "busy"
(ignored: a print is running) or "failed", and the jobs it sent appear in `printer.jobs` with
their state ("queued", "printing", "completed", "failed", "cancelled"). `ButtonWatch` turns
changes of those into words; `printing_words`/`outcome_words` do the same for the screen's prints.
"""

from dataclasses import dataclass

from kiosk.state.document import PrinterBlock, PrintJobRow, StateDocument
from kiosk.ui.desk import JobResult

__all__ = ["ButtonWatch", "PressWords", "outcome_words", "printing_words"]

PRINTED = "Printed — collect at the printer"
_SETTLED_BAD = ("failed", "cancelled")


@dataclass(frozen=True)
class PressWords:
    """One acknowledgement: the words, whether printing is still under way, trouble, and Resume."""

    text: str
    busy: bool = False
    problem: bool = False
    resume: bool = False


def printing_words(count: int | None = None, what: str = "form") -> PressWords:
    """"Printing 4 forms…" (or "Printing…" before the count is known)."""
    if count is None:
        return PressWords("Printing…", busy=True)
    return PressWords(f"Printing {count} {what}{'s' if count != 1 else ''}…", busy=True)


def outcome_words(result: JobResult, *, can_resume: bool = False) -> PressWords:
    """How a print ended, in plain words; Resume is offered where it helps."""
    if result.ok:
        return PressWords(result.message if result.message.startswith("Saved") else PRINTED)
    if result.waiting:
        return PressWords(f"Not printed yet: {result.message}. It prints after Resume", problem=True, resume=True)
    return PressWords(f"Not printed: {result.message}", problem=True, resume=can_resume)


_NOT_KNOWN = PrinterBlock(state="unknown", message="")  # the monitor is not running


class ButtonWatch:
    """Follows state.json for the button's presses and prints; `update(state)` says what is new, if anything."""

    def __init__(self) -> None:
        self._seen: set[tuple[str, str]] | None = None
        self._batch: list[tuple[str, str]] = []
        self._overlay: str | None = None
        self._said: PressWords | None = None

    def update(self, state: StateDocument | None) -> PressWords | None:
        """New words for the Status screen, or None when nothing changed."""
        printer = state.printer if state is not None else _NOT_KNOWN
        jobs = {_key(job): job for job in printer.jobs}
        overlay = state.led.overlay if state is not None else None
        if self._seen is None:  # what was there before the screen started is old news
            self._seen, self._overlay = set(jobs), overlay
            return None
        words = self._words(jobs, printer, overlay)
        self._seen |= set(jobs)
        self._overlay = overlay
        if words is None or words == self._said:
            return None
        self._said = words
        return words

    def _words(self, jobs: dict[tuple[str, str], PrintJobRow], printer: PrinterBlock,
               overlay: str | None) -> PressWords | None:
        assert self._seen is not None
        new = [key for key in jobs if key not in self._seen]
        if new:
            self._batch = new
            forms = [jobs[key].form for key in new]
            return printing_words(len(new), "schedule" if forms == ["schedule"] else "form")
        flashed = overlay if overlay != self._overlay else None
        if flashed == "busy":
            return PressWords("Already printing — please wait", busy=True)
        if self._batch:
            return self._settled([jobs[key] for key in self._batch if key in jobs], printer)
        if flashed == "ack":
            return printing_words()
        if flashed == "failed":
            message = printer.message or "the printer did not take it"
            return PressWords(f"Not printed: {message}", problem=True, resume=printer.can_resume)
        return None

    def _settled(self, batch: list[PrintJobRow], printer: PrinterBlock) -> PressWords | None:
        bad = next((job for job in batch if job.state in _SETTLED_BAD), None)
        if bad is not None:
            self._batch = []
            return PressWords(f"Not printed: {bad.message or bad.state}", problem=True, resume=printer.can_resume)
        if batch and all(job.state == "completed" for job in batch):
            self._batch = []
            return PressWords(PRINTED)
        if printer.state in ("stopped", "unreachable"):
            message = printer.message or "the printer needs attention"
            return PressWords(f"Not printed yet: {message}. It prints after Resume", problem=True,
                              resume=printer.can_resume)
        return None


def _key(job: PrintJobRow) -> tuple[str, str]:
    return (job.id, job.at)

# mypy: disallow-subclassing-any=False
"""The Print screen: one large button per blank form with a copies stepper, the packet, the
schedule (behind the PIN), the printer's state in plain words with Resume, and the last jobs.

Every print and every CUPS call runs on the worker; the screen only shows progress words.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kivy.uix.boxlayout import BoxLayout
from kivy.uix.label import Label

from kiosk.state.document import PrinterBlock, PrintJobRow
from kiosk.ui.clock_text import parse_time
from kiosk.ui.desk import FormChoice, JobResult, PrintDesk
from kiosk.ui.press import PressWords, outcome_words, printing_words
from kiosk.ui.screens.common import PAGE, TEXT, WARN, Column
from kiosk.ui.sizes import Sizes
from kiosk.ui.widgets.basics import ColourBox, FlatButton, WrapLabel
from kiosk.ui.widgets.worker import Worker, on_ui_thread

__all__ = ["MAX_COPIES", "PrintScreen"]

MAX_COPIES = 10
_GO = [0.05, 0.42, 0.20, 1.0]
_STEP = [0.22, 0.25, 0.32, 1.0]
_JOBS_SHOWN = 6


@dataclass
class _Job:
    title: str
    words: str
    at: datetime
    ok: bool | None = None


class _FormRow(BoxLayout):
    """[ Form title (prints) ] [ − ] [ n ] [ + ]"""

    def __init__(self, form: FormChoice, sizes: Sizes, on_print: Callable[[FormChoice, int], None]) -> None:
        super().__init__(orientation="horizontal", size_hint_y=None, height=sizes.target, spacing=sizes(6))
        self.form = form
        self.copies = 1
        self.button = FlatButton(text=form.title, font_size=sizes(20), bold=True, colour=_GO,
                                 halign="center", valign="middle")
        self.button.bind(size=lambda w, s: setattr(w, "text_size", s))
        self.button.bind(on_release=lambda *_: on_print(form, self.copies))
        self.less = FlatButton(text="−", font_size=sizes(30), bold=True, colour=_STEP,
                               size_hint_x=None, width=sizes.target)
        self.count = Label(text="1", font_size=sizes(24), bold=True, size_hint_x=None, width=sizes(70))
        self.more = FlatButton(text="+", font_size=sizes(30), bold=True, colour=_STEP,
                               size_hint_x=None, width=sizes.target)
        self.less.bind(on_release=lambda *_: self.set_copies(self.copies - 1))
        self.more.bind(on_release=lambda *_: self.set_copies(self.copies + 1))
        for child in (self.button, self.less, self.count, self.more):
            self.add_widget(child)
        self.set_copies(1)

    def set_copies(self, copies: int) -> None:
        """Clamp to 1–10 and show it (as "2 copies" on the count)."""
        self.copies = max(1, min(MAX_COPIES, copies))
        self.count.text = f"×{self.copies}"
        self.less.disabled = self.copies <= 1
        self.more.disabled = self.copies >= MAX_COPIES


class PrintScreen(ColourBox):
    """The Print screen; `desk` is None when printing cannot be set up (the reason is shown)."""

    def __init__(self, sizes: Sizes, desk: PrintDesk | None, worker: Worker, *, open_schedule: Callable[[], None],
                 now: Callable[[], datetime], unavailable: str = "", **kwargs: Any) -> None:
        portrait = sizes.window[1] > sizes.window[0] * 1.1
        super().__init__(orientation="vertical" if portrait else "horizontal", background=list(PAGE),
                         padding=sizes(10), spacing=sizes(14), **kwargs)
        self.sizes, self.desk, self.worker, self.now = sizes, desk, worker, now
        self.jobs: list[_Job] = []
        self.daemon_jobs: list[_Job] = []
        self.queue: str | None = None
        self.rows: dict[str, _FormRow] = {}
        self.announce: Callable[[PressWords], None] = lambda _words: None
        self.can_resume = False
        self.forms_box = Column(sizes, size_hint=(1, 0.6) if portrait else (0.6, 1))
        self.add_widget(self.forms_box)
        self.add_widget(self._side(open_schedule))
        if portrait:
            self._side_box.size_hint = (1, 0.4)
        if desk is None:
            self.forms_box.show([("PRINTING IS NOT AVAILABLE", [unavailable or "printing is not set up"])])
        else:
            worker.run(desk.forms, self._forms_loaded)

    def _side(self, open_schedule: Callable[[], None]) -> BoxLayout:
        sizes = self.sizes
        side = BoxLayout(orientation="vertical", size_hint_x=0.4, spacing=sizes(8))
        self.packet = FlatButton(text="Print packet", font_size=sizes(24), bold=True, colour=_GO,
                                 size_hint_y=None, height=sizes.target * 1.2)
        self.packet.bind(on_release=lambda *_: self.print_packet())
        self.schedule = FlatButton(text="Print schedule (PIN)", font_size=sizes(21), colour=_STEP,
                                   size_hint_y=None, height=sizes.target)
        self.schedule.bind(on_release=lambda *_: open_schedule())
        self.printer_box = ColourBox(orientation="vertical", size_hint_y=None, height=sizes(64),
                                     padding=(sizes(8), sizes(6)))
        self.printer = WrapLabel(font_size=sizes(19), valign="middle", color=TEXT)
        self.printer.bind(height=lambda _w, h: setattr(self.printer_box, "height", h + sizes(16)))
        self.printer_box.add_widget(self.printer)
        self.resume = FlatButton(text="Resume printer", font_size=sizes(21), bold=True, colour=_GO,
                                 size_hint_y=None, height=sizes.target)
        self.resume.bind(on_release=lambda *_: self.resume_printer())
        self.job_list = Column(sizes)
        for child in (self.packet, self.schedule, self.printer_box, self.job_list):
            side.add_widget(child)
        self._resume_shown = False
        self._side_box = side
        return side

    def add_to_side(self, widget: Any) -> None:
        """Put an extra box at the top of the right-hand column (the catch-up sheet's)."""
        self._side_box.add_widget(widget, index=len(self._side_box.children))

    # -- forms ------------------------------------------------------------------------------
    def _forms_loaded(self, result: list[FormChoice] | BaseException) -> None:
        if isinstance(result, BaseException):
            self.forms_box.show([("FORMS CANNOT BE LOADED", [str(getattr(result, "user_message", result))])])
            return
        self.forms_box.grid.clear_widgets()
        self.forms_box.grid.add_widget(WrapLabel(text="Tap a form to print it", font_size=self.sizes(19),
                                                 color=TEXT))
        for form in result:
            row = _FormRow(form, self.sizes, self.print_form)
            self.rows[form.id] = row
            self.forms_box.grid.add_widget(row)

    def print_form(self, form: FormChoice, copies: int) -> None:
        """Send `copies` of `form` to the printer (on the worker) and track it in the job list."""
        if self.desk is None:
            return
        desk = self.desk
        title = form.title if copies == 1 else f"{form.title} ×{copies}"
        self.track(title, lambda progress: desk.print_form(form.id, copies, progress))
        self.rows[form.id].set_copies(1)

    def print_packet(self) -> None:
        """Print the configured downtime packet (the Status screen says so too)."""
        if self.desk is not None:
            desk = self.desk
            self.track("Downtime packet", desk.print_packet, announce=True)

    def resume_printer(self) -> None:
        """Resume the stopped queue (on the worker)."""
        if self.desk is not None:
            desk, queue = self.desk, self.queue
            self.track("Resume printer", lambda _progress: desk.resume(queue))

    def resume_from_note(self) -> None:
        """Resume pressed on the Status screen's note: say there how it went."""
        if self.desk is not None:
            desk, queue = self.desk, self.queue
            self.announce(PressWords("Resuming the printer…", busy=True))

            def said(result: JobResult) -> None:
                self.announce(PressWords(f"Printer: {result.message}", problem=not result.ok,
                                         resume=not result.ok and self.can_resume))

            self.track("Resume printer", lambda _progress: desk.resume(queue), on_result=said)

    def track(self, title: str, work: Callable[[Callable[[str], None]], JobResult], *, announce: bool = False,
              on_result: Callable[[JobResult], None] | None = None) -> None:
        """Run `work(progress)` on the worker and show it in the job list as `title`.

        With `announce` the Status screen shows it too: "Printing…", the progress ("printing 4
        forms…"), then the outcome.
        """
        if announce:
            self.announce(printing_words())
            on_result = on_result or (lambda result: self.announce(outcome_words(result, can_resume=self.can_resume)))
        job = _Job(title, "sending…", self.now())
        self.jobs.insert(0, job)
        del self.jobs[_JOBS_SHOWN:]
        self._show_jobs()

        def progress(words: str) -> None:
            def apply() -> None:
                if job.ok is None:
                    job.words = words
                    self._show_jobs()
                    if announce:
                        self.announce(PressWords(words[:1].upper() + words[1:], busy=True))
            on_ui_thread(apply)

        def done(result: JobResult | BaseException) -> None:
            if isinstance(result, BaseException):
                result = JobResult(False, str(getattr(result, "user_message", None) or result))
            job.ok = result.ok
            job.words = result.message if result.ok else (
                f"WAITING: {result.message}" if result.waiting else f"FAILED: {result.message}")
            self._show_jobs()
            if on_result is not None:
                on_result(result)

        self.worker.run(lambda: work(progress), done)

    # -- state file -------------------------------------------------------------------------
    def show_printer(self, printer: PrinterBlock | None) -> None:
        """The printer's state from the state file (None: not known), in plain words; Resume only where it helps."""
        self.queue = printer.queue if printer is not None else None
        state = printer.state if printer is not None and printer.state else "unknown"
        message = (printer.message if printer is not None else "") or \
            {"unknown": "state not known yet"}.get(state, state)
        trouble = state in ("stopped", "unreachable")
        self.printer.text = f"Printer: {message}"
        self.printer.color = (0, 0, 0, 1) if trouble else TEXT
        self.printer_box.background = list(WARN) if trouble else [0.16, 0.17, 0.20, 1.0]
        can_resume = printer is not None and printer.can_resume and self.desk is not None
        self.can_resume = can_resume
        if can_resume != self._resume_shown:
            self._resume_shown = can_resume
            if can_resume:
                self._side_box.add_widget(self.resume, index=1)
            else:
                self._side_box.remove_widget(self.resume)
        self.daemon_jobs = [self._daemon_job(job) for job in printer.jobs] if printer is not None else []
        self._show_jobs()

    @staticmethod
    def _daemon_job(job: PrintJobRow) -> _Job:
        words = {"completed": "printed", "failed": "FAILED", "cancelled": "cancelled", "queued": "waiting",
                 "printing": "printing…"}.get(job.state, job.state)
        if job.message and job.state in ("failed", "cancelled"):
            words += f": {job.message}"
        return _Job(f"{job.form or 'job'} (button)", words, parse_time(job.at) or datetime.min.astimezone(),
                    ok=job.state == "completed")

    def _show_jobs(self) -> None:
        jobs = sorted(self.jobs + self.daemon_jobs, key=lambda j: j.at, reverse=True)[:_JOBS_SHOWN]
        lines = [f"{job.at.astimezone():%H:%M}  {job.title} — {job.words}" for job in jobs]
        self.job_list.show([("LAST JOBS", lines or ["nothing printed yet"])], size=18)

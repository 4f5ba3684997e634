# mypy: disallow-subclassing-any=False
"""The catch-up box on the Print screen: while the alert stands, its words, "Print catch-up sheet",
"Dismiss" and a letter pad for the initials of whoever takes it on; otherwise a button to reprint the sheet of
the last downtime. No patient data is ever on the screen here."""

from collections.abc import Callable
from typing import Any

from kivy.uix.boxlayout import BoxLayout
from kivy.uix.modalview import ModalView

from kiosk.reconcile.downtimes import Downtime, span_words
from kiosk.state.document import StateDocument
from kiosk.ui.catchup_desk import CatchUpDesk, downtime_from_pending, last_downtime
from kiosk.ui.desk import JobResult
from kiosk.ui.screens.common import TEXT, WARN
from kiosk.ui.sizes import Sizes
from kiosk.ui.widgets.basics import ColourBox, FlatButton, WrapLabel
from kiosk.ui.widgets.letter_pad import LetterPad

__all__ = ["CatchUpPanel"]

_GO = [0.05, 0.42, 0.20, 1.0]
_STEP = [0.22, 0.25, 0.32, 1.0]
Track = Callable[[str, Callable[[Callable[[str], None]], JobResult]], None]


class CatchUpPanel(ColourBox):
    """`show(state)` on every tick; `track(title, work)` is the Print screen's job list runner."""

    def __init__(self, sizes: Sizes, desk: CatchUpDesk, track: Track, **kwargs: Any) -> None:
        super().__init__(orientation="vertical", size_hint_y=None, height=0, opacity=0, spacing=sizes(4),
                         padding=(sizes(6), sizes(4)), **kwargs)
        self.sizes, self.desk, self.track = sizes, desk, track
        self.downtime: Downtime | None = None
        self.pending = False
        self.words = WrapLabel(font_size=sizes(17), bold=True, color=(0, 0, 0, 1))
        self.print_button = FlatButton(text="Print catch-up sheet", font_size=sizes(21), bold=True, colour=_GO,
                                       size_hint_y=None, height=sizes.target)
        self.print_button.bind(on_release=lambda *_: self.print_sheet())
        row = BoxLayout(orientation="horizontal", size_hint_y=None, height=sizes.target, spacing=sizes(6))
        self.initials = ""
        self.initials_button = FlatButton(text="Initials (optional)", font_size=sizes(19), colour=_STEP)
        self.initials_button.bind(on_release=lambda *_: self.ask_initials())
        self.popup: ModalView | None = None
        self.dismiss_button = FlatButton(text="Dismiss", font_size=sizes(19), colour=_STEP, size_hint_x=0.45)
        self.dismiss_button.bind(on_release=lambda *_: self.dismiss())
        row.add_widget(self.initials_button)
        row.add_widget(self.dismiss_button)
        self.row = row
        for child in (self.words, self.print_button, row):
            self.add_widget(child)

    def show(self, state: StateDocument | None) -> None:
        """Follow `reconcile.pending`, else offer the last downtime's sheet."""
        pending = state.reconcile.pending if state is not None else None
        downtime = downtime_from_pending(pending) if pending is not None else last_downtime(state)
        is_pending = pending is not None
        if downtime == self.downtime and is_pending == self.pending:
            return
        self.downtime, self.pending = downtime, is_pending
        if downtime is None:
            self.height, self.opacity = 0.0, 0.0
            return
        span = span_words(downtime, self.desk.zone)
        self.words.text = f"ICANotes is back: catch up the downtime {span}" if is_pending else \
            f"Last downtime {span}"
        self.words.color = (0, 0, 0, 1) if is_pending else TEXT
        self.background = list(WARN) if is_pending else [0.16, 0.17, 0.20, 1.0]
        self.row.opacity = 1 if is_pending else 0
        self.row.height = self.sizes.target if is_pending else 0
        self.row.disabled = not is_pending
        self.print_button.text = "Print catch-up sheet" if is_pending else "Reprint catch-up sheet"
        self.height = self.sizes(34) + self.sizes.target * (2 if is_pending else 1) + self.sizes(16)
        self.opacity = 1

    def ask_initials(self) -> None:
        """Open the letter pad (the kiosk has no keyboard)."""
        self.popup = ModalView(size_hint=(0.9, 0.9), auto_dismiss=True, background_color=(0, 0, 0, 0.9))
        self.pad = LetterPad(self.sizes, self._initials_typed)
        self.popup.add_widget(self.pad)
        self.popup.open()

    def _initials_typed(self, initials: str) -> None:
        self.set_initials(initials)
        if self.popup is not None:
            self.popup.dismiss(animation=False)  # at once: the next touch must reach the screen

    def set_initials(self, initials: str) -> None:
        """Keep the initials for the next print or dismissal, and show them on the button."""
        self.initials = initials
        self.initials_button.text = f"Initials: {initials}" if initials else "Initials (optional)"

    def print_sheet(self) -> None:
        """Print the sheet (and note the initials, if typed)."""
        downtime, initials = self.downtime, self.initials
        if downtime is None:
            return
        desk = self.desk

        def work(progress: Callable[[str], None]) -> JobResult:
            if initials:
                desk.acknowledge(downtime.key, initials)
            return desk.print_sheet(downtime, progress)

        self.track("Catch-up sheet", work)
        self.set_initials("")

    def dismiss(self) -> None:
        """Dismiss the reminder (initials, if typed, are noted too)."""
        downtime, initials = self.downtime, self.initials
        if downtime is None:
            return
        desk = self.desk

        def work(_progress: Callable[[str], None]) -> JobResult:
            if initials:
                desk.acknowledge(downtime.key, initials)
            return desk.dismiss(downtime.key)

        self.track("Catch-up reminder", work)
        self.set_initials("")

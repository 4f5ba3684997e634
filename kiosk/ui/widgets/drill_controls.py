# mypy: disallow-subclassing-any=False
"""The drill button on Info: "Start a drill (PIN)" opens the PIN pad, then the three levels to practise;
"Stop the drill" ends a running one. The work runs on the screen's worker."""

from typing import Any

from kivy.uix.boxlayout import BoxLayout
from kivy.uix.label import Label
from kivy.uix.modalview import ModalView

from kiosk.drill.model import DRILL_LEVELS
from kiosk.ui.desk import JobResult
from kiosk.ui.drill_desk import DRILL_MINUTES, DrillDesk
from kiosk.ui.pin import PinAnswer, PinGate, PinResult
from kiosk.ui.screens.common import TEXT
from kiosk.ui.screens.schedule import PinPad
from kiosk.ui.sizes import Sizes
from kiosk.ui.widgets.basics import FlatButton
from kiosk.ui.widgets.worker import Worker

__all__ = ["DrillControls"]

_BUTTON = [0.55, 0.42, 0.0, 1.0]
_LEVEL_WORDS = {"outage": "ICANotes down", "regional_outage": "Regional outage", "offline": "Our internet down"}


class DrillControls(BoxLayout):
    """One row at the foot of Info: the drill button and what it last did."""

    def __init__(self, sizes: Sizes, desk: DrillDesk, gate: PinGate, worker: Worker, **kwargs: Any) -> None:
        super().__init__(orientation="horizontal", size_hint_y=None, height=sizes.target, spacing=sizes(10),
                         **kwargs)
        self.sizes, self.desk, self.gate, self.worker = sizes, desk, gate, worker
        self.running = False
        self.button = FlatButton(text="Start a drill (PIN)", font_size=sizes(21), bold=True, colour=_BUTTON,
                                 size_hint_x=0.45)
        self.button.bind(on_release=lambda *_: self.press())
        self.words = Label(text="Practise a downtime: the screen and the LED act it out, marked DRILL.",
                           font_size=sizes(17), color=TEXT, halign="left", valign="middle")
        self.words.bind(size=lambda w, s: setattr(w, "text_size", s))
        self.add_widget(self.button)
        self.add_widget(self.words)
        self.popup: ModalView | None = None

    def show(self, running: bool) -> None:
        """Offer Start or Stop, as the state file says."""
        if running != self.running:
            self.running = running
            self.button.text = "Stop the drill" if running else "Start a drill (PIN)"
            self.words.text = ("A drill is running: the screen and the LED act it out, marked DRILL." if running
                               else "Practise a downtime: the screen and the LED act it out, marked DRILL.")

    def press(self) -> None:
        """Stop at once; starting needs the PIN."""
        if self.running:
            self.worker.run(self.desk.stop, self._done)
        else:
            self._open_pad()

    def _open_pad(self) -> None:
        sizes = self.sizes
        self.popup = ModalView(size_hint=(0.8, 0.92), auto_dismiss=True, background_color=(0, 0, 0, 0.85))
        box = BoxLayout(orientation="horizontal", spacing=sizes(14), padding=sizes(10))
        self.pad = PinPad(sizes, self._submit, size_hint_x=0.55)
        self.side = BoxLayout(orientation="vertical", spacing=sizes(8), size_hint_x=0.45)
        self.prompt = Label(text="Enter the PIN to start a drill.", font_size=sizes(20), color=TEXT,
                            halign="left", valign="middle")
        self.prompt.bind(size=lambda w, s: setattr(w, "text_size", s))
        self.side.add_widget(self.prompt)
        box.add_widget(self.pad)
        box.add_widget(self.side)
        self.popup.add_widget(box)
        self.popup.open()

    def _submit(self, pin: str) -> None:
        self.prompt.text = "Checking…"
        self.worker.run(lambda: self.gate.enter(pin), self._checked)

    def _checked(self, result: PinResult | BaseException) -> None:
        if isinstance(result, BaseException) or result.answer is not PinAnswer.UNLOCKED:
            answer = "not checked" if isinstance(result, BaseException) else result.answer.value.replace("_", " ")
            self.prompt.text = f"Not started: {answer}."
            return
        self.prompt.text = f"Which downtime to practise ({DRILL_MINUTES} minutes)?"
        self.pad.set_enabled(False)
        for level in DRILL_LEVELS:
            choice = FlatButton(text=_LEVEL_WORDS[level], font_size=self.sizes(20), bold=True, colour=_BUTTON,
                                size_hint_y=None, height=self.sizes.target)
            choice.bind(on_release=lambda _b, chosen=level: self._start(chosen))
            self.side.add_widget(choice)

    def _start(self, level: str) -> None:
        def start() -> JobResult:
            return self.desk.start(level)

        self.worker.run(start, self._done)
        if self.popup is not None:
            self.popup.dismiss(animation=False)  # at once: the next touch must reach the screen

    def _done(self, result: JobResult | BaseException) -> None:
        self.words.text = str(getattr(result, "user_message", None) or result) if isinstance(result, BaseException) \
            else result.message

# mypy: disallow-subclassing-any=False
"""The Schedule screen: patient names, so behind a PIN pad; locks itself after `ui.lock_seconds`.

Five wrong PINs lock the pad for five minutes. While locked no name is in any widget; unlocking
loads the encrypted copy on the worker; locking drops it from the screen again.
"""

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from kivy.uix.boxlayout import BoxLayout
from kivy.uix.gridlayout import GridLayout
from kivy.uix.label import Label

from kiosk.ui.clock_text import when_words
from kiosk.ui.desk import JobResult, ScheduleData, ScheduleDay, ScheduleDesk
from kiosk.ui.pin import PinAnswer, PinGate, PinResult
from kiosk.ui.screens.common import PAGE, TEXT, WARN, Column
from kiosk.ui.sizes import Sizes
from kiosk.ui.widgets.basics import ColourBox, FlatButton
from kiosk.ui.widgets.worker import Worker, on_ui_thread

__all__ = ["ScheduleScreen"]

_KEY = [0.22, 0.25, 0.32, 1.0]
_GO = [0.05, 0.42, 0.20, 1.0]
_MAX_DIGITS = 12


class PinPad(BoxLayout):
    """Digits, Clear and OK; the only keyboard on the kiosk. Shows one dot per digit typed."""

    def __init__(self, sizes: Sizes, on_submit: Callable[[str], None], **kwargs: Any) -> None:
        super().__init__(orientation="vertical", spacing=sizes(6), **kwargs)
        self.digits = ""
        self.on_submit = on_submit
        self.dots = Label(text="", font_size=sizes(40), bold=True, size_hint_y=None, height=sizes(50), color=TEXT)
        self.add_widget(self.dots)
        grid = GridLayout(cols=3, spacing=sizes(6))
        self.keys: dict[str, FlatButton] = {}
        for key in ("1", "2", "3", "4", "5", "6", "7", "8", "9", "Clear", "0", "OK"):
            button = FlatButton(text=key, font_size=sizes(28 if key.isdigit() else 22), bold=True,
                                colour=_GO if key == "OK" else _KEY, size_hint_y=None, height=sizes.target)
            button.bind(on_release=lambda _b, k=key: self.press(k))
            self.keys[key] = button
            grid.add_widget(button)
        self.add_widget(grid)

    def press(self, key: str) -> None:
        """One key of the pad."""
        if key == "Clear":
            self.digits = ""
        elif key == "OK":
            entered, self.digits = self.digits, ""
            self.on_submit(entered)
        elif len(self.digits) < _MAX_DIGITS:
            self.digits += key
        self.dots.text = " ".join("•" * len(self.digits))

    def set_enabled(self, enabled: bool) -> None:
        """Grey the pad out during a lock-out."""
        for button in self.keys.values():
            button.disabled = not enabled


class ScheduleScreen(ColourBox):
    """PIN pad while locked; today's and the next clinic day's visits while unlocked."""

    def __init__(self, sizes: Sizes, gate: PinGate, desk: ScheduleDesk | None, worker: Worker, *,
                 now: Callable[[], datetime], unavailable: str = "", **kwargs: Any) -> None:
        super().__init__(orientation="vertical", background=list(PAGE), padding=sizes(10), spacing=sizes(8),
                         **kwargs)
        self.sizes, self.gate, self.desk, self.worker, self.now = sizes, gate, desk, worker, now
        self.unavailable = unavailable
        self.showing_unlocked = False
        self.data: ScheduleData | None = None
        self._lockout_shown = False
        self._locked_view()

    # -- locked -------------------------------------------------------------------------------
    def _locked_view(self) -> None:
        sizes = self.sizes
        self.clear_widgets()
        self.showing_unlocked, self.data = False, None
        row = BoxLayout(orientation="horizontal", spacing=sizes(20))
        self.pad = PinPad(sizes, self.submit_pin, size_hint_x=0.5)
        self.message = Label(font_size=sizes(22), halign="left", valign="middle", color=TEXT, size_hint_x=0.5)
        self.message.bind(size=lambda w, s: setattr(w, "text_size", s))
        row.add_widget(self.pad)
        row.add_widget(self.message)
        self.add_widget(row)
        self._locked_message()

    def _locked_message(self, extra: str = "") -> None:
        if not self.gate.has_pin:
            self.pad.set_enabled(False)
            self.message.text = ("The schedule is locked: no PIN has been set.\n\n"
                                 "IT: set one with  downtime-kiosk ui --set-pin")
            return
        wait = self.gate.lockout_left()
        self._lockout_shown = wait > 0
        self.pad.set_enabled(wait <= 0)
        if wait > 0:
            minutes, seconds = divmod(int(wait + 0.999), 60)
            self.message.text = f"Too many wrong PINs.\n\nTry again in {minutes}:{seconds:02d}."
        else:
            self.message.text = extra or "Enter the PIN to see the schedule.\n\nIt shows patient names."

    def submit_pin(self, pin: str) -> None:
        """Check a PIN (scrypt is slow on purpose: on the worker)."""
        self.pad.set_enabled(False)
        self.message.text = "Checking…"
        self.worker.run(lambda: self.gate.enter(pin), self._pin_checked)

    def _pin_checked(self, result: PinResult | BaseException) -> None:
        if isinstance(result, BaseException):
            self._locked_message("The PIN could not be checked.")
        elif result.answer is PinAnswer.UNLOCKED:
            self._unlocked_view()
        elif result.answer is PinAnswer.WRONG:
            tries = "1 try" if result.tries_left == 1 else f"{result.tries_left} tries"
            self._locked_message(f"Wrong PIN.\n\n{tries} left before the pad locks for 5 minutes.")
        else:
            self._locked_message()

    # -- unlocked -------------------------------------------------------------------------------
    def _unlocked_view(self) -> None:
        sizes = self.sizes
        self.clear_widgets()
        self.showing_unlocked = True
        top = ColourBox(orientation="horizontal", size_hint_y=None, height=sizes.target, spacing=sizes(8))
        self.as_of = Label(text="Loading the schedule…", font_size=sizes(20), halign="left", valign="middle",
                           color=TEXT)
        self.as_of.bind(size=lambda w, s: setattr(w, "text_size", s))
        lock = FlatButton(text="Lock now", font_size=sizes(21), bold=True, colour=_KEY, size_hint_x=None,
                          width=sizes(160))
        lock.bind(on_release=lambda *_: self.lock())
        top.add_widget(self.as_of)
        top.add_widget(lock)
        self.header = top
        days = BoxLayout(orientation="horizontal", spacing=sizes(14))
        self.today_list, self.next_list = Column(sizes), Column(sizes)
        days.add_widget(self.today_list)
        days.add_widget(self.next_list)
        self.buttons = BoxLayout(orientation="horizontal", size_hint_y=None, height=sizes.target, spacing=sizes(6))
        self.result = Label(text="", font_size=sizes(18), size_hint_y=None, height=sizes(26), color=TEXT,
                            halign="left")
        self.result.bind(size=lambda w, s: setattr(w, "text_size", s))
        for child in (top, days, self.buttons, self.result):
            self.add_widget(child)
        if self.desk is None:
            self.as_of.text = f"The schedule is not available: {self.unavailable or 'not set up'}"
            return
        desk, today = self.desk, self.now().astimezone().date()
        self.worker.run(lambda: desk.load(today), self._loaded)

    def _loaded(self, data: ScheduleData | BaseException) -> None:
        if not self.showing_unlocked:
            return  # locked while loading: show nothing
        if isinstance(data, BaseException):
            self.as_of.text = f"The schedule cannot be read: {getattr(data, 'user_message', data)}"
            return
        self.data = data
        now = self.now()
        as_of = f"data as of {when_words(data.as_of, now)}" if data.as_of else "no copy fetched yet"
        warn = data.stale or data.error
        self.as_of.text = f"Schedule — {as_of}" + ("  (OLD COPY: the latest could not be fetched)" if warn else "")
        self.as_of.color = (0, 0, 0, 1) if warn else TEXT
        self.header.background = list(WARN) if warn else [0, 0, 0, 0]
        self.today_list.show([_day_block(data.today, "TODAY")])
        if data.next_day is not None:
            self.next_list.show([_day_block(data.next_day, "NEXT CLINIC DAY")])
        else:
            self.next_list.show([("NEXT CLINIC DAY", ["none in the copy"])])
        self._day_buttons(data)

    def _day_buttons(self, data: ScheduleData) -> None:
        self.buttons.clear_widgets()
        for day in (data.today, data.next_day):
            if day is None:
                continue
            name = _short_day(day.day, self.now().astimezone().date())
            for text, action in ((f"Print {name}", "day"), (f"Pre-filled packet {name}", "packet")):
                button = FlatButton(text=text, font_size=self.sizes(17), bold=True, colour=_GO,
                                    halign="center", valign="middle")
                button.bind(size=lambda w, s: setattr(w, "text_size", s))
                button.bind(on_release=lambda _b, d=day.day, a=action: self.print_schedule(d, a))
                self.buttons.add_widget(button)

    def print_schedule(self, day: date, action: str) -> None:
        """Print one day's schedule or its pre-filled packet (on the worker)."""
        if self.desk is None:
            return
        desk = self.desk
        self.result.text = "Sending to the printer…"

        def progress(words: str) -> None:
            on_ui_thread(lambda: setattr(self.result, "text", words))

        def work() -> JobResult:
            if action == "day":
                return desk.print_day(day, progress)
            return desk.print_prefilled(day, progress)

        def done(result: JobResult | BaseException) -> None:
            if isinstance(result, BaseException):
                result = JobResult(False, str(getattr(result, "user_message", None) or result))
            self.result.text = result.message if result.ok else (
                f"WAITING: {result.message}" if result.waiting else f"FAILED: {result.message}")

        self.worker.run(work, done)

    # -- clock ----------------------------------------------------------------------------------
    def lock(self) -> None:
        """Lock now: the PIN pad comes back and no name stays in any widget."""
        self.gate.lock()
        self._locked_view()

    def tick(self) -> None:
        """Once a second: auto-lock, and count the lock-out down (and end it)."""
        if self.showing_unlocked:
            if not self.gate.unlocked:
                self.lock()
        elif self._lockout_shown or self.gate.lockout_left() > 0:
            self._locked_message()


def _short_day(day: date, today: date) -> str:
    return "today" if day == today else f"{day:%a} {day.day} {day:%b}"


def _day_block(day: ScheduleDay, title: str) -> tuple[str, list[str]]:
    lines = [f"{visit.time}  {visit.patient}" + (f" — {visit.provider}" if visit.provider else "")
             for visit in day.visits]
    return (f"{title}: {day.day:%a} {day.day.day} {day.day:%b}", lines or ["no appointments"])

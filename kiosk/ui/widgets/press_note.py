# mypy: disallow-subclassing-any=False
"""The acknowledgement of a press, over the bottom of the Status screen, for a few seconds.

"Printing 4 forms…" stays while the print runs; the outcome ("Printed — collect at the printer",
or the printer's problem with a Resume button) stays `SHOW_SECONDS`. Off screen it is not in the
widget tree at all, so it never takes a touch meant for the checklist.
"""

from collections.abc import Callable
from typing import Any

from kivy.uix.label import Label

from kiosk.ui.press import PressWords
from kiosk.ui.sizes import Sizes
from kiosk.ui.widgets.basics import ColourBox, FlatButton

__all__ = ["BUSY_SECONDS", "SHOW_SECONDS", "PressNote"]

SHOW_SECONDS = 8.0
BUSY_SECONDS = 120.0  # "Printing…" gives way after this even if no outcome ever arrives
_BUSY = [0.12, 0.28, 0.55, 1.0]
_DONE = [0.05, 0.42, 0.20, 1.0]
_TROUBLE = [1.0, 0.80, 0.10, 1.0]


class PressNote(ColourBox):
    """A full-width strip; `say()` shows words, `tick(now)` takes it away when its time is up."""

    def __init__(self, sizes: Sizes, *, text_size: float, **kwargs: Any) -> None:
        super().__init__(orientation="horizontal", size_hint=(1, None), height=sizes.target + sizes(12),
                         pos_hint={"x": 0, "y": 0}, padding=sizes(6), spacing=sizes(10), **kwargs)
        self.label = Label(font_size=text_size, bold=True, halign="left", valign="middle", shorten=True,
                           shorten_from="right")
        self.label.bind(size=lambda w, s: setattr(w, "text_size", s))
        self.resume = FlatButton(text="Resume printer", font_size=sizes(21), bold=True, colour=_DONE,
                                 size_hint_x=None, width=sizes(210))
        self.resume.bind(on_release=lambda *_: self._on_resume())
        self.add_widget(self.label)
        self.host: Any = None
        self.until = 0.0
        self.words: PressWords | None = None
        self._resume_action: Callable[[], None] | None = None

    @property
    def shown(self) -> bool:
        """Whether the note is on screen."""
        return self.parent is not None

    def say(self, words: PressWords, now: float, resume: Callable[[], None] | None = None) -> None:
        """Show `words` from monotonic `now`; `resume` runs when its Resume button is pressed."""
        self.words = words
        self.label.text = words.text
        self.label.color = (0, 0, 0, 1) if words.problem else (1, 1, 1, 1)
        self.background = _TROUBLE if words.problem else _BUSY if words.busy else _DONE
        self._resume_action = resume if words.resume else None
        if self._resume_action is not None and self.resume.parent is None:
            self.add_widget(self.resume)
        elif self._resume_action is None and self.resume.parent is not None:
            self.remove_widget(self.resume)
        self.until = now + (BUSY_SECONDS if words.busy else SHOW_SECONDS)
        if self.host is not None and self.parent is None:
            self.host.add_widget(self)

    def tick(self, now: float) -> None:
        """Take the note away once its time is up."""
        if self.parent is not None and now >= self.until:
            self.parent.remove_widget(self)

    def _on_resume(self) -> None:
        if self._resume_action is not None:
            self._resume_action()

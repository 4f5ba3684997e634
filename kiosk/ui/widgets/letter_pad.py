# mypy: disallow-subclassing-any=False
"""A pad of letters for typing initials on the touchscreen (the kiosk has no on-screen keyboard)."""

from collections.abc import Callable
from typing import Any

from kivy.uix.boxlayout import BoxLayout
from kivy.uix.gridlayout import GridLayout
from kivy.uix.label import Label

from kiosk.ui.screens.common import TEXT
from kiosk.ui.sizes import Sizes
from kiosk.ui.widgets.basics import FlatButton

__all__ = ["MAX_LETTERS", "LetterPad"]

MAX_LETTERS = 4
_KEY = [0.22, 0.25, 0.32, 1.0]
_GO = [0.05, 0.42, 0.20, 1.0]


class LetterPad(BoxLayout):
    """A–Z, Clear and OK; `on_done(initials)` on OK."""

    def __init__(self, sizes: Sizes, on_done: Callable[[str], None], **kwargs: Any) -> None:
        super().__init__(orientation="vertical", spacing=sizes(4), padding=sizes(6), **kwargs)
        self.letters = ""
        self.on_done = on_done
        self.shown = Label(text="Your initials", font_size=sizes(26), bold=True, color=TEXT, size_hint_y=None,
                           height=sizes(40))
        self.add_widget(self.shown)
        grid = GridLayout(cols=7, spacing=sizes(4))
        self.keys: dict[str, FlatButton] = {}
        for key in [chr(c) for c in range(ord("A"), ord("Z") + 1)] + ["Clear", "OK"]:
            button = FlatButton(text=key, font_size=sizes(22 if len(key) == 1 else 18), bold=True,
                                colour=_GO if key == "OK" else _KEY)
            button.bind(on_release=lambda _b, k=key: self.press(k))
            self.keys[key] = button
            grid.add_widget(button)
        self.add_widget(grid)

    def press(self, key: str) -> None:
        """One key."""
        if key == "OK":
            self.on_done(self.letters)
            return
        if key == "Clear":
            self.letters = ""
        elif len(self.letters) < MAX_LETTERS:
            self.letters += key
        self.shown.text = self.letters or "Your initials"

# mypy: disallow-subclassing-any=False
"""Plain building blocks: a coloured box, a flat button with visible press feedback, labels that wrap or fit."""

from collections.abc import Callable
from typing import Any

from kivy.core.text import Label as CoreLabel
from kivy.graphics import Color, Rectangle
from kivy.properties import ListProperty
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.button import Button
from kivy.uix.label import Label

__all__ = ["BreakingLabel", "ColourBox", "FitLabel", "FlatButton", "WrapLabel", "break_at_slashes", "fit_font_size",
           "two_lines"]

RGBA = tuple[float, float, float, float]


class ColourBox(BoxLayout):
    """A BoxLayout with a solid background colour."""

    background = ListProperty([0.0, 0.0, 0.0, 0.0])

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        with self.canvas.before:
            self._colour = Color(*self.background)
            self._rect = Rectangle(pos=self.pos, size=self.size)
        self.bind(pos=self._sync, size=self._sync, background=self._sync)

    def _sync(self, *_: object) -> None:
        self._colour.rgba = self.background
        self._rect.pos, self._rect.size = self.pos, self.size


class FlatButton(Button):
    """A flat, high-contrast button that darkens while pressed (no images, no animation)."""

    colour = ListProperty([0.16, 0.20, 0.28, 1.0])

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("background_normal", "")
        kwargs.setdefault("background_down", "")
        kwargs.setdefault("background_disabled_normal", "")
        kwargs.setdefault("background_disabled_down", "")
        super().__init__(**kwargs)
        self.bind(state=self._sync, colour=self._sync, disabled=self._sync)
        self._sync()

    def _sync(self, *_: object) -> None:
        r, g, b, a = self.colour
        if self.disabled:
            self.background_color = (r * 0.5 + 0.25, g * 0.5 + 0.25, b * 0.5 + 0.25, a)
        elif self.state == "down":
            self.background_color = (r * 0.6, g * 0.6, b * 0.6, a)
        else:
            self.background_color = (r, g, b, a)


class WrapLabel(Label):
    """A label that wraps to its width and is exactly as tall as its text (for lists)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("halign", "left")
        kwargs.setdefault("valign", "top")
        kwargs.setdefault("size_hint_y", None)
        super().__init__(**kwargs)
        self.bind(width=self._wrap, texture_size=self._fit)
        self._wrap()

    def _wrap(self, *_: object) -> None:
        self.text_size = (self.width, None)

    def _fit(self, *_: object) -> None:
        self.height = self.texture_size[1]


def break_at_slashes(text: str, fits: Callable[[str], bool]) -> str:
    """`text` with a line break after a "/" inside any word too wide for a line (paths, addresses)."""
    words = []
    for word in text.split(" "):
        if "/" not in word or fits(word):
            words.append(word)
            continue
        pieces, line = [], ""
        for part in word.replace("/", "/\0").split("\0"):
            if line and not fits(line + part):
                pieces.append(line)
                line = part
            else:
                line += part
        words.append("\n".join([*pieces, line]))
    return " ".join(words)


class BreakingLabel(WrapLabel):
    """A WrapLabel that breaks a long path after a "/" instead of in the middle of a name."""

    def __init__(self, **kwargs: Any) -> None:
        self.raw = str(kwargs.get("text", ""))
        super().__init__(**kwargs)

    def _wrap(self, *_: object) -> None:
        super()._wrap()
        if "/" in self.raw and self.width > 1:
            self.text = break_at_slashes(self.raw, self._fits)

    def _fits(self, text: str) -> bool:
        width, _height = CoreLabel(text=text, font_size=self.font_size, bold=self.bold).get_extents(text)
        return bool(width <= self.width)


def fit_font_size(text: str, width: float, largest: float, *, bold: bool = True) -> float:
    """The largest font size up to `largest` at which `text` fits `width` on one line."""
    if not text or width <= 0:
        return largest
    measured, _ = CoreLabel(text=text, font_size=largest, bold=bold).get_extents(text)
    return largest if measured <= width else max(8.0, largest * width / measured * 0.97)


def two_lines(text: str) -> str:
    """`text` broken at the space that makes its longer line shortest."""
    words = text.split()
    if len(words) < 2:
        return text
    cut = min(range(1, len(words)), key=lambda k: max(len(" ".join(words[:k])), len(" ".join(words[k:]))))
    return " ".join(words[:cut]) + "\n" + " ".join(words[cut:])


class FitLabel(Label):
    """One line (or `lines=2`: two) of text that shrinks (never grows) to fit its width: the big words.

    Set `words`, not `text`: with two lines the text is broken only when one line does not fit. It never
    shrinks below `smallest` (the least legible size): words that do not fit even then end in an ellipsis
    (its `text_size` must be bound to its size).
    """

    largest = ListProperty([40.0])

    def __init__(self, **kwargs: Any) -> None:
        largest = kwargs.pop("font_size", 40.0)
        self.lines = kwargs.pop("lines", 1)
        self.smallest = float(kwargs.pop("smallest", 0.0))
        words = kwargs.pop("text", "")
        super().__init__(**kwargs)
        self.largest = [largest]
        self.words = words
        self.bind(width=self._fit, largest=self._fit, bold=self._fit)
        self._fit()

    def show_words(self, words: str) -> None:
        """Show `words` at the largest size that fits."""
        if words != self.words or not self.text:
            self.words = words
            self._fit()

    def _fit(self, *_: object) -> None:
        text, size = self.words, self.largest[0]
        if self.lines > 1 and fit_font_size(text, self.width, size, bold=self.bold) < size:
            text = two_lines(text)
        lines = text.split("\n")
        fitted = min(fit_font_size(line, self.width, size, bold=self.bold) for line in lines)
        self.shorten = fitted < self.smallest
        if self.shorten:
            text, fitted = self.words, self.smallest
        self.font_size = fitted
        self.text = text

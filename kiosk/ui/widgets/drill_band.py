# mypy: disallow-subclassing-any=False
"""The DRILL band across the top of every screen: yellow and black stripes either side of the word DRILL,
unmistakable from across the room; collapsed when no drill runs."""

from typing import Any

from kivy.graphics import Color, Quad
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.widget import Widget

from kiosk.ui.sizes import Sizes
from kiosk.ui.widgets.basics import ColourBox, FitLabel

__all__ = ["DrillBand", "Stripes"]

YELLOW = (1.0, 0.84, 0.0, 1.0)
BLACK = (0.0, 0.0, 0.0, 1.0)


class Stripes(Widget):
    """Diagonal black stripes on yellow, like hazard tape."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.bind(pos=self._draw, size=self._draw)

    def _draw(self, *_: object) -> None:
        self.canvas.clear()
        x, y, width, height = self.x, self.y, self.width, self.height
        stripe = max(height * 0.5, 4.0)
        with self.canvas:
            Color(*YELLOW)
            Quad(points=(x, y, x + width, y, x + width, y + height, x, y + height))
            Color(*BLACK)
            left = x - height
            while left < x + width:
                corners = ((left, y), (left + stripe, y), (left + stripe + height, y + height),
                           (left + height, y + height))
                Quad(points=[value for cx, cy in corners for value in (min(max(cx, x), x + width), cy)])
                left += 2 * stripe


class DrillBand(BoxLayout):
    """`show(words)` with the band's text, or None to hide it."""

    def __init__(self, sizes: Sizes, **kwargs: Any) -> None:
        super().__init__(orientation="horizontal", size_hint_y=None, height=0, opacity=0, **kwargs)
        self.sizes = sizes
        self.words: str | None = None
        self.label = FitLabel(text="", font_size=sizes(22), bold=True, color=BLACK)
        middle = ColourBox(background=list(YELLOW), padding=(sizes(6), 0))
        middle.add_widget(self.label)
        self.add_widget(Stripes(size_hint_x=0.14))
        self.add_widget(middle)
        self.add_widget(Stripes(size_hint_x=0.14))

    def show(self, words: str | None) -> None:
        """Show the band with `words`, or collapse it."""
        if words == self.words:
            return
        self.words = words
        self.label.show_words(words or "")
        self.height = self.sizes(40) if words else 0
        self.opacity = 1 if words else 0

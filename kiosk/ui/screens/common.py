# mypy: disallow-subclassing-any=False
"""Pieces the screens share: the dark page colours, section headings, a scrolling column of lines."""

from typing import Any

from kivy.uix.gridlayout import GridLayout
from kivy.uix.scrollview import ScrollView

from kiosk.ui.sizes import Sizes
from kiosk.ui.widgets.basics import BreakingLabel, WrapLabel

__all__ = ["PAGE", "TEXT", "WARN", "Column", "heading"]

PAGE = (0.09, 0.10, 0.12, 1.0)
TEXT = (0.95, 0.95, 0.95, 1.0)
DIM = (0.70, 0.72, 0.76, 1.0)
WARN = (1.0, 0.80, 0.10, 1.0)


def heading(text: str, sizes: Sizes, size: float = 19.0) -> WrapLabel:
    """A bold section heading (`size` in design pixels)."""
    return WrapLabel(text=text, bold=True, font_size=sizes(size), color=DIM, padding=(0, sizes(4)))


class Column(ScrollView):
    """A vertical list of wrapped lines under headings that scrolls when it does not fit."""

    def __init__(self, sizes: Sizes, **kwargs: Any) -> None:
        kwargs.setdefault("do_scroll_x", False)
        kwargs.setdefault("bar_width", sizes(8))
        kwargs.setdefault("scroll_type", ["bars", "content"])
        kwargs.setdefault("effect_cls", "ScrollEffect")
        super().__init__(**kwargs)
        self.sizes = sizes
        self.grid = GridLayout(cols=1, size_hint_y=None, spacing=sizes(4), padding=(sizes(4), 0, sizes(12), 0))
        self.grid.bind(minimum_height=self.grid.setter("height"))
        self.add_widget(self.grid)
        self._shown: list[tuple[str, str]] = []

    def show(self, blocks: list[tuple[str, list[str]]], *, size: float = 20.0) -> None:
        """Show `(heading, lines)` blocks; nothing is rebuilt when they did not change."""
        flat = [(str(size), "")] + [(title, "\n".join(lines)) for title, lines in blocks]
        if flat == self._shown:
            return
        self._shown = flat
        self.grid.clear_widgets()
        for title, lines in blocks:
            if title:
                self.grid.add_widget(heading(title, self.sizes, size * 0.95))
            for line in lines:
                self.grid.add_widget(BreakingLabel(text=line, font_size=self.sizes(size), color=TEXT))

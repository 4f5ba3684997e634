# mypy: disallow-subclassing-any=False
"""The Info screen: version, address, probes, schedule copy, nightly print, downtime log, alerts."""

from typing import Any

from kivy.uix.boxlayout import BoxLayout

from kiosk.ui.info_view import InfoSection
from kiosk.ui.screens.common import PAGE, Column
from kiosk.ui.sizes import Sizes
from kiosk.ui.widgets.basics import ColourBox

__all__ = ["InfoScreen"]


class InfoScreen(ColourBox):
    """Two scrolling columns of titled sections."""

    def __init__(self, sizes: Sizes, **kwargs: Any) -> None:
        super().__init__(orientation="vertical", background=list(PAGE), padding=sizes(10), **kwargs)
        portrait = sizes.window[1] > sizes.window[0] * 1.1
        row = BoxLayout(orientation="vertical" if portrait else "horizontal", spacing=sizes(18))
        self.first, self.second = Column(sizes), Column(sizes)
        row.add_widget(self.first)
        row.add_widget(self.second)
        self.add_widget(row)

    def show(self, sections: list[InfoSection]) -> None:
        """Draw the sections: the first half on the left, the rest (log, alerts) on the right."""
        blocks = [(section.title.upper(), section.lines) for section in sections]
        half = (len(blocks) + 1) // 2
        self.first.show(blocks[:half], size=18)
        self.second.show(blocks[half:], size=18)

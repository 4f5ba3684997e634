# mypy: disallow-subclassing-any=False
"""The Status screen (home): the band in the level's colour, its word and icon, then what to do.

Read in two seconds from three metres: colour + icon + one big word at the top; the headline and
"checked … ago" under it; the checklist on the left, incidents and maintenance on the right.
"""

from typing import Any

from kivy.uix.boxlayout import BoxLayout
from kivy.uix.label import Label

from kiosk.ui.screens.common import PAGE, TEXT, WARN, Column
from kiosk.ui.sizes import Sizes
from kiosk.ui.status_view import StatusView
from kiosk.ui.widgets.basics import ColourBox, FitLabel
from kiosk.ui.widgets.icon import LevelIcon

__all__ = ["StatusScreen"]


class StatusScreen(ColourBox):
    """Shows one `StatusView`; `show()` changes only what changed."""

    def __init__(self, sizes: Sizes, **kwargs: Any) -> None:
        super().__init__(orientation="vertical", background=list(PAGE), **kwargs)
        self.sizes = sizes
        self.band = ColourBox(orientation="horizontal", size_hint_y=None, height=sizes(140),
                              padding=(sizes(14), sizes(10)), spacing=sizes(14))
        self.icon = LevelIcon(size_hint_x=None, width=sizes(130))
        words = BoxLayout(orientation="vertical", spacing=sizes(4))
        self.word = FitLabel(font_size=sizes(60), bold=True, halign="left", valign="middle",
                             size_hint_y=0.58)
        self.word.bind(size=lambda w, s: setattr(w, "text_size", s))
        self.headline = Label(font_size=sizes(20), halign="left", valign="top", size_hint_y=0.42, max_lines=2)
        self.headline.bind(size=lambda w, s: setattr(w, "text_size", s))
        words.add_widget(self.word)
        words.add_widget(self.headline)
        self.band.add_widget(self.icon)
        self.band.add_widget(words)
        self.checked_box = ColourBox(size_hint_y=None, height=sizes(34), padding=(sizes(14), 0))
        self.checked = Label(font_size=sizes(20), halign="left", valign="middle")
        self.checked.bind(size=lambda w, s: setattr(w, "text_size", s))
        self.checked_box.add_widget(self.checked)
        body = BoxLayout(orientation="horizontal", padding=(sizes(14), sizes(8)), spacing=sizes(18))
        self.todo = Column(sizes, size_hint_x=0.6)
        self.events = Column(sizes, size_hint_x=0.4)
        body.add_widget(self.todo)
        body.add_widget(self.events)
        for child in (self.band, self.checked_box, body):
            self.add_widget(child)

    def show(self, view: StatusView) -> None:
        """Draw `view`."""
        look = view.look
        self.band.background = [*look.colour, 1.0]
        text_rgba = [*look.text_colour, 1.0]
        self.icon.kind, self.icon.colour = look.icon, text_rgba
        self.word.text, self.word.color = look.word, text_rgba
        self.headline.text, self.headline.color = view.headline, text_rgba
        self.checked.text = view.checked
        self.checked.bold = view.checked_warning
        self.checked.color = (0, 0, 0, 1) if view.checked_warning else TEXT
        self.checked_box.background = list(WARN) if view.checked_warning else [0.16, 0.17, 0.20, 1.0]
        steps = [f"{n}.  {step}" for n, step in enumerate(view.guidance, 1)]
        self.todo.show([("WHAT TO DO NOW", steps or ["Nothing special: work as usual."])], size=20)
        self.events.show(self._event_blocks(view))

    @staticmethod
    def _event_blocks(view: StatusView) -> list[tuple[str, list[str]]]:
        blocks = [("REPORTED BY ICANOTES", view.incidents or ["nothing reported"])]
        if view.maintenance_now:
            blocks.append(("MAINTENANCE NOW", view.maintenance_now))
        blocks.append(("MAINTENANCE PLANNED", view.maintenance_next or ["none planned"]))
        if view.related:
            blocks.append(("FALLBACKS", view.related))
        return blocks if view.monitor_running else []

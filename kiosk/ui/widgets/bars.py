# mypy: disallow-subclassing-any=False
"""The bars around every screen: the alert bar on top, the navigation bar at the bottom."""

from collections.abc import Callable
from typing import Any

from kivy.uix.label import Label

from kiosk.ui.sizes import Sizes
from kiosk.ui.widgets.basics import ColourBox, FlatButton, fit_font_size
from kiosk.ui.widgets.icon import LevelIcon

__all__ = ["SCREENS", "AlertBar", "NavBar"]

SCREENS = (("status", "Status"), ("print", "Print forms"), ("schedule", "Schedule (PIN)"), ("info", "Info"))
_YELLOW = (1.0, 0.82, 0.10, 1.0)
_TAB = [0.20, 0.22, 0.28, 1.0]
_TAB_ON = [0.93, 0.93, 0.95, 1.0]


class AlertBar(ColourBox):
    """Standing alerts (printer out of paper, nightly print failed, …) until they are resolved; hidden when none.

    It shows at most `max_lines` alerts, one line each; a tag on the right says how many more are on Info.
    """

    def __init__(self, sizes: Sizes, max_lines: int = 2, **kwargs: Any) -> None:
        super().__init__(orientation="horizontal", size_hint_y=None, height=0, opacity=0,
                         background=[0.22, 0.16, 0.0, 1.0], padding=(sizes(10), sizes(3)), spacing=sizes(10),
                         **kwargs)
        self.sizes, self.max_lines = sizes, max_lines
        self.icon = LevelIcon(kind="warning", colour=list(_YELLOW), size_hint_x=None, width=sizes(34))
        self.text = Label(font_size=sizes(19), bold=True, color=_YELLOW, halign="left", valign="middle",
                          shorten=True, shorten_from="right")
        self.text.bind(size=lambda w, s: setattr(w, "text_size", s))
        self.more = Label(font_size=sizes(17), bold=True, color=_YELLOW, size_hint_x=None, width=0,
                          halign="right", valign="middle")
        self.more.bind(size=lambda w, s: setattr(w, "text_size", s))
        self.add_widget(self.icon)
        self.add_widget(self.text)
        self.add_widget(self.more)
        self.lines: list[str] = []

    def show(self, lines: list[str]) -> None:
        """Show the first `max_lines` alerts (and how many more); collapse when there are none."""
        if lines == self.lines:
            return
        self.lines = lines
        shown = lines[:self.max_lines]
        hidden = len(lines) - len(shown)
        self.text.text = "\n".join(shown)
        self.more.text = f"+{hidden} on Info" if hidden else ""
        self.more.width = self.sizes(100) if hidden else 0
        self.height = self.sizes(30) * len(shown) + self.sizes(8) if shown else 0
        self.opacity = 1 if shown else 0


class NavBar(ColourBox):
    """One large tab per screen; the current one is drawn light."""

    def __init__(self, sizes: Sizes, on_select: Callable[[str], None], **kwargs: Any) -> None:
        super().__init__(orientation="horizontal", size_hint_y=None, height=sizes.target + sizes(8),
                         padding=sizes(4), spacing=sizes(4), background=[0.05, 0.05, 0.07, 1.0], **kwargs)
        self.tabs: dict[str, FlatButton] = {}
        for name, title in SCREENS:
            tab = FlatButton(text=title, font_size=sizes(21), bold=True, colour=_TAB)
            tab.bind(on_release=lambda _b, n=name: on_select(n))
            tab.bind(width=lambda button, width, t=title: setattr(
                button, "font_size", fit_font_size(t, width - 2 * sizes(8), sizes(21))))
            self.tabs[name] = tab
            self.add_widget(tab)

    def select(self, name: str) -> None:
        """Highlight the tab of the current screen."""
        for tab_name, tab in self.tabs.items():
            on = tab_name == name
            tab.colour = _TAB_ON if on else _TAB
            tab.color = (0.05, 0.05, 0.07, 1) if on else (1, 1, 1, 1)

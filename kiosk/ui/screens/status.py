# mypy: disallow-subclassing-any=False
"""The Status screen (home): the band in the level's colour, its word and icon, then what to do.

Read in two seconds from three metres: colour + icon + one big word at the top; the one fact
behind the level and "checked … ago" under it; then the whole checklist, never behind a scroll:
its type size and arrangement (what the status page reports on the right or below, one or two
checklist columns) are chosen for the window (`kiosk.ui.layout`, `kiosk.ui.widgets.fit`). A
press of the button or of the screen's own print shows here at once (`PressNote`).
"""

import logging
from collections.abc import Callable
from typing import Any

from kivy.clock import Clock
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.floatlayout import FloatLayout
from kivy.uix.scrollview import ScrollView
from kivy.uix.widget import Widget

from kiosk.ui.layout import StatusLayout
from kiosk.ui.press import PressWords
from kiosk.ui.screens.common import DIM, PAGE, TEXT, WARN, Column
from kiosk.ui.sizes import Sizes
from kiosk.ui.status_view import StatusView
from kiosk.ui.widgets.basics import ColourBox, FitLabel, WrapLabel
from kiosk.ui.widgets.fit import HEADING_SCALE, Arrangement, FitRequest, choose_arrangement, text_height
from kiosk.ui.widgets.icon import LevelIcon
from kiosk.ui.widgets.press_note import PressNote

__all__ = ["Checklist", "StatusScreen"]

log = logging.getLogger(__name__)
HEADING = "WHAT TO DO NOW"
_STRIP = [0.16, 0.17, 0.20, 1.0]


class Checklist(ScrollView):
    """The numbered steps under a heading, in one or two columns; sized so it never needs to scroll."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(do_scroll_x=False, effect_cls="ScrollEffect", bar_width=6, **kwargs)
        self.content = BoxLayout(orientation="vertical", size_hint_y=None)
        self.heading = WrapLabel(text=HEADING, bold=True, color=DIM)
        self.row = BoxLayout(orientation="horizontal", size_hint_y=None)
        self.content.add_widget(self.heading)
        self.content.add_widget(self.row)
        self.add_widget(self.content)
        self.heading.bind(height=lambda *_: self.grow())
        self.items: list[WrapLabel] = []

    def show(self, steps: list[str], plan: Arrangement, column_gap: float) -> None:
        """Lay out `steps` as `plan` says."""
        self.heading.font_size = plan.font * HEADING_SCALE
        self.heading.padding = (0, 0, 0, plan.gap)
        self.row.clear_widgets()
        self.row.spacing = column_gap
        self.items = []
        parts = [steps[:plan.split], steps[plan.split:]] if plan.columns == 2 else [steps]
        for part in parts:
            column = BoxLayout(orientation="vertical", size_hint_y=None, spacing=plan.gap)
            column.bind(minimum_height=column.setter("height"))
            column.bind(height=lambda *_: self.grow())
            for step in part:
                label = WrapLabel(text=step, font_size=plan.font, color=TEXT)
                column.add_widget(label)
                self.items.append(label)
            self.row.add_widget(column)
        self.row.height = plan.checklist_height - self.heading.height
        self.content.height = plan.checklist_height

    def grow(self) -> None:
        """Fit the content (and, below the band, the view) to the steps as drawn."""
        tallest = max((column.height for column in self.row.children), default=0)
        self.row.height = tallest
        self.content.height = self.heading.height + tallest
        if self.size_hint_y is None:  # below the band: exactly as tall as the steps
            self.height = self.content.height


def _trimmed(side: list[tuple[str, list[str]]], font: float, width: float, room: float,
             sizes: Sizes) -> list[tuple[str, list[str]]]:
    """As many whole lines of the side column (a `Column`) as fit `room`, then how many more there are."""
    lines = [(title, line) for title, block in side for line in block]
    inner = width - sizes(16)  # the Column's own padding
    more = text_height("… and 9 more", font, inner) + sizes(4)  # room kept for saying what did not fit
    shown: list[tuple[str, list[str]]] = []
    used = 0.0
    for n, (title, line) in enumerate(lines):
        limit = room - 2 - (more if n < len(lines) - 1 else 0)
        need = text_height(line, font, inner) + sizes(4)
        if title and (not shown or shown[-1][0] != title):
            need += text_height(title, font * 0.95, inner, bold=True) + sizes(8) + sizes(4)
        if used + need > limit:
            if shown:
                shown[-1][1].append(f"… and {len(lines) - n} more")
            return shown
        used += need
        if shown and shown[-1][0] == title:
            shown[-1][1].append(line)
        else:
            shown.append((title, [line]))
    return shown


class StatusScreen(FloatLayout):
    """Shows one `StatusView`; `show()` changes only what changed and re-fits only when the words did."""

    def __init__(self, sizes: Sizes, layout: StatusLayout, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.sizes, self.layout = sizes, layout
        self.page = ColourBox(orientation="vertical", background=list(PAGE), pos_hint={"x": 0, "y": 0})
        self.band = self._band()
        text = max(layout.text_min, sizes(17))
        self.checked_box = ColourBox(size_hint_y=None, height=round(text * 1.45), padding=(sizes(14), 0))
        self.checked = FitLabel(font_size=text, smallest=layout.text_min, halign="left", valign="middle",
                                shorten_from="right")
        self.checked.bind(size=lambda w, s: setattr(w, "text_size", s))
        self.checked_box.add_widget(self.checked)
        self.body = BoxLayout(padding=(sizes(14), sizes(4)), spacing=sizes(16))
        self.todo = Checklist()
        self.events = Column(sizes)
        for child in (self.band, self.checked_box, self.body):
            self.page.add_widget(child)
        self.add_widget(self.page)
        self.note = PressNote(sizes, text_size=max(text, layout.text_font * 0.9))
        self.note.host = self
        self.plan: Arrangement | None = None
        self._words: tuple[list[str], list[tuple[str, list[str]]]] | None = None
        self._fitted_for: tuple[object, ...] | None = None
        self.body.bind(size=lambda *_: Clock.schedule_once(self._refit, 0))

    def _band(self) -> ColourBox:
        layout, sizes = self.layout, self.sizes
        word_h = round(layout.word_font * (1.06 if layout.word_lines == 1 else 1.2 * layout.word_lines))
        fact_lines = 2 if layout.portrait else 1
        fact_h = round(layout.text_font * (1.3 if fact_lines == 1 else 1.2 * fact_lines))
        pad = sizes(5)
        band = ColourBox(orientation="horizontal", size_hint_y=None, height=word_h + fact_h + 2 * pad,
                         padding=(sizes(12), pad), spacing=sizes(12))
        self.icon = LevelIcon(size_hint_x=None, width=min(word_h + fact_h, sizes(64 if layout.portrait else 130)))
        words = BoxLayout(orientation="vertical")
        self.word = FitLabel(font_size=layout.word_font, bold=True, halign="left", valign="middle",
                             size_hint_y=None, height=word_h, lines=layout.word_lines)
        self.word.bind(size=lambda w, s: setattr(w, "text_size", s))
        self.headline = FitLabel(font_size=layout.text_font, smallest=layout.text_min, lines=fact_lines,
                                 halign="left", valign="middle", size_hint_y=None, height=fact_h,
                                 shorten_from="right")
        self.headline.bind(size=lambda w, s: setattr(w, "text_size", s))
        words.add_widget(self.word)
        words.add_widget(self.headline)
        band.add_widget(self.icon)
        band.add_widget(words)
        return band

    def show(self, view: StatusView) -> None:
        """Draw `view`."""
        look = view.look
        self.band.background = [*look.colour, 1.0]
        text_rgba = [*look.text_colour, 1.0]
        self.icon.kind, self.icon.colour = look.icon, text_rgba
        self.word.show_words(look.word)
        self.word.color = text_rgba
        self.headline.show_words(view.headline)
        self.headline.color = text_rgba
        self.checked.bold = view.checked_warning
        self.checked.show_words(view.checked)
        self.checked.color = (0, 0, 0, 1) if view.checked_warning else TEXT
        self.checked_box.background = list(WARN) if view.checked_warning else _STRIP
        steps = [f"{n}.  {step}" for n, step in enumerate(view.guidance, 1)] or ["Nothing special: work as usual."]
        words = (steps, view.side)
        if words != self._words:
            self._words = words
            self._refit()

    def _refit(self, *_: object) -> None:
        """Choose the arrangement for the current words and size (only when one of them changed)."""
        if self._words is None or self.body.width < 50 or self.body.height < 50:
            return
        steps, side = self._words
        pad_x, pad_y = self.body.padding[0], self.body.padding[1]
        width, height = self.body.width - 2 * pad_x, self.body.height - 2 * pad_y
        key = (tuple(steps), tuple((t, tuple(lines)) for t, lines in side), round(width), round(height))
        if key == self._fitted_for:
            return
        self._fitted_for = key
        gap = self.sizes(16)
        plan = choose_arrangement(FitRequest(
            HEADING, steps, [line for _t, lines in side for line in lines], width=width, height=height,
            font=self.layout.text_font, font_min=self.layout.text_min, sides=self.layout.sides if side else ("below",),
            max_columns=self.layout.max_columns, column_gap=gap))
        if not plan.fits:
            log.warning("the checklist does not fit %dx%d even at %.0f px: it scrolls", width, height, plan.font)
        self.plan = plan
        self._place(plan, steps, side, height, gap)

    def _place(self, plan: Arrangement, steps: list[str], side: list[tuple[str, list[str]]], height: float,
               gap: float) -> None:
        self.body.clear_widgets()
        self.todo.show(steps, plan, gap)
        self.body.spacing = gap
        if plan.side == "right":
            self.body.orientation = "horizontal"
            self.todo.size_hint = (None, 1)
            self.todo.width = (self.body.width - 2 * self.body.padding[0]) * 0.6 - gap / 2
            self.events.size_hint = (1, 1)
        else:
            self.body.orientation = "vertical"
            self.todo.size_hint = (1, None)
            self.todo.height = min(plan.checklist_height, height)
            self.events.size_hint = (1, 1)
            self.todo.grow()
        self.body.add_widget(self.todo)
        room = height if plan.side == "right" else height - plan.checklist_height - gap
        width = self.body.width - 2 * self.body.padding[0]
        shown = _trimmed(side, plan.side_font, width if plan.side == "below" else width * 0.4 - gap, room, self.sizes)
        if shown:
            self.events.show(shown, size=plan.side_font / self.sizes.unit)
            self.body.add_widget(self.events)
        else:
            self.body.spacing = 0
            self.body.add_widget(Widget())  # the room left stays under the steps, not above them

    def acknowledge(self, words: PressWords, now: float, resume: Callable[[], None] | None = None) -> None:
        """Show a press or its outcome over the bottom of the screen from monotonic `now` (see PressNote)."""
        self.note.say(words, now, resume)

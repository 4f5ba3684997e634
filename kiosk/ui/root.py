# mypy: disallow-subclassing-any=False
"""The whole screen: alert bar, the current screen, the navigation bar, and the night cover.

`tick()` runs once a second: it re-reads the state file only when it changed, updates what is
shown (Kivy redraws only what changed), auto-locks the schedule and decides night or day.
"""

import logging
from dataclasses import replace
from typing import Any

from kivy.uix.boxlayout import BoxLayout
from kivy.uix.floatlayout import FloatLayout
from kivy.uix.label import Label

from kiosk.state.document import StateDocument
from kiosk.ui.context import UiContext
from kiosk.ui.drill_view import drill_headline, with_drill
from kiosk.ui.extras import Extras
from kiosk.ui.info_view import info_sections
from kiosk.ui.layout import status_layout
from kiosk.ui.night import NightMode
from kiosk.ui.pin import PinGate, PinLockoutStore, pin_warning
from kiosk.ui.press import ButtonWatch, PressWords
from kiosk.ui.screens.info import InfoScreen
from kiosk.ui.screens.print import PrintScreen
from kiosk.ui.screens.schedule import ScheduleScreen
from kiosk.ui.screens.status import StatusScreen
from kiosk.ui.sizes import Sizes
from kiosk.ui.state_file import StateFileReader
from kiosk.ui.status_view import StatusView, alert_lines, monitor_running, status_view
from kiosk.ui.widgets.bars import AlertBar, NavBar
from kiosk.ui.widgets.basics import ColourBox
from kiosk.ui.widgets.worker import Worker

__all__ = ["KioskRoot"]

log = logging.getLogger(__name__)


class KioskRoot(FloatLayout):
    """The root widget; `go(name)` switches screens ("status", "print", "schedule", "info")."""

    def __init__(self, ctx: UiContext, sizes: Sizes, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.ctx, self.sizes = ctx, sizes
        self.reader = StateFileReader(ctx.state_file)
        store = PinLockoutStore(ctx.pin_lockout_file) if ctx.pin_lockout_file is not None else None
        self.gate = PinGate(ctx.settings.pin_hash, lock_seconds=ctx.settings.lock_seconds, clock=ctx.mono,
                            store=store, wall=ctx.wall)
        self.night = NightMode(ctx.settings.night, ctx.settings.wake_seconds)
        self.worker = Worker()
        self.state: StateDocument | None = None
        self.view: StatusView | None = None
        self.current = ""
        self.is_dark = False
        self.address = ctx.address()
        frame = BoxLayout(orientation="vertical")
        layout = status_layout(*sizes.window)
        self.alerts = AlertBar(sizes, max_lines=layout.alert_lines)
        self.content = BoxLayout()
        self.nav = NavBar(sizes, self.go)
        self.panel = ctx.panel(sizes) if ctx.panel else None
        if self.panel is not None:
            self.nav.add_widget(self.panel)
        self.button_watch = ButtonWatch()
        self.screens: dict[str, Any] = {
            "status": StatusScreen(sizes, layout),
            "print": PrintScreen(sizes, ctx.print_desk, self.worker, open_schedule=lambda: self.go("schedule"),
                                 now=ctx.now, unavailable=ctx.print_unavailable),
            "schedule": ScheduleScreen(sizes, self.gate, ctx.schedule_desk, self.worker, now=ctx.now,
                                       unavailable=ctx.schedule_unavailable),
            "info": InfoScreen(sizes),
        }
        self.screens["print"].announce = self.acknowledge
        self.extras = Extras(ctx, sizes, self.screens, self.gate, self.worker)
        for child in (self.extras.band, self.alerts, self.content, self.nav):
            frame.add_widget(child)
        self.add_widget(frame)
        self.cover = ColourBox(orientation="vertical", background=[0, 0, 0, 1], padding=sizes(20))
        self.cover.add_widget(Label(text="Night mode — touch the screen to wake it", font_size=sizes(18),
                                    color=(0.22, 0.22, 0.22, 1)))
        self.go("status")

    def go(self, name: str) -> None:
        """Show screen `name`; leaving the schedule locks it."""
        if name == self.current:
            return
        if self.current == "schedule" and self.gate.unlocked:
            self.screens["schedule"].lock()
        self.current = name
        self.content.clear_widgets()
        self.content.add_widget(self.screens[name])
        self.nav.select(name)
        log.info("showing the %s screen", name)
        self.tick()

    def tick(self, *_: object) -> None:
        """Bring everything on screen up to date (once a second, and after each change)."""
        self.state, _changed = self.reader.read()
        now = self.ctx.now()
        timeout = self.ctx.settings.monitor_timeout_seconds
        shown = with_drill(self.state) if monitor_running(self.state, now, timeout) else self.state
        view = status_view(shown, now, monitor_timeout=timeout,
                           stale_after=self.ctx.stale_after, refusal=self.reader.refusal)
        headline = drill_headline(self.state) if view.monitor_running else None
        view = replace(view, headline=headline) if headline else view  # the drill says it is one
        if self.view is None or view.look != self.view.look:
            log.info("screen shows %s (%s)", view.level, view.look.word)
        self.view = view
        live_state = self.state if view.monitor_running else None
        self.screens["status"].show(view)
        self.extras.tick(self.state, now, live=view.monitor_running)
        pressed = self.button_watch.update(live_state)
        if pressed is not None:
            self.acknowledge(pressed)
        self.screens["status"].note.tick(self.ctx.mono())
        self.alerts.show(alert_lines(self.state))
        self.screens["print"].show_printer(live_state.printer if live_state else None)
        self.screens["schedule"].tick()
        if self.current == "info":
            warning = pin_warning(self.ctx.settings.pin_hash)
            self.screens["info"].show(info_sections(self.state, now, version=self.ctx.version,
                                                    address=self.address, config_source=self.ctx.config_source,
                                                    notes=[warning] if warning else []))
        if self.panel is not None:
            self.panel.update(live_state)
        self._set_dark(self.night.is_dark(now.astimezone().time(), view.level, self.ctx.mono()))

    def acknowledge(self, words: PressWords) -> None:
        """Show a press or its outcome on the Status screen (lit, even at night)."""
        self.night.wake(self.ctx.mono())
        self._set_dark(False)
        self.screens["status"].acknowledge(words, self.ctx.mono(), self.screens["print"].resume_from_note)

    def _set_dark(self, dark: bool) -> None:
        if dark == self.is_dark:
            return
        self.is_dark = dark
        if dark:
            self.screens["schedule"].lock()
            self.add_widget(self.cover)
        else:
            self.remove_widget(self.cover)

    def on_touch_down(self, touch: Any) -> bool:
        """Any touch keeps the schedule open and the screen lit; the touch that wakes it does nothing else."""
        self.gate.touch()
        self.night.wake(self.ctx.mono())
        if self.is_dark:
            self._set_dark(False)
            self.tick()
            return True
        return bool(super().on_touch_down(touch))

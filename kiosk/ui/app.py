# mypy: disallow-subclassing-any=False
"""The Kivy app around `KioskRoot`: one window, never closed by Escape, no settings panel on F1, frame rate capped.

Import only after `kiosk.ui.kivy_env.prepare()`. Logs one line when the first frame showing the
last known level is on screen (the bench measures start-up by it).
"""

import logging
import signal
import sys
import time
from typing import Any

from kivy.app import App
from kivy.clock import Clock
from kivy.core.window import Window
from kivy.metrics import Metrics

from kiosk.ui.context import UiContext
from kiosk.ui.kivy_env import FIRST_FRAME_MARK
from kiosk.ui.root import KioskRoot
from kiosk.ui.sizes import sizes_for

__all__ = ["KioskApp", "run_app"]

log = logging.getLogger(__name__)
_BUSY_SECONDS = 10.0


class KioskApp(App):
    """The wall screen."""

    title = "Downtime Kiosk"
    use_kivy_settings = False

    def _install_settings_keys(self, window: Any) -> None:
        """Kivy binds F1 (and Menu) to its settings panel, which leaves the kiosk's screens: not here."""

    def open_settings(self, *largs: Any) -> bool:
        """Never: a USB keyboard must not reach Kivy's settings panel."""
        return False

    def __init__(self, ctx: UiContext, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.ctx = ctx
        self.started = time.monotonic()
        self.screen: KioskRoot | None = None
        self._size = (0, 0)

    def build(self) -> Any:
        """Make the root widget for the window's size and start the one-second tick."""
        Window.clearcolor = (0.09, 0.10, 0.12, 1)
        Window.bind(on_request_close=self._on_request_close, on_flip=self._first_flip)
        Window.bind(size=lambda *_: Clock.schedule_once(self._rebuild, 0.3))
        Window.bind(on_motion=self._busy, on_key_down=self._busy)
        self._pace(self.ctx.settings.idle_fps)
        Clock.schedule_interval(self._tick, 1.0)
        return self._make_root()

    def _pace(self, fps: float) -> None:
        # Kivy reads graphics.maxfps once; its clock keeps the cap in _max_fps, which it reads every frame
        Clock._max_fps = float(fps)

    def _busy(self, *_: object) -> None:
        """Input: draw smoothly for a few seconds, then drop back to the idle frame rate."""
        if Clock._max_fps != self.ctx.settings.max_fps:
            self._pace(self.ctx.settings.max_fps)
        Clock.unschedule(self._idle)
        Clock.schedule_once(self._idle, _BUSY_SECONDS)

    def _idle(self, *_: object) -> None:
        self._pace(self.ctx.settings.idle_fps)

    def _make_root(self) -> KioskRoot:
        self._size = tuple(Window.size)
        self.screen = KioskRoot(self.ctx, sizes_for(Window.width, Window.height, Metrics.dpi))
        return self.screen

    def _rebuild(self, *_: object) -> None:
        old = self.screen
        if tuple(Window.size) == self._size or old is None:
            return
        Window.remove_widget(old)
        Window.add_widget(self._make_root())

    def _tick(self, *_: object) -> None:
        if self.screen is not None:
            self.screen.tick()

    def _first_flip(self, *_: object) -> None:
        if self.screen is None or self.screen.view is None:
            return
        Window.unbind(on_flip=self._first_flip)
        elapsed = time.monotonic() - self.started
        print(f"{FIRST_FRAME_MARK} {self.screen.view.level} after {elapsed:.2f} s ({Window.width}x{Window.height})",
              file=sys.stderr, flush=True)

    def _on_request_close(self, *_: object, **kwargs: object) -> bool:
        # True keeps the window. The appliance never closes; the demo's window closes from its title bar.
        if self.ctx.settings.fullscreen or kwargs.get("source") == "keyboard":
            log.info("ignored a request to close the screen (%s)", kwargs.get("source", "window manager"))
            return True
        return False

    def on_stop(self) -> None:
        """Let running print jobs finish without blocking the exit."""
        if self.screen is not None:
            self.screen.worker.shutdown()


def run_app(ctx: UiContext) -> int:
    """Run the screen until the window is closed (demo) or SIGTERM/SIGINT stops it (appliance)."""
    app = KioskApp(ctx)

    def stop(signum: int, _frame: object) -> None:
        log.info("stopping the screen (%s)", signal.Signals(signum).name)
        Clock.schedule_once(lambda _dt: app.stop(), 0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    app.run()
    return 0

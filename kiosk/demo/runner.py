"""`downtime-kiosk demo`: the built-in status page, the watch daemon and the wall screen together.

Everything runs on this machine: the pretend ICANotes on 127.0.0.1 (cycling through the levels,
or holding one), `downtime-kiosk watch` as a child process on gpiozero's mock pins, and the
screen in a window with the LED and the button drawn beside the tabs. Prints go to
./demo-output/ unless a CUPS queue is named; the schedule is fictional.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from kiosk.config import load_config
from kiosk.demo.calendar import write_demo_calendar
from kiosk.demo.config import DEMO_PIN, demo_config_text
from kiosk.demo.status_page import DemoStatusPage
from kiosk.errors import DowntimeKioskError
from kiosk.ui.context import UiContext
from kiosk.ui.desk import JobResult
from kiosk.ui.wiring import context_from_config, run_screen
from print_service.paths import AppPaths
from print_service.schedule import ScheduleCache, ScheduleSettings

__all__ = ["run_demo"]


def run_demo(scenario: str, *, output_dir: Path, printer: str | None = None, cycle_seconds: float = 20.0) -> int:
    """Run the whole demo until the window is closed; clean up the daemon and the temporary state."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or Path("/dev/dri").exists()):
        raise DowntimeKioskError("no display to show the screen on: run it on a desktop, or under Xvfb "
                                 "(xvfb-run -s '-screen 0 1280x800x24' .ci/demo), or use `demo --text`")
    work = Path(tempfile.mkdtemp(prefix="downtime-kiosk-demo-"))
    output_dir = output_dir.resolve()
    if not printer:
        output_dir.mkdir(parents=True, exist_ok=True)
    try:
        with DemoStatusPage(scenario, cycle_seconds=cycle_seconds) as page:
            calendar = write_demo_calendar(work / "demo-calendar.ics", date.today())
            config_path = work / "config.toml"
            config_path.write_text(demo_config_text(work, page.settings(), output_dir=output_dir, printer=printer,
                                                    calendar=calendar))
            config = load_config(config_path)
            paths = config.get(AppPaths)
            ScheduleCache(config.get(ScheduleSettings), paths).refresh()
            _say(page.url, scenario, output_dir, printer)
            with _Daemon(config_path):
                ctx = context_from_config(config, fullscreen=False)
                ctx.panel = _panel_factory(ctx)
                return run_screen(ctx, paths)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _say(url: str, scenario: str, output_dir: Path, printer: str | None) -> None:
    where = f"CUPS queue {printer}" if printer else f"{output_dir}/"
    print(f"demo: status page {url}/ ({'cycling through the levels' if scenario == 'cycle' else scenario})\n"
          f"demo: blank forms print to {where}; the schedule is fictional and prints to a CUPS queue only\n"
          f"demo: schedule PIN {DEMO_PIN}; the button is the B key or the red button on screen "
          f"(hold 3 s: next clinic day's schedule)\n"
          "demo: close the window (or Ctrl+C here) to stop", flush=True)


class _Daemon:
    """`downtime-kiosk watch` on gpiozero's mock pins, as a child process."""

    def __init__(self, config_path: Path) -> None:
        self.config_path = config_path
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> "_Daemon":
        env = {**os.environ, "GPIOZERO_PIN_FACTORY": "mock"}
        self.process = subprocess.Popen([sys.executable, "-m", "kiosk", "--config", str(self.config_path), "watch"],
                                        env=env)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _panel_factory(ctx: UiContext) -> Callable[[Any], Any]:
    """The LED and button panel; the button does what the physical one does, from the screen's side."""

    def make(sizes: Any) -> Any:
        from kivy.app import App

        from kiosk.demo.panel import DemoPanel

        def screens() -> dict[str, Any]:
            return App.get_running_app().screen.screens  # type: ignore[no-any-return]

        def press() -> None:
            screens()["print"].print_packet()

        def hold() -> None:
            desk = ctx.schedule_desk
            if desk is None:
                return

            def work(progress: Callable[[str], None]) -> JobResult:
                today = ctx.now().astimezone().date()
                data = desk.load(today)
                day = data.next_day.day if data.next_day else today + timedelta(days=1)
                return desk.print_day(day, progress)

            screens()["print"].track("Schedule, next clinic day (button held)", work, announce=True)

        return DemoPanel(sizes, on_press=press, on_hold=hold)

    return make

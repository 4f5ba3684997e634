"""`downtime-kiosk demo`: the built-in status page, the watch daemon and the wall screen together.

Everything runs on this machine: the pretend ICANotes on 127.0.0.1 (cycling through the levels,
or holding one), `downtime-kiosk watch` as a child process on gpiozero's mock pins, the
screen in a window with the LED and the button drawn beside the tabs, and — unless a CUPS
queue is named — a private cupsd of the demo's own whose printer writes every job as a PDF
into ./demo-output/ (the schedule too: its patients are invented).
"""

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from kiosk.config import load_config
from kiosk.demo.calendar import write_demo_calendar
from kiosk.demo.config import DEMO_PIN, demo_config_text
from kiosk.demo.print_server import QUEUE, DemoPrintServer
from kiosk.demo.status_page import DemoStatusPage
from kiosk.errors import DowntimeKioskError
from kiosk.ui.context import UiContext
from kiosk.ui.desk import JobResult
from kiosk.ui.wiring import context_from_config, run_screen
from print_service.paths import AppPaths
from print_service.schedule import ScheduleSettings
from print_service.schedule.cache import ScheduleCache

__all__ = ["run_demo"]


def run_demo(scenario: str, *, output_dir: Path, printer: str | None = None, cycle_seconds: float = 20.0) -> int:
    """Run the whole demo until the window is closed; clean up the daemon and the temporary state."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or Path("/dev/dri").exists()):
        raise DowntimeKioskError("no display to show the screen on: run it on a desktop, or under Xvfb "
                                 "(xvfb-run -s '-screen 0 1280x800x24' .ci/demo), or use `demo --text`")
    work = Path(tempfile.mkdtemp(prefix="downtime-kiosk-demo-"))
    output_dir = output_dir.resolve()
    try:
        with DemoStatusPage(scenario, cycle_seconds=cycle_seconds) as page, \
                _print_server(work, output_dir, printer) as queue:
            calendar = write_demo_calendar(work / "demo-calendar.ics", date.today())
            config_path = work / "config.toml"
            config_path.write_text(demo_config_text(work, page.settings(), output_dir=None, printer=queue,
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


@contextlib.contextmanager
def _print_server(work: Path, output_dir: Path, printer: str | None) -> Iterator[str]:
    """The queue the demo prints to: `printer` on the system's CUPS, else the demo's own cupsd.

    The demo's cupsd is made known to the screen and the watch daemon (a child process) through
    `CUPS_SERVER`, as an IT person would point any CUPS client at another server.
    """
    if printer:
        yield printer
        return
    output_dir.mkdir(parents=True, exist_ok=True)
    before = os.environ.get("CUPS_SERVER")
    with DemoPrintServer(work / "cups", output_dir) as server:
        os.environ["CUPS_SERVER"] = server.address
        try:
            yield QUEUE
        finally:
            if before is None:
                os.environ.pop("CUPS_SERVER", None)
            else:
                os.environ["CUPS_SERVER"] = before


def _say(url: str, scenario: str, output_dir: Path, printer: str | None) -> None:
    where = f"the CUPS queue {printer}" if printer else \
        f"the demo's own print server, whose printer writes each job as a PDF into {output_dir}/"
    print(f"demo: status page {url}/ ({'cycling through the levels' if scenario == 'cycle' else scenario})\n"
          f"demo: everything prints through {where} (the schedule's patients are invented)\n"
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

"""`downtime-kiosk ui` as the appliance runs it: a child process, full screen on Xvfb, Escape ignored;
and `ui --set-pin`, which prints the pin_hash line and never the PIN."""

import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from kiosk.ui.kivy_env import FIRST_FRAME_MARK
from kiosk.ui.pin import verify_pin
from tests.conftest import REPO, RunCli, cli_env
from tests.fixtures.xvfb import XDisplay, xdotool
from tests.ui.states import make_state, write_state


def test_set_pin_prints_a_hash_line_from_stdin(run_cli: RunCli, write_config: Callable[..., Path]) -> None:
    result = run_cli("ui", "--set-pin", input="246810\n")
    assert result.returncode == 0, result.stderr
    line = result.stdout.strip().splitlines()[-1]
    assert line.startswith('pin_hash = "scrypt$') and "246810" not in line
    value = line.split('"')[1]
    assert verify_pin("246810", value)
    config = write_config(f"[ui]\n{line}\n")
    checked = run_cli("--config", config, "config", "check")
    assert checked.returncode == 0 and "warning" not in checked.stderr


def test_set_pin_refuses_what_the_pad_cannot_type(run_cli: RunCli) -> None:
    for typed in ("12ab56", "2468"):
        result = run_cli("ui", "--set-pin", input=f"{typed}\n")
        assert result.returncode == 64
        assert result.stderr.strip() == "downtime-kiosk: a new PIN is 6 to 12 digits (the screen's pad has only digits)"


def test_config_check_warns_about_an_old_short_pin_hash(run_cli: RunCli, write_config: Callable[..., Path]) -> None:
    from tests.ui.test_pin import _old_hash

    result = run_cli("--config", write_config(f'[ui]\npin_hash = "{_old_hash("2468")}"\n'), "config", "check")
    assert result.returncode == 0
    assert "downtime-kiosk: warning: ui.pin_hash was made before PINs needed 6 digits" in result.stderr


def test_bad_pin_hash_in_config_is_one_line_without_the_value(run_cli: RunCli,
                                                              write_config: Callable[..., Path]) -> None:
    config = write_config('[ui]\npin_hash = "2468"\n')
    result = run_cli("--config", config, "config", "check")
    assert result.returncode == 78
    assert "ui.pin_hash: expected the line `downtime-kiosk ui --set-pin` prints" in result.stderr
    assert "2468" not in result.stderr


class LineReader:
    """Collects a child's stderr lines on a thread so waits can have a deadline."""

    def __init__(self, stream: IO[str]) -> None:
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._pump, args=(stream,), daemon=True).start()

    def _pump(self, stream: IO[str]) -> None:
        for line in stream:
            self.lines.put(line)

    def wait_for(self, needle: str, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self.lines.get(timeout=left)
            except queue.Empty:
                break
            self.seen.append(line)
            if needle in line:
                return line
        raise AssertionError(f"no line with {needle!r} within {timeout} s; got:\n{''.join(self.seen[-30:])}")


def window_geometry(display: XDisplay, pid: int) -> tuple[str, int, int]:
    """The X window id and size of the window of process `pid`."""
    env = {"DISPLAY": display.name}
    found = subprocess.run([xdotool(), "search", "--sync", "--onlyvisible", "--pid", str(pid)], env=env, check=True,
                           capture_output=True, text=True, timeout=20).stdout.split()
    shell = subprocess.run([xdotool(), "getwindowgeometry", "--shell", found[-1]], env=env, check=True,
                           capture_output=True, text=True).stdout
    values = dict(line.split("=", 1) for line in shell.split())
    return found[-1], int(values["WIDTH"]), int(values["HEIGHT"])


def test_screen_runs_full_screen_and_ignores_escape_and_f1(xvfb_display: XDisplay, write_config: Callable[..., Path],
                                                    tmp_path: Path) -> None:
    config = write_config("[ui]\nfullscreen = true\n")
    write_state(tmp_path / "run" / "state.json", make_state("outage", now=_utc_now()))
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--config", str(config), "-v", "ui"],
        # without a window manager X cannot make a window full screen; give it the screen's size instead
        cwd=REPO, env=cli_env({**xvfb_display.env(), "KCFG_GRAPHICS_WIDTH": str(xvfb_display.width),
                               "KCFG_GRAPHICS_HEIGHT": str(xvfb_display.height)}),
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
    )
    try:
        assert process.stderr is not None
        reader = LineReader(process.stderr)
        line = reader.wait_for(FIRST_FRAME_MARK, 30)
        assert "first frame showing outage" in line
        window, width, height = window_geometry(xvfb_display, process.pid)

        def tap_tab(index: int, name: str) -> None:
            # tabs are the four equal buttons along the bottom; the window takes input a moment after it maps
            x, y = str(width * (2 * index + 1) // 8), str(height - 20)
            deadline = time.monotonic() + 20
            while True:
                subprocess.run([xdotool(), "mousemove", "--window", window, x, y, "click", "1"],
                               env=xvfb_display.env(), check=True)
                try:
                    reader.wait_for(f"showing the {name} screen", 1)
                    return
                except AssertionError:
                    if time.monotonic() > deadline:
                        raise

        tap_tab(3, "info")
        # the pointer is over the window, so the keyboard goes to it; events arrive in order
        # F1 would open Kivy's settings panel over the whole window, and the tap below would not reach the tabs
        subprocess.run([xdotool(), "key", "Escape", "F1"], env=xvfb_display.env(), check=True)
        tap_tab(0, "status")
        assert process.poll() is None, "the screen quit"
        process.terminate()  # systemd's stop
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def _utc_now() -> datetime:
    return datetime.now(UTC)


def test_a_broken_config_still_shows_the_status(xvfb_display: XDisplay, write_config: Callable[..., Path],
                                                tmp_path: Path) -> None:
    config = write_config("[ui]\nlock_seconds = 1\n")
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--config", str(config), "ui", "--window"],
        cwd=REPO, env=cli_env({**xvfb_display.env(), "KIVY_HOME": str(tmp_path / "kivy")}),
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        assert process.stderr is not None
        reader = LineReader(process.stderr)
        reader.wait_for("configuration problem, the screen runs on the built-in defaults", 30)
        assert "ui.lock_seconds: expected a number from 5 to 3600, got 1" in reader.seen[-1]
        reader.wait_for(FIRST_FRAME_MARK, 30)
        process.terminate()
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()

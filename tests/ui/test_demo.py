"""`downtime-kiosk demo` end to end under Xvfb: the status page, the daemon and the screen come up,
the screen follows the held scenario, and the button (the B key) prints the packet into the output folder."""

import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import cli_env
from tests.fixtures.xvfb import XDisplay, xdotool
from tests.ui.test_ui_command import LineReader, window_geometry


def test_demo_shows_the_level_and_the_button_prints(xvfb_display: XDisplay, tmp_path: Path) -> None:
    out, scratch = tmp_path / "demo-output", tmp_path / "tmp"
    scratch.mkdir()
    env = cli_env({**xvfb_display.env(), "KCFG_GRAPHICS_WIDTH": "1024", "KCFG_GRAPHICS_HEIGHT": "600",
                   "TMPDIR": str(scratch)})
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "-v", "demo", "--scenario", "outage", "--output", str(out)],
        cwd=tmp_path, env=env, stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stderr is not None
        reader = LineReader(process.stderr)
        reader.wait_for("screen shows outage (ICANotes is DOWN)", 60)
        window, width, height = window_geometry(xvfb_display, process.pid)
        deadline = time.monotonic() + 30
        while len(list(out.glob("*.pdf"))) < 4:
            assert time.monotonic() < deadline, "the button did not print the packet"
            subprocess.run([xdotool(), "mousemove", "--window", window, str(width // 2), str(height // 2),
                            "key", "b"], env=xvfb_display.env(), check=True)
            time.sleep(0.5)  # pacing the retries only; the wait is on the files
        names = {path.name.split("_")[0] for path in out.glob("*.pdf")}
        assert names == {"med-change-log", "nursing-note", "prescriber-note", "therapist-note"}
        process.terminate()
        assert process.wait(timeout=20) == 0
        assert list(scratch.iterdir()) == []  # the demo's state (schedule cache, key) is gone
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()

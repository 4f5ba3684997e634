"""`downtime-kiosk demo` end to end under Xvfb: the status page, the daemon, the demo's own cupsd and
the screen come up, the screen follows the held scenario, the button (the B key) prints the packet and a
long press the schedule, both through that cupsd into the output folder; stopping the demo stops it."""

import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import cli_env
from tests.fixtures.xvfb import XDisplay, xdotool
from tests.ui.test_ui_command import LineReader, window_geometry
from tests.waiting import wait_until


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
        packet = {"med-change-log", "nursing-note", "prescriber-note", "therapist-note"}
        deadline = time.monotonic() + 60
        while not list(out.glob("*.pdf")):
            assert time.monotonic() < deadline, "the button did not print the packet"
            subprocess.run([xdotool(), "mousemove", "--window", window, str(width // 2), str(height // 2),
                            "key", "b"], env=xvfb_display.env(), check=True)
            _wait_for_files(out, "*.pdf", 5)  # a press the window missed is pressed again
        wait_until(lambda: packet <= {path.name.split("_")[0] for path in out.glob("*.pdf")}, 30,
                   "the whole packet from the demo's printer")
        assert {path.name.split("_")[0] for path in out.glob("*.pdf")} == packet
        deadline = time.monotonic() + 60
        while not list(out.glob("schedule_*.pdf")):
            assert time.monotonic() < deadline, "a long press did not print the schedule into the output folder"
            subprocess.run([xdotool(), "keydown", "b", "sleep", "3.5", "keyup", "b"], env=xvfb_display.env(),
                           check=True)  # a 3.5 s hold of the button, then wait for the file
            _wait_for_files(out, "schedule_*.pdf", 15)
        (schedule,) = out.glob("schedule_*.pdf")
        text = subprocess.run(["pdftotext", str(schedule), "-"], capture_output=True, text=True, check=True).stdout
        assert "Schedule for" in text and "Contains PHI" in text  # the demo's invented patients
        cupsd = _demo_cupsd(process.pid)
        assert cupsd, "the demo runs no cupsd of its own"
        process.terminate()
        assert process.wait(timeout=20) == 0
        assert list(scratch.iterdir()) == []  # the demo's state (schedule cache, key) is gone
        assert not any(Path(f"/proc/{pid}").exists() for pid in cupsd)  # its cupsd stopped with it
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def _wait_for_files(folder: Path, pattern: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not list(folder.glob(pattern)) and time.monotonic() < deadline:
        time.sleep(0.2)


def _demo_cupsd(demo_pid: int) -> list[int]:
    """Process ids of the cupsd children of the demo process."""
    children = Path(f"/proc/{demo_pid}/task/{demo_pid}/children").read_text().split()
    return [int(pid) for pid in children if Path(f"/proc/{pid}/comm").read_text().strip() == "cupsd"]

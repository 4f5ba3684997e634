"""The boot probe's shell helpers, run by bash on the host: follow_level reads the level from a state file
written by the daemon's own encoder (a change of its format must fail here, not as a boot that never follows),
and pause sleeps without starting a process."""

import re
import subprocess
from dataclasses import replace
from pathlib import Path

from kiosk.state.document import LogEntry, placeholder_status
from kiosk.state.file import encode_document
from kiosk.status.level import Level
from kiosk.watch.state import WatchState
from tests.appliance.boot import probes

RUN_PROBE = Path(__file__).parent / "boot" / "guest" / "run-probe.sh"


def helpers() -> str:
    """run-probe.sh's say and pause, as the probes get them."""
    text = RUN_PROBE.read_text()
    lines = [line for line in text.splitlines() if re.match(r"(say\(\)|pause\(\)|exec \{never\})", line)]
    assert len(lines) == 3, f"say, pause and its pipe not found in {RUN_PROBE}"
    return "\n".join(lines)


def state_file(tmp_path: Path, level: Level) -> Path:
    """state.json as the watch daemon writes it, at `level`, with an older level deeper in the downtime log."""
    state = WatchState(config_source="test", status=replace(placeholder_status(), level=level),
                       downtime_log=(LogEntry("maintenance", "2026-12-06T15:00:00-05:00", None),))
    path = tmp_path / "state.json"
    path.write_bytes(encode_document(state.document()))
    return path


def follow(state: Path, arguments: str) -> subprocess.CompletedProcess[str]:
    script = f"{helpers()}\n{probes.FOLLOW_LEVEL}\nfollow_level {arguments}\necho rc=$?\n"
    return subprocess.run(["bash", "-c", script], env={"STATE_FILE": str(state), "PATH": "/usr/bin:/bin"},
                          capture_output=True, text=True, check=False, timeout=30)


def test_follow_level_reads_the_top_level_of_the_daemons_file(tmp_path: Path) -> None:
    done = follow(state_file(tmp_path, Level.OUTAGE), "20 outage")
    assert done.stdout.splitlines() == ["BOOT-TEST level outage", "rc=0"], done.stderr


def test_follow_level_reports_the_level_it_found_and_gives_up_in_time(tmp_path: Path) -> None:
    done = follow(state_file(tmp_path, Level.OPERATIONAL), "2 outage")
    assert done.stdout.splitlines() == ["BOOT-TEST level operational", "rc=1"], done.stderr


def test_pause_starts_no_process() -> None:
    script = f"{helpers()}\nPATH=/nonexistent\npause 0.2 && echo paused\n"
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=False, timeout=30)
    assert (done.stdout, done.stderr) == ("paused\n", "")


GPIO_TABLE = """gpiochip0: GPIOs 512-565, parent: platform/3f200000.gpio, pinctrl-bcm2835:
 gpio-529 (GPIO17              |lg                  ) out hi
 gpio-539 (GPIO27              |lg                  ) out lo
 gpio-5291 (GPIO170            |lg                  ) out lo
 gpio-535 (GPIO23              |lg                  ) in  hi IRQ
"""


def test_sample_lines_reads_each_named_line_of_the_kernels_table(tmp_path: Path) -> None:
    table = tmp_path / "gpio"
    table.write_text(GPIO_TABLE)
    script = f"{helpers()}\n{probes.SAMPLE_LINES}\nsample_lines 3 GPIO17 GPIO27 GPIO23 GPIO22\n"
    done = subprocess.run(["bash", "-c", script], env={"GPIO_TABLE": str(table), "PATH": "/usr/bin:/bin"},
                          capture_output=True, text=True, check=False, timeout=30)
    assert done.stdout == "GPIO17=111 GPIO27=000 GPIO23=111 GPIO22=???\n", done.stderr

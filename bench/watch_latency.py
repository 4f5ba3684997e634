"""How fast and how light the watch daemon is. Prints figures; asserts nothing.

1. Detection latency: the status page flips between a major outage and all clear 20 times;
   for each flip, the time until state.json (the LED's pattern) follows. Reported as a ratio
   of `confirm_seconds` (median and max); the design bound is (poll + confirm) / confirm + a
   little for the probes.
2. Idle CPU: the daemon as it runs on the wall (poll every 60 s), CPU seconds used per minute,
   once with a steady LED (operational) and once with the pulsing maintenance pattern.
3. Memory: resident size at start, after an hour of polling compressed into seconds
   (60 polls at 0.05 s), and after ten hours (600 polls), to show it does not grow.

Run: `.venv/bin/python -m bench.watch_latency [--flips 20] [--poll 0.5] [--confirm 0.5] [--idle 20]`.
The daemon is a real child process (`python -m kiosk watch`, mock GPIO) against status
servers on 127.0.0.1.
"""

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tests.conftest import REPO, cli_env
from tests.fixtures.status_servers import StatusWorld, incident, maintenance

TICKS = os.sysconf("SC_CLK_TCK")


def wait_for(condition: Callable[[], bool], timeout: float) -> float:
    """Seconds until `condition` held (polled every 5 ms); raises after `timeout`."""
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > timeout:
            raise TimeoutError("the daemon did not follow in time")
        time.sleep(0.005)
    return time.monotonic() - start


def read_pattern(path: Path) -> str | None:
    try:
        return str(json.loads(path.read_text())["led"]["pattern"])
    except (OSError, ValueError, KeyError):
        return None


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


def rss_megabytes(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def status_lines(world: StatusWorld, poll: float, confirm: float) -> str:
    values: dict[str, Any] = {
        "page_url": world.page.url, "ehr_url": world.ehr.url + "/", "upload_url": world.upload.url + "/",
        "internet_urls": [world.canary.url + "/generate_204"], "timeout_seconds": 2.0,
        "poll_seconds": poll, "confirm_seconds": confirm,
    }
    return "\n".join(f"{key} = {json.dumps(value)}" for key, value in values.items())


@contextmanager
def daemon(world: StatusWorld, folder: Path, poll: float, confirm: float) -> Iterator[subprocess.Popen[bytes]]:
    """`python -m kiosk watch` with an RGB LED on mock pins, until the block ends."""
    config = folder / "config.toml"
    config.write_text(
        f'[paths]\nstate_dir = "{folder}/state"\nruntime_dir = "{folder}/run"\nkey_file = "{folder}/key"\n'
        f"[status]\n{status_lines(world, poll, confirm)}\n"
        '[led]\nkind = "rgb"\npins = { red = "GPIO17", green = "GPIO27", blue = "GPIO22" }\n'
        f'[printing]\noutput_dir = "{folder}/printed"\n')
    child = subprocess.Popen([sys.executable, "-m", "kiosk", "--config", str(config), "watch"], cwd=REPO,
                             env=cli_env({"GPIOZERO_PIN_FACTORY": "mock"}), stderr=subprocess.DEVNULL)
    try:
        yield child
    finally:
        child.send_signal(signal.SIGTERM)
        child.wait(10)


def latency(world: StatusWorld, flips: int, poll: float, confirm: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        state = Path(tmp) / "run" / "state.json"
        with daemon(world, Path(tmp), poll, confirm):
            wait_for(lambda: read_pattern(state) == "operational", 30)
            ratios = []
            for flip in range(flips):
                outage = flip % 2 == 0
                if outage:
                    world.instatus("HASISSUES", incidents=[incident("Down", "MAJOROUTAGE")])
                else:
                    world.instatus("UP")
                wanted = "outage" if outage else "operational"
                ratios.append(wait_for(lambda wanted=wanted: read_pattern(state) == wanted,  # type: ignore[misc]
                                       poll * 2 + confirm * 2 + 10) / confirm)
    bound = (poll * 1.1 + confirm) / confirm
    print(f"detection latency over {flips} flips (poll {poll:g} s, confirm {confirm:g} s), "
          f"as a ratio of confirm_seconds: median {statistics.median(ratios):.2f}, max {max(ratios):.2f} "
          f"(design bound {bound:.2f} + probe time)")


def idle_cpu(world: StatusWorld, seconds: float) -> None:
    for label, set_page in (("steady LED (operational)", lambda: world.instatus("UP")),
                            ("pulsing LED (maintenance)",
                             lambda: world.instatus("UNDERMAINTENANCE", maintenances=[maintenance()]))):
        set_page()
        with tempfile.TemporaryDirectory() as tmp, daemon(world, Path(tmp), 60, 10) as child:
            state = Path(tmp) / "run" / "state.json"
            wait_for(lambda path=state: read_pattern(path) not in (None, "unknown"), 30)  # type: ignore[misc]
            before, start = cpu_seconds(child.pid), time.monotonic()
            time.sleep(seconds)
            used = cpu_seconds(child.pid) - before
            per_minute = used / (time.monotonic() - start) * 60
            print(f"idle CPU, {label}, poll 60 s: {per_minute:.2f} CPU seconds per minute "
                  f"({per_minute / 60 * 100:.1f} % of one core); RSS {rss_megabytes(child.pid):.1f} MB")
    world.instatus("UP")


def memory(world: StatusWorld) -> None:
    poll = 0.05
    with tempfile.TemporaryDirectory() as tmp, daemon(world, Path(tmp), poll, poll) as child:
        state = Path(tmp) / "run" / "state.json"
        wait_for(lambda: read_pattern(state) == "operational", 30)
        start = rss_megabytes(child.pid)
        page = world.page
        figures = []
        for hours in (1, 10):
            target = hours * 60  # polls at the default 60 s
            wait_for(lambda target=target: len(page.requests) // 2 >= target, 600)  # type: ignore[misc]
            figures.append((hours, rss_megabytes(child.pid)))
    shown = ", ".join(f"after {hours} h of polls {mb:.1f} MB ({mb / start:.2f}x)" for hours, mb in figures)
    print(f"memory (RSS): at start {start:.1f} MB, {shown}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--flips", type=int, default=20)
    parser.add_argument("--poll", type=float, default=0.5)
    parser.add_argument("--confirm", type=float, default=0.5)
    parser.add_argument("--idle", type=float, default=20.0, help="seconds of each idle CPU measurement")
    args = parser.parse_args()
    world = StatusWorld()
    try:
        latency(world, args.flips, args.poll, args.confirm)
        world.reset()
        idle_cpu(world, args.idle)
        world.reset()
        memory(world)
    finally:
        world.close()


if __name__ == "__main__":
    main()

"""Memory of the watch daemon alone (PSS), running against the demo status page, beside a bare asyncio+httpx
process idling in the same run (the floor any Python poller pays).

The daemon runs twice with `[printing] output_dir` (no cupsd needed): bare (no schedule, no LED, no
button) and as on a box (a schedule from an .ics file, which it fetches, encrypts and caches at start,
and an RGB LED and a button on gpiozero's mock pins). After `--settle` seconds of polling its PSS is
read from /proc/PID/smaps_rollup, then it is stopped with SIGTERM. Target (issue 13): watch alone at
most 45 MiB PSS.

    .venv/bin/python bench/watch_memory.py [--settle 15]
"""

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.demo_config import demo_config  # noqa: E402
from kiosk.demo.calendar import write_demo_calendar  # noqa: E402
from kiosk.demo.status_page import DemoStatusPage  # noqa: E402

FLOOR = "import asyncio, httpx\nasyncio.run(asyncio.sleep(3600))\n"


def pss_mib(pid: int) -> float:
    """Proportional set size of one process, from smaps_rollup."""
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no Pss line for {pid}")


BOX = ('[schedule]\nsource = "{calendar}"\ntimezone = "America/New_York"\n'
       '[led]\nkind = "rgb"\npins = {{ red = "GPIO17", green = "GPIO27", blue = "GPIO22" }}\n'
       '[button]\npin = "GPIO5"\n')


def daemon_pss(page: DemoStatusPage, folder: Path, extra: str, settle: float) -> float:
    """Start the daemon with `extra` configuration, let it settle, read its PSS, stop it."""
    config = demo_config(page, folder, status_extra="poll_seconds = 5\n",
                         sections=f'[printing]\noutput_dir = "{folder}/out"\n' + extra)
    env = {**os.environ, "PYTHONPATH": str(REPO), "GPIOZERO_PIN_FACTORY": "mock"}
    watch = subprocess.Popen([sys.executable, "-m", "kiosk", "--config", str(config), "watch"], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(settle)
        if not (folder / "run" / "state.json").exists():
            raise SystemExit("the daemon wrote no state.json")
        return pss_mib(watch.pid)
    finally:
        watch.send_signal(signal.SIGTERM)
        watch.wait(10)


def main() -> int:
    """Measure the floor and both daemons, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settle", type=float, default=15.0)
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    floor = subprocess.Popen([sys.executable, "-c", FLOOR], env=env)
    try:
        with DemoStatusPage("operational") as page, tempfile.TemporaryDirectory() as one, \
                tempfile.TemporaryDirectory() as two:
            bare = daemon_pss(page, Path(one), "", args.settle)
            calendar = write_demo_calendar(Path(two) / "calendar.ics", date.today())
            box = daemon_pss(page, Path(two), BOX.format(calendar=calendar), args.settle)
            if not any((Path(two) / "state").rglob("cache.bin")):
                raise SystemExit("the daemon cached no schedule: the box figure would be too low")
            floor_pss = pss_mib(floor.pid)
    finally:
        floor.send_signal(signal.SIGTERM)
        floor.wait(10)
    for name, pss in (("watch, bare config", bare), ("watch, as on a box", box)):
        print(f"{name:22s}: {pss:.1f} MiB PSS (target <= 45 MiB: {'met' if pss <= 45 else 'MISSED'}), "
              f"{pss / floor_pss:.2f}x the floor")
    print(f"{'asyncio+httpx floor':22s}: {floor_pss:.1f} MiB PSS")
    return 0


if __name__ == "__main__":
    sys.exit(main())

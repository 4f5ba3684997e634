"""Memory of the whole box at rest: the watch daemon, the screen and cupsd, counted once.

Adding up each process's RSS counts shared pages (libc, Python, the kiosk's own modules) many times,
and PSS splits them with processes outside the box (a second Python on the bench machine). So this
bench reads /proc/PID/pagemap (needs root) for every mapping of the three process trees and counts
each physical page once: what the three cost together, as a 512 MB Pi would feel it.

As on a box: a status page on 127.0.0.1, the watch daemon with a schedule (an .ics file, fetched,
encrypted and cached at start), an RGB LED and a button on gpiozero's mock pins, printing to a cupsd
of its own (the demo's print server); the screen full screen under Xvfb (800x480; Xvfb itself is not
counted: a Pi draws with KMS). After `--settle` seconds the pages are counted. Target (issue 13):
at most 215 MiB together.

    sudo .venv/bin/python bench/appliance_memory.py [--settle 25] [--size 800x480]
"""

import argparse
import os
import struct
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.demo_config import demo_config  # noqa: E402
from bench.ui_idle import process_tree, pss_mib, start_xvfb, stop  # noqa: E402
from kiosk.demo.calendar import write_demo_calendar  # noqa: E402
from kiosk.demo.print_server import QUEUE, DemoPrintServer  # noqa: E402
from kiosk.demo.status_page import DemoStatusPage  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE")
PRESENT, SWAPPED = 1 << 63, 1 << 62
PFN_MASK = (1 << 55) - 1
TARGET_MIB = 215


def physical_pages(pid: int) -> set[int]:
    """The page frame numbers of every resident page of `pid` (empty if it is gone)."""
    frames: set[int] = set()
    try:
        maps = Path(f"/proc/{pid}/maps").read_text().splitlines()
        with open(f"/proc/{pid}/pagemap", "rb") as pagemap:
            for line in maps:
                start, end = (int(part, 16) for part in line.split()[0].split("-"))
                if "[vsyscall]" in line:
                    continue
                pagemap.seek(start // PAGE * 8)
                data = pagemap.read((end - start) // PAGE * 8)
                for (entry,) in struct.iter_unpack("<Q", data):
                    if entry & PRESENT and not entry & SWAPPED:
                        frames.add(entry & PFN_MASK)
    except (FileNotFoundError, ProcessLookupError):
        return set()
    if frames == {0}:
        raise SystemExit("bench: pagemap shows no frame numbers (run as root)")
    return frames


def counted_once_mib(trees: dict[str, list[int]]) -> tuple[float, dict[str, float]]:
    """All trees' pages counted once, and each tree's own (its pages counted once within it)."""
    every: set[int] = set()
    each: dict[str, float] = {}
    for name, pids in trees.items():
        mine: set[int] = set()
        for pid in pids:
            mine |= physical_pages(pid)
        each[name] = len(mine) * PAGE / 2**20
        every |= mine
    return len(every) * PAGE / 2**20, each


def box_config(folder: Path, page: DemoStatusPage, calendar: Path) -> Path:
    """The configuration both processes read."""
    return demo_config(page, folder, sections=(
        f'[printing]\nprinter = "{QUEUE}"\n'
        f'[schedule]\nsource = "{calendar}"\ntimezone = "America/New_York"\n'
        '[led]\nkind = "rgb"\npins = { red = "GPIO17", green = "GPIO27", blue = "GPIO22" }\n'
        '[button]\npin = "GPIO5"\n[ui]\nfullscreen = true\n'))


def main() -> int:
    """Start the box, let it settle, count its pages, stop it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settle", type=float, default=25.0)
    parser.add_argument("--size", default="800x480")
    args = parser.parse_args()
    if os.geteuid() != 0:
        sys.exit("bench: pagemap frame numbers need root")
    width, height = (int(n) for n in args.size.split("x"))
    with tempfile.TemporaryDirectory() as work, DemoStatusPage("operational") as page, \
            DemoPrintServer(Path(work) / "cups", Path(work) / "printed") as cups:
        folder = Path(work)
        config = box_config(folder, page, write_demo_calendar(folder / "calendar.ics", date.today()))
        xvfb, display = start_xvfb(width, height)
        env = {**os.environ, "PYTHONPATH": str(REPO), "CUPS_SERVER": cups.address, "GPIOZERO_PIN_FACTORY": "mock",
               "DISPLAY": display, "KCFG_GRAPHICS_WIDTH": str(width), "KCFG_GRAPHICS_HEIGHT": str(height)}
        command = [sys.executable, "-m", "kiosk", "--config", str(config)]
        watch = subprocess.Popen([*command, "watch"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        ui = subprocess.Popen([*command, "ui"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            time.sleep(args.settle)
            for name, process in (("watch", watch), ("ui", ui)):
                if process.poll() is not None:
                    sys.exit(f"bench: {name} exited early with {process.returncode}")
            if not any((folder / "state").rglob("cache.bin")):
                sys.exit("bench: the daemon cached no schedule: the figure would be too low")
            trees = {"watch": process_tree(watch.pid), "ui": process_tree(ui.pid),
                     "cupsd": process_tree(cups.pid)}
            together, each = counted_once_mib(trees)
            pss = {name: pss_mib(pids) for name, pids in trees.items()}
        finally:
            for process in (ui, watch, xvfb):
                stop(process)
    for name in trees:
        print(f"{name:6s}: {each[name]:6.1f} MiB resident ({pss[name]:.1f} MiB PSS)")
    print(f"all three, each page counted once: {together:.1f} MiB "
          f"(target <= {TARGET_MIB} MiB: {'met' if together <= TARGET_MIB else 'MISSED'}); "
          f"the sum of their resident sets would say {sum(each.values()):.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Idle cost of the wall screen under Xvfb, beside a bare Kivy app and a Chromium kiosk, in one run.

The three run side by side, each on its own Xvfb, and are measured over the same window (so a
machine that drifts affects all alike). After a warm-up: CPU seconds used per minute of idling (all threads and
child processes) and memory (PSS from /proc/PID/smaps_rollup, summed over the process tree).
For the screen also the time from start to the first frame showing the last known level. The
screen's memory is taken before the bare Kivy app starts (two Kivy processes share pages, which
would make both look smaller).
While the screen idles, a stand-in for the watch daemon rewrites state.json the way the daemon
does (heartbeat every 5 s, a new check every 60 s), so redraws happen as they would on the wall.

Targets (issue 6): idle CPU at most a quarter of the bare Kivy app's and no more than Chromium's,
memory at most half of Chromium's, first frame under 3 s.

    .venv/bin/python bench/ui_idle.py [--seconds 60] [--size 800x480]
    .venv/bin/python bench/ui_idle.py --demo outage [--size 1024x600]   # the demo's screen process alone

Chromium is installed with apt-get when missing (needs root); Xvfb comes from .ci/setup.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kiosk.ui.kivy_env import FIRST_FRAME_MARK  # noqa: E402
from print_service.storage.atomic import write_atomic  # noqa: E402

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
UI, BARE, CHROMIUM = "ui (downtime-kiosk ui)", "bare Kivy app (defaults)", "Chromium kiosk (static page)"

BARE_KIVY = """
from kivy.app import App
from kivy.uix.label import Label

class Bare(App):
    def build(self):
        return Label(text="ICANotes is UP", font_size=60)

Bare().run()
"""

STATIC_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>status</title><style>
body{margin:0;font-family:sans-serif;background:#17191e;color:#eee}
.band{background:#008738;color:#fff;padding:24px;font-size:56px;font-weight:bold}
.head{font-size:22px;font-weight:normal;margin-top:8px}.row{padding:12px 24px;font-size:20px}
nav{position:fixed;bottom:0;left:0;right:0;display:flex}nav div{flex:1;background:#333846;margin:4px;
padding:18px;text-align:center;font-weight:bold}</style></head><body>
<div class="band">ICANotes is UP<div class="head">All systems operational</div></div>
<div class="row">checked just now</div><div class="row">WHAT TO DO NOW<br>1. Work as usual.</div>
<nav><div>Status</div><div>Print forms</div><div>Schedule (PIN)</div><div>Info</div></nav>
</body></html>"""


@dataclass
class Figures:
    """One contender's idle figures."""

    name: str
    cpu_per_minute: float
    pss_mib: float
    processes: int


def start_xvfb(width: int, height: int) -> tuple[subprocess.Popen[bytes], str]:
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{width}x{height}x24",
                             "-nolisten", "tcp", "+extension", "GLX"],
                            pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    if not number:
        sys.exit("bench: Xvfb did not start (run .ci/setup)")
    return xvfb, f":{number}"


def process_tree(root: int) -> list[int]:
    """`root` and every live descendant."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                parents[int(entry.name)] = int(fields[1])
            except (OSError, IndexError, ValueError):
                continue
    tree, frontier = [root], [root]
    while frontier:
        children = [pid for pid, parent in parents.items() if parent in frontier]
        tree += children
        frontier = children
    return tree


def cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (all threads)
    return total / CLOCK_TICKS


def main_thread_cpu_seconds(pid: int) -> float:
    """CPU seconds of the process' main thread alone (the demo's screen: Kivy's loop runs there)."""
    try:
        fields = Path(f"/proc/{pid}/task/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def pss_mib(pids: list[int]) -> float:
    total_kib = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total_kib += int(line.split()[1])
        except OSError:
            continue
    return total_kib / 1024


def measure_together(processes: dict[str, subprocess.Popen[bytes] | subprocess.Popen[str]], warmup: float,
                     seconds: float) -> list[Figures]:
    """Idle figures of every process over the same window, so a drifting machine affects all alike."""
    time.sleep(warmup)
    for name, process in processes.items():
        if process.poll() is not None:
            sys.exit(f"bench: {name} exited early with {process.returncode}")
    before = {name: cpu_seconds(process_tree(p.pid)) for name, p in processes.items()}
    time.sleep(seconds)
    figures = []
    for name, process in processes.items():
        pids = process_tree(process.pid)
        used = cpu_seconds(pids) - before[name]
        figures.append(Figures(name, used * 60 / seconds, pss_mib(pids), len(pids)))
    return figures


def stop(process: subprocess.Popen[bytes] | subprocess.Popen[str]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class DaemonStandIn:
    """Rewrites state.json like the watch daemon: heartbeat every 5 s, a new check every 60 s."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.stopped = threading.Event()
        self.checked = datetime.now(UTC)
        self.write()

    def write(self) -> None:
        """One state file, made by the daemon's own writer (so the screen reads it as it reads the real one)."""
        from kiosk.led.scene import LedView
        from kiosk.state.document import PrinterBlock
        from kiosk.status.guidance import guidance_for
        from kiosk.status.level import Level
        from kiosk.status.snapshot import PageSummary, ProbeResult, Probes, StatusSnapshot
        from kiosk.watch.state import WatchState

        now = datetime.now(UTC)
        if (now - self.checked) >= timedelta(seconds=60):
            self.checked = now
        state = WatchState(config_source="bench")
        up = ProbeResult(True, 200, None, 100)
        state.status = StatusSnapshot(Level.OPERATIONAL, "All systems operational", self.checked,
                                      page=PageSummary("ICANotes", "UP"), probes=Probes(up, up, up, up),
                                      guidance=guidance_for(Level.OPERATIONAL))
        state.led = LedView("operational", None, (0, 255, 0))
        state.printer = PrinterBlock("office", "idle", "Ready", False)
        document = replace(state.document(), heartbeat_at=now.isoformat()).to_json()
        write_atomic(self.path, json.dumps(document).encode())

    def run(self) -> None:
        while not self.stopped.wait(5):
            self.write()


def start_screen(display: str, size: tuple[int, int], work: Path) -> tuple[subprocess.Popen[str], float, str]:
    """Start `downtime-kiosk ui` full screen and wait for its first frame; (process, seconds, level shown)."""
    config = work / "config.toml"
    config.write_text(f'[paths]\nstate_dir = "{work}/state"\nruntime_dir = "{work}/run"\n'
                      f'key_file = "{work}/schedule.key"\n\n[ui]\nfullscreen = true\n')
    env = {**os.environ, "DISPLAY": display, "KCFG_GRAPHICS_WIDTH": str(size[0]),
           "KCFG_GRAPHICS_HEIGHT": str(size[1]), "PYTHONPATH": str(REPO)}
    started = time.monotonic()
    process = subprocess.Popen([sys.executable, "-m", "kiosk", "--config", str(config), "ui"], env=env,
                               stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, cwd=REPO)
    assert process.stderr is not None
    first_frame, shown = float("nan"), "?"
    for line in process.stderr:
        if FIRST_FRAME_MARK in line:
            first_frame = time.monotonic() - started
            shown = line.split(FIRST_FRAME_MARK, 1)[1].split()[0]
            break
    stream = process.stderr
    threading.Thread(target=lambda: [None for _ in stream], daemon=True).start()
    return process, first_frame, shown


def start_bare_kivy(display: str, size: tuple[int, int], work: Path) -> subprocess.Popen[bytes]:
    """A bare Kivy app with Kivy's default settings (60 frames a second)."""
    script = work / "bare_kivy.py"
    script.write_text(BARE_KIVY)
    env = {**os.environ, "DISPLAY": display, "KIVY_NO_ARGS": "1", "KIVY_NO_FILELOG": "1",
           "KIVY_HOME": str(work / "bare-kivy-home"), "KCFG_GRAPHICS_WIDTH": str(size[0]),
           "KCFG_GRAPHICS_HEIGHT": str(size[1])}
    return subprocess.Popen([sys.executable, str(script)], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def chromium_binary() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.geteuid() != 0:
        sys.exit("bench: chromium is missing; install it (apt-get install chromium) or run as root")
    print("bench: installing chromium with apt-get …", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium"], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    found = shutil.which("chromium")
    if not found:
        sys.exit("bench: chromium did not install")
    return found


def start_chromium(display: str, size: tuple[int, int], work: Path) -> subprocess.Popen[bytes]:
    """Chromium in kiosk mode (a real window, not headless) showing a static status page."""
    page = work / "status.html"
    page.write_text(STATIC_PAGE)
    flags = ["--kiosk", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", f"--user-data-dir={work / 'chromium-profile'}",
             f"--window-size={size[0]},{size[1]}", "--window-position=0,0"]
    return subprocess.Popen([chromium_binary(), *flags, page.as_uri()], env={**os.environ, "DISPLAY": display},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="idle time measured")
    parser.add_argument("--warmup", type=float, default=10.0, help="seconds to settle before measuring")
    parser.add_argument("--size", default="800x480", help="screen size (800x480 is the Pi touchscreen)")
    parser.add_argument("--only-ui", action="store_true", help="measure the screen alone (quick iterations)")
    parser.add_argument("--demo", metavar="SCENARIO", help="measure `downtime-kiosk demo --scenario SCENARIO`'s "
                        "screen process instead (target <= 0.5 CPU s/min)")
    args = parser.parse_args()
    width, height = (int(part) for part in args.size.split("x"))
    size = (width, height)
    if args.demo:
        return measure_demo(args.demo, size, warmup=args.warmup, seconds=args.seconds)
    chromium_binary()  # install it first, outside the measured window
    servers = [start_xvfb(width, height) for _ in range(1 if args.only_ui else 3)]
    processes: dict[str, subprocess.Popen[bytes] | subprocess.Popen[str]] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="ui-bench-") as folder:
            work = Path(folder)
            daemon = DaemonStandIn(work / "run" / "state.json")
            threading.Thread(target=daemon.run, daemon=True).start()
            screen, first_frame, shown = start_screen(servers[0][1], size, work)
            processes[UI] = screen
            time.sleep(args.warmup)
            alone_pss = pss_mib(process_tree(screen.pid))  # before the other Kivy app shares its pages
            if not args.only_ui:
                processes[BARE] = start_bare_kivy(servers[1][1], size, work)
                processes[CHROMIUM] = start_chromium(servers[2][1], size, work)
            try:
                figures = {f.name: f for f in measure_together(processes, args.warmup, args.seconds)}
                figures[UI].pss_mib = alone_pss
            finally:
                daemon.stopped.set()
                for process in processes.values():
                    stop(process)
    finally:
        for xvfb, _display in servers:
            xvfb.terminate()
            xvfb.wait()
    if args.only_ui:
        ui = figures[UI]
        print(f"ui: {ui.cpu_per_minute:.3f} CPU s/min, {ui.pss_mib:.1f} MiB PSS, first frame {first_frame:.2f} s "
              f"showing {shown}")
        return 0
    report(figures[UI], figures[BARE], figures[CHROMIUM], first_frame=first_frame, shown=shown, args=args)
    return 0


def measure_demo(scenario: str, size: tuple[int, int], *, warmup: float, seconds: float) -> int:
    """The demo's screen while it idles: its process' main thread (Kivy), and the whole process with the stand-in
    status page it serves (not its watch daemon or cupsd)."""
    xvfb, display = start_xvfb(*size)
    try:
        with tempfile.TemporaryDirectory(prefix="ui-bench-demo-") as folder:
            env = {**os.environ, "DISPLAY": display, "KCFG_GRAPHICS_WIDTH": str(size[0]),
                   "KCFG_GRAPHICS_HEIGHT": str(size[1]), "PYTHONPATH": str(REPO), "TMPDIR": folder}
            demo = subprocess.Popen([sys.executable, "-m", "kiosk", "demo", "--scenario", scenario, "--output",
                                     str(Path(folder) / "out")], env=env, cwd=folder, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
            try:
                time.sleep(warmup + 15)  # the demo starts a status page, cupsd and the daemon first
                if demo.poll() is not None:
                    sys.exit(f"bench: the demo exited early with {demo.returncode}")
                before, screen_before = cpu_seconds([demo.pid]), main_thread_cpu_seconds(demo.pid)
                time.sleep(seconds)
                per_minute = (cpu_seconds([demo.pid]) - before) * 60 / seconds
                screen = (main_thread_cpu_seconds(demo.pid) - screen_before) * 60 / seconds
            finally:
                stop(demo)
    finally:
        xvfb.terminate()
        xvfb.wait()
    # The demo's process also serves its stand-in status page, EHR, upload site and canary to the watch daemon
    # (a poll every 5 s, each request on its own thread): that is the demo's world, not the screen.
    print(f"demo ({scenario}) screen (the process' main thread, Kivy's loop): {screen:.3f} CPU s/min over "
          f"{seconds:.0f} s (target <= 0.5): {_ok(screen <= 0.5)}")
    print(f"demo ({scenario}) whole process, with the stand-in status page and probe servers the watch daemon "
          f"polls every 5 s: {per_minute:.3f} CPU s/min")
    return 0


def report(ui: Figures, bare: Figures, chromium: Figures, *, first_frame: float, shown: str,
           args: argparse.Namespace) -> None:
    print(f"\nIdle under Xvfb {args.size} (one server each, measured side by side), {args.seconds:.0f} s after "
          f"{args.warmup:.0f} s warm-up")
    print(f"{'':32} {'CPU s/min':>10} {'PSS MiB':>9} {'procs':>6}")
    for figures in (ui, bare, chromium):
        print(f"{figures.name:32} {figures.cpu_per_minute:10.3f} {figures.pss_mib:9.1f} {figures.processes:6d}")
    cpu_vs_bare = ui.cpu_per_minute / bare.cpu_per_minute if bare.cpu_per_minute else float("inf")
    cpu_vs_chromium = ui.cpu_per_minute / chromium.cpu_per_minute if chromium.cpu_per_minute else float("inf")
    mem_vs_chromium = ui.pss_mib / chromium.pss_mib if chromium.pss_mib else float("inf")
    print()
    print(f"ui CPU / bare Kivy CPU   = {cpu_vs_bare:.2f}  (target <= 0.25): {_ok(cpu_vs_bare <= 0.25)}")
    print(f"ui CPU / Chromium CPU    = {cpu_vs_chromium:.2f}  (target <= 1.00): {_ok(cpu_vs_chromium <= 1.0)}")
    print(f"ui PSS / Chromium PSS    = {mem_vs_chromium:.2f}  (target <= 0.50): {_ok(mem_vs_chromium <= 0.5)}")
    print(f"start to first frame     = {first_frame:.2f} s showing {shown} (target < 3 s): {_ok(first_frame < 3)}")


def _ok(passed: bool) -> str:
    return "met" if passed else "NOT MET"


if __name__ == "__main__":
    sys.exit(main())

"""Memory of the watch daemon alone (PSS), running against the demo status page, beside a bare asyncio+httpx
process idling in the same run (the floor any Python poller pays).

The daemon runs with `[printing] output_dir` (no cupsd needed), no schedule and no LED; after
`--settle` seconds of polling its PSS is read from /proc/PID/smaps_rollup, then it is stopped
with SIGTERM. Target (issue 13): watch alone at most 45 MiB PSS.

    .venv/bin/python bench/watch_memory.py [--settle 15]
"""

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kiosk.demo.status_page import DemoStatusPage  # noqa: E402

FLOOR = "import asyncio, httpx\nasyncio.run(asyncio.sleep(3600))\n"


def pss_mib(pid: int) -> float:
    """Proportional set size of one process, from smaps_rollup."""
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no Pss line for {pid}")


def main() -> int:
    """Start both, let them settle, read their PSS, stop them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settle", type=float, default=15.0)
    args = parser.parse_args()
    with DemoStatusPage("operational") as page, tempfile.TemporaryDirectory() as folder:
        settings = page.settings()
        config = Path(folder) / "config.toml"
        config.write_text(
            f'[paths]\nstate_dir = "{folder}/state"\nruntime_dir = "{folder}/run"\n'
            f'[printing]\noutput_dir = "{folder}/out"\n'
            f'[status]\npage_url = "{settings.page_url}"\nprovider = "instatus"\nehr_url = "{settings.ehr_url}"\n'
            f'upload_url = "{settings.upload_url}"\ninternet_urls = ["{settings.internet_urls[0]}"]\n'
            "poll_seconds = 5\n")
        env = {**os.environ, "PYTHONPATH": str(REPO), "GPIOZERO_PIN_FACTORY": "mock"}
        watch = subprocess.Popen([sys.executable, "-m", "kiosk", "--config", str(config), "watch"], env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        floor = subprocess.Popen([sys.executable, "-c", FLOOR], env=env)
        try:
            time.sleep(args.settle)
            if not (Path(folder) / "run" / "state.json").exists():
                raise SystemExit("the daemon wrote no state.json")
            ours, bare = pss_mib(watch.pid), pss_mib(floor.pid)
        finally:
            for child in (watch, floor):
                child.send_signal(signal.SIGTERM)
                child.wait(10)
    print(f"watch daemon PSS      : {ours:.1f} MiB (target <= 45 MiB: {'met' if ours <= 45 else 'MISSED'})")
    print(f"asyncio+httpx floor   : {bare:.1f} MiB")
    print(f"ratio                 : {ours / bare:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())

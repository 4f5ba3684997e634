"""Cost of one `downtime-kiosk status --json` (the Nagios/Icinga check a practice runs every minute), beside a
bare script that does the same HTTP work with httpx alone, in the same run.

Both run as fresh processes against the demo status page on 127.0.0.1 (Instatus-shaped, with EHR,
upload and canary stand-ins on the same port), alternating, `--runs` times each, with the kiosk's modules
byte-compiled first, as pip leaves them on the box (PYTHONDONTWRITEBYTECODE would otherwise make every run
compile them from source, while httpx's own are compiled). Per run: CPU seconds
(user + system, from wait4) and max RSS. The figures are medians; the ratio is ours / baseline.

Targets (issue 13): at most 0.22 CPU-s and 36 MiB max RSS, and at most 1.2x the baseline.

    .venv/bin/python bench/status_cli.py [--runs 15]
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.demo_config import demo_config  # noqa: E402
from kiosk.demo.status_page import DemoStatusPage  # noqa: E402

BASELINE = """
import asyncio, json, sys
import httpx

async def main(base):
    async with httpx.AsyncClient(timeout=10, follow_redirects=False) as client:
        answers = await asyncio.gather(*(client.get(base + path) for path in
            ("/summary.json", "/v2/components.json", "/ehr/", "/upload/", "/generate_204")))
    summary = answers[0].json()
    print(json.dumps({"status": summary["page"]["status"], "codes": [a.status_code for a in answers]}))

asyncio.run(main(sys.argv[1]))
"""


@dataclass(frozen=True)
class Run:
    """One child process: CPU seconds and peak memory."""

    cpu_seconds: float
    max_rss_mib: float


def measure(argv: list[str], env: dict[str, str]) -> Run:
    """Run `argv` to the end and read its resource usage (fails loudly if it did not work)."""
    child = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1, 2, 3):
        raise SystemExit(f"{argv[:3]} failed: {child.stderr.read().decode() if child.stderr else ''}")
    return Run(usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def main() -> int:
    """Run both contenders alternately and print medians and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    # as installed on the box (pip byte-compiles the package): compiled once here, not in every run
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(REPO)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "kiosk"), str(REPO / "print_service")],
                   check=True, env=env)
    ours: list[Run] = []
    bare: list[Run] = []
    with DemoStatusPage("operational") as page, tempfile.TemporaryDirectory() as folder:
        config = demo_config(page, Path(folder))
        kiosk = [sys.executable, "-m", "kiosk", "--config", str(config), "status", "--json"]
        baseline = [sys.executable, "-c", BASELINE, page.url]
        measure(kiosk, env), measure(baseline, env)  # warm the page cache for both
        for _ in range(args.runs):
            ours.append(measure(kiosk, env))
            bare.append(measure(baseline, env))
    cpu, rss = statistics.median(r.cpu_seconds for r in ours), statistics.median(r.max_rss_mib for r in ours)
    bare_cpu, bare_rss = (statistics.median(r.cpu_seconds for r in bare),
                          statistics.median(r.max_rss_mib for r in bare))
    print(f"status --json   : {cpu:.3f} CPU-s, {rss:.1f} MiB max RSS (median of {args.runs})")
    print(f"httpx baseline  : {bare_cpu:.3f} CPU-s, {bare_rss:.1f} MiB max RSS")
    print(f"ratio           : {cpu / bare_cpu:.2f}x CPU, {rss / bare_rss:.2f}x RSS (goal <= 1.2x)")
    print(f"targets         : CPU {'met' if cpu <= 0.22 else 'MISSED'} (<= 0.22 s), "
          f"RSS {'met' if rss <= 36 else 'MISSED'} (<= 36 MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

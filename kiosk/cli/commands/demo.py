"""`downtime-kiosk demo [--scenario LEVEL|cycle]`: the whole appliance on one machine.

The built-in status page on 127.0.0.1 (cycling through every level, or holding one), the watch
daemon on gpiozero's mock pins, and the wall screen in a window with the LED and the button
drawn on it. Everything prints through a private cupsd of the demo's own, whose printer writes
each job as a PDF into ./demo-output/, unless `--printer QUEUE` names a real queue; the
schedule's patients are invented. `--text` prints the status engine's answer for each level instead
(no display needed).
"""

import argparse
import asyncio
from pathlib import Path

from kiosk.cli.command import Command, Context
from kiosk.demo.status_page import CYCLE, DemoStatusPage
from kiosk.status import StatusSettings, probe_once
from kiosk.status.summary import render_summary

LEVELS = [level.value for level in CYCLE]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """`--scenario`, `--printer`, `--output`, `--cycle-seconds`, `--text`."""
    parser.add_argument("--scenario", choices=["cycle", *LEVELS], default="cycle", metavar="LEVEL",
                        help="hold one level (" + ", ".join(LEVELS) + "); default: cycle through them")
    parser.add_argument("--cycle-seconds", type=float, default=20.0, metavar="S",
                        help="seconds per level when cycling (default 20)")
    parser.add_argument("--printer", metavar="QUEUE", help="print to this CUPS queue instead of the demo's own printer")
    parser.add_argument("--output", type=Path, default=Path("demo-output"), metavar="DIR",
                        help="where the demo's own printer writes its PDFs (default ./demo-output)")
    parser.add_argument("--text", action="store_true",
                        help="no screen: print the status engine's answer for each level and exit")


def run(args: argparse.Namespace, context: Context) -> int:
    """Run the full demo (or the text walk-through)."""
    if args.text:
        return _text(args.scenario)
    from kiosk.demo.runner import run_demo

    return run_demo(args.scenario, output_dir=args.output, printer=args.printer, cycle_seconds=args.cycle_seconds)


def _text(scenario: str) -> int:
    levels = LEVELS if scenario == "cycle" else [scenario]
    with DemoStatusPage(levels[0]) as demo:
        settings = demo.settings(StatusSettings(timeout_seconds=3))
        print(f"demo status page: {demo.url}/  (Instatus-shaped; EHR, upload site and canary stand-ins on the same "
              "port)\n")
        for index, level in enumerate(levels):
            demo.set_scenario(level)
            snapshot = asyncio.run(probe_once(settings))
            if index:
                print()
            print(f"=== scenario: {level} " + "=" * max(0, 60 - len(level)))
            print(render_summary(snapshot))
    return 0


COMMAND = Command("demo", "run the whole kiosk on this machine: status page, watch daemon and screen",
                  add_arguments, run)

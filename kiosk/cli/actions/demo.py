"""`downtime-kiosk demo [--scenario LEVEL|cycle]`: the whole appliance on one machine.

The built-in status page on 127.0.0.1 (cycling through every level, or holding one), the watch
daemon on gpiozero's mock pins, and the wall screen in a window with the LED and the button
drawn on it. Blank forms print to ./demo-output/ unless `--printer QUEUE` is given; the
schedule is fictional. `--text` prints the status engine's answer for each level instead
(no display needed).
"""

import argparse
import asyncio

from kiosk.cli.command import Context
from kiosk.demo.status_page import CYCLE, DemoStatusPage
from kiosk.status import StatusSettings
from kiosk.status.probe import probe_once
from kiosk.status.summary import render_summary


def run(args: argparse.Namespace, context: Context) -> int:
    """Run the full demo (or the text walk-through)."""
    if args.text:
        return _text(args.scenario)
    from kiosk.demo.runner import run_demo

    return run_demo(args.scenario, output_dir=args.output, printer=args.printer, cycle_seconds=args.cycle_seconds)


def _text(scenario: str) -> int:
    levels = [level.value for level in CYCLE] if scenario == "cycle" else [scenario]
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

"""`downtime-kiosk demo [--scenario LEVEL]`: show what the engine says at every level.

Starts the built-in demo status page on 127.0.0.1 and prints the engine's summary for
each level in turn (or only the one asked for). Needs no configuration and no network.
This is the interim demo; the watch daemon and the screen join it later.
"""

import argparse
import asyncio

from kiosk.cli.command import Command, Context
from kiosk.demo.status_page import CYCLE, DemoStatusPage
from kiosk.status import StatusSettings, probe_once
from kiosk.status.summary import render_summary


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """`--scenario LEVEL` picks one level; default all of them."""
    parser.add_argument("--scenario", choices=[level.value for level in CYCLE], metavar="LEVEL",
                        help="show only this level: " + ", ".join(level.value for level in CYCLE))


def run(args: argparse.Namespace, context: Context) -> int:
    """Serve the demo page, probe it once per level, print each summary."""
    levels = [args.scenario] if args.scenario else [level.value for level in CYCLE]
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


COMMAND = Command("demo", "show the status engine's answer for each level, against a built-in demo page",
                  add_arguments, run)

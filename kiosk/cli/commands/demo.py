"""`downtime-kiosk demo [--scenario LEVEL|cycle]`: the whole appliance on one machine.

The built-in status page on 127.0.0.1 (cycling through every level, or holding one), the watch
daemon on gpiozero's mock pins, and the wall screen in a window with the LED and the button
drawn on it. Everything prints through a private cupsd of the demo's own, whose printer writes
each job as a PDF into ./demo-output/, unless `--printer QUEUE` names a real queue; the
schedule's patients are invented. `--text` prints the status engine's answer for each level instead
(no display needed).
"""

import argparse
from pathlib import Path

from kiosk.cli.command import Command
from kiosk.status.level import Level

LEVELS = [level.value for level in Level if level is not Level.UNKNOWN]  # the demo page's cycle, in order


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


COMMAND = Command("demo", "run the whole kiosk on this machine: status page, watch daemon and screen",
                  add_arguments, "kiosk.cli.actions.demo:run")

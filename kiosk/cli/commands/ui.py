"""`downtime-kiosk ui`: the wall screen; `ui --set-pin` makes the `ui.pin_hash` line for a new PIN.

The screen reads only the watch daemon's state file, so it can start before the daemon and
says "status monitor not running" until the daemon writes.
"""

import argparse

from kiosk.cli.command import Command


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """`--set-pin` instead of running the screen; `--window` for a window instead of full screen."""
    parser.add_argument("--set-pin", action="store_true",
                        help="read a new PIN (6-12 digits) from stdin and print the pin_hash line for [ui]")
    parser.add_argument("--window", action="store_true",
                        help="run in a window with a mouse cursor instead of full screen")


COMMAND = Command("ui", "run the wall screen (or make a PIN hash with --set-pin)", add_arguments,
                  "kiosk.cli.actions.ui:run")

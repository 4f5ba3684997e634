"""`downtime-kiosk drill start [--level L] [--minutes N] | stop | report [--last | --date D]`.

A drill makes the screen and the LED behave as in `--level` (outage by default) with DRILL on every
screen, until `drill stop`, until `--minutes` pass, or at once when ICANotes really has trouble.
It never touches the downtime log. `report` prints the one-page drill record (no patient data).
"""

import argparse

from kiosk.cli.command import Command

__all__ = ["COMMAND"]

DRILL_LEVELS = ("outage", "regional_outage", "offline")  # kiosk.drill.model.DRILL_LEVELS (kept import-free)
MAX_MINUTES = 8 * 60  # kiosk.drill.store.MAX_MINUTES


def _minutes(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_MINUTES:
        raise argparse.ArgumentTypeError(f"expected a whole number from 1 to {MAX_MINUTES}, got {text!r}")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """start [--level] [--minutes], stop, report [--last | --date]."""
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    start = sub.add_parser("start", help="begin a drill: the screen and LED act as in that level, marked DRILL")
    start.add_argument("--level", choices=DRILL_LEVELS, default="outage", help="the level to practise "
                                                                               "(default outage)")
    start.add_argument("--minutes", type=_minutes, default=30, help="it ends by itself after this long (default 30)")
    sub.add_parser("stop", help="end the running drill")
    report = sub.add_parser("report", help="print the one-page drill record (default: the last drill)")
    which = report.add_mutually_exclusive_group()
    which.add_argument("--last", action="store_true", help="the most recent drill (the default)")
    which.add_argument("--date", metavar="YYYY-MM-DD", help="the drills that began on that day")


COMMAND = Command("drill", "practise a downtime: screen and LED marked DRILL; print the drill record",
                  add_arguments, "kiosk.cli.actions.drill:run")

"""`downtime-kiosk nightly [--force] [--now ISO-TIME]`: the evening print of the next clinic day.

Run by a systemd timer at `schedule.print_at`. Exit 0 when the schedule was printed (now or
earlier for the same date), was sent and still printing when the wait ended, or there was
nothing to print; 1 with the reason otherwise.
`--now` is the clock for the whole run, for drills and tests.
"""

import argparse

from kiosk.cli.command import Command


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """--force and --now."""
    parser.add_argument("--force", action="store_true", help="print again even if this date was already printed")
    parser.add_argument("--now", metavar="ISO-TIME",
                        help="run as if it were this time (e.g. 2026-11-27T17:30); the clock then runs on from it")


COMMAND = Command("nightly", "print the next clinic day's schedule (run each evening by a timer)",
                  add_arguments, "kiosk.cli.actions.nightly:run")

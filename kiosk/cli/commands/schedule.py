"""`downtime-kiosk schedule fetch|show|print|packet`: the local, encrypted copy of the schedule.

`fetch` refreshes the cache now (the watch daemon does it every `refresh_minutes`); `show`
prints one day (the next clinic day by default) as text or JSON; `print` sends that day's
table to the printer; `packet` prints a pre-filled progress note per appointment of a day.
All of them work from the cache during an outage.
"""

import argparse

from kiosk.cli.command import Command


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """fetch, show [--date] [--json], print [--date], packet [--date]."""
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub.add_parser("fetch", help="refresh the local copy from schedule.source now")
    show = sub.add_parser("show", help="show one day (default: the next clinic day)")
    show.add_argument("--date", metavar="YYYY-MM-DD", help="the day to show")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    for name, text in (("print", "print one day's schedule"), ("packet", "print a pre-filled note per appointment")):
        action = sub.add_parser(name, help=f"{text} (default: the next clinic day)")
        action.add_argument("--date", metavar="YYYY-MM-DD", help="the day to print")


COMMAND = Command("schedule", "fetch, show and print the local copy of the schedule", add_arguments,
                  "kiosk.cli.actions.schedule:run")

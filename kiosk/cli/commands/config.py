"""`downtime-kiosk config check`: validate the configuration file and say where it came from.

The IT person runs it after editing the file; first boot runs it before installing one.
"""

import argparse

from kiosk.cli.command import Command


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """`config check` is the only action for now."""
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub.add_parser("check", help="validate the configuration; exit 78 with one line if it is wrong")


COMMAND = Command("config", "check the configuration file", add_arguments, "kiosk.cli.actions.config:run")

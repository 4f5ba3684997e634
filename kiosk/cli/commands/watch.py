"""`downtime-kiosk watch`: the headless daemon behind the LED, the button and the screen's state file.

Runs until SIGTERM or SIGINT, then turns the LED off and exits 0 within two seconds.
A configuration file with a mistake does not stop it: it runs on the built-in defaults
and publishes the mistake as a `config` alert, so the wall still shows the status.
"""

import argparse

from kiosk.cli.command import Command


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """`watch` takes no arguments of its own (see the global --config and -v)."""


COMMAND = Command(
    "watch", "run the LED, button and status daemon (under systemd: Type=notify)", add_arguments,
    "kiosk.cli.actions.watch:run",
    description="Watch ICANotes, drive the LED and the print button, refresh the schedule and publish "
                "state.json for the screen. Stops cleanly on SIGTERM.",
)

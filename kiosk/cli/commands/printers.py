"""`downtime-kiosk printers [--json]` and `printers --resume QUEUE`.

Lists the CUPS queues with their state in plain words, and starts a queue that CUPS
stopped after a printer error (out of paper, jam) once someone fixed the printer.
"""

import argparse

from kiosk.cli.command import Command


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """`--json` for scripts and the screen; `--resume QUEUE` to start a stopped queue."""
    parser.add_argument("--json", action="store_true", help="print the queues as JSON")
    parser.add_argument("--resume", metavar="QUEUE",
                        help="start QUEUE again and let it take jobs (after adding paper, clearing a jam …)")


COMMAND = Command("printers", "list the printer queues in plain words, or resume a stopped one", add_arguments,
                  "kiosk.cli.actions.printers:run")

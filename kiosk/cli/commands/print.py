"""`downtime-kiosk print ID|packet [--copies N] [--printer QUEUE] [--wait]`.

Prints one blank form, or the packet the physical button prints, and says which CUPS jobs
it made. With `--wait` it follows them: exit 0 when all printed, exit 1 with the reason in
plain words as soon as one cannot complete (it stays queued and prints after Resume).
"""

import argparse

from kiosk.cli.command import Command

MAX_COPIES = 20


def _copies(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_COPIES:
        raise argparse.ArgumentTypeError(f"expected a whole number from 1 to {MAX_COPIES}, got {text!r}")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The form id (or `packet`) and the options."""
    parser.add_argument("target", metavar="ID|packet",
                        help="a form id (see `forms list`), or `packet` for what the button prints "
                             "(printing.packet)")
    parser.add_argument("--copies", type=_copies, metavar="N",
                        help="copies of each form (default 1; for the packet, its own counts)")
    parser.add_argument("--printer", metavar="QUEUE",
                        help="CUPS queue (default printing.printer, else the CUPS default); "
                             "also bypasses printing.output_dir")
    parser.add_argument("--wait", action="store_true",
                        help="wait until printed (at most printing.job_timeout_seconds); "
                             "exit 1 with the reason if it cannot print")


COMMAND = Command("print", "print a blank downtime form, or the packet the button prints", add_arguments,
                  "kiosk.cli.actions.print:run")

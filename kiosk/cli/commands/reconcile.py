"""`downtime-kiosk reconcile [--window N | --from T --to T] [--list]`: the catch-up sheet after a downtime.

Prints, to a CUPS queue only (it names patients), one row per cached visit inside the downtime with
the boxes to tick as each is brought into ICANotes; records when it was printed in the reconcile
book, which ends the screen's and the LED's reminder. `--list` shows the recorded downtimes.
"""

import argparse

from kiosk.cli.command import Command

__all__ = ["COMMAND"]


def _number(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """--window N, or --from/--to, and --list."""
    parser.add_argument("--window", type=_number, metavar="N",
                        help="the N-th downtime, most recent first (default 1; see --list)")
    parser.add_argument("--from", dest="start", metavar="TIME", help="start of a downtime given by hand (ISO 8601; "
                                                                      "without an offset, in schedule.timezone)")
    parser.add_argument("--to", dest="end", metavar="TIME", help="its end")
    parser.add_argument("--list", action="store_true", help="list the recorded downtimes and what became of their "
                                                            "sheets, and print nothing")


COMMAND = Command("reconcile", "print the catch-up sheet for a downtime (visits to bring into ICANotes)",
                  add_arguments, "kiosk.cli.actions.reconcile:run")

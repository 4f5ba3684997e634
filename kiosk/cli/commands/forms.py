"""`downtime-kiosk forms list [--json]` and `downtime-kiosk forms render ID -o FILE.pdf`.

The IT person lists what the button can print and looks at a form before the first downtime.
"""

import argparse
from pathlib import Path

from kiosk.cli.command import Command


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """`list` and `render`."""
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = sub.add_parser("list", help="the forms, with id, title, pages and source (builtin or custom)")
    listing.add_argument("--json", action="store_true", help="print a JSON list instead of a table")
    render = sub.add_parser("render", help="write one form as a PDF file")
    render.add_argument("form_id", metavar="ID", help="form id (see `forms list`)")
    render.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf", help="where to write it")


COMMAND = Command("forms", "list the downtime forms or write one as a PDF", add_arguments,
                  "kiosk.cli.actions.forms:run")

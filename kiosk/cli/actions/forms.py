"""`downtime-kiosk forms list [--json]` and `downtime-kiosk forms render ID -o FILE.pdf`.

The IT person lists what the button can print and looks at a form before the first downtime.
"""

import argparse
import json

from kiosk.cli.command import Context
from kiosk.errors import UsageError
from kiosk.wiring import catalogue_from_config
from print_service.errors import PrintServiceError, UnknownNameError
from print_service.storage import write_atomic


def run(args: argparse.Namespace, context: Context) -> int:
    """Dispatch to the action."""
    catalogue = catalogue_from_config(context.config)
    if args.action == "list":
        entries = catalogue.entries()
        if args.json:
            print(json.dumps([entry.to_json() for entry in entries], indent=2))
        else:
            _print_table([[e.id, e.title, str(e.pages), e.source] for e in entries])
        return 0
    try:
        data = catalogue.render(args.form_id)
    except UnknownNameError as exc:
        raise UsageError(str(exc)) from None
    try:
        write_atomic(args.output, data, mode=0o644)
    except OSError as exc:
        raise PrintServiceError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    print(f"wrote {args.form_id} to {args.output}")
    return 0


def _print_table(rows: list[list[str]]) -> None:
    header = ["ID", "TITLE", "PAGES", "SOURCE"]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())

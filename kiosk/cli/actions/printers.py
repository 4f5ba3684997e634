"""`downtime-kiosk printers [--json]` and `printers --resume QUEUE`.

Lists the CUPS queues with their state in plain words, and starts a queue that CUPS
stopped after a printer error (out of paper, jam) once someone fixed the printer.
"""

import argparse
import json

from kiosk.cli.command import Context
from print_service.printing import PrintingSettings, QueueStatus
from print_service.printing.service import PrintService


def run(args: argparse.Namespace, context: Context) -> int:
    """List the queues, or resume one."""
    settings = context.config.get(PrintingSettings)
    service = PrintService(settings)
    if args.resume:
        status = service.resume(args.resume)
        print(json.dumps(status.to_json()) if args.json else f"{status.name} resumed: {status.message}")
        return 0
    queues = service.queues()
    if args.json:
        folder = str(settings.output_dir) if settings.output_dir else None
        print(json.dumps({"output_dir": folder, "queues": [q.to_json() for q in queues]}, indent=2))
        return 0
    if settings.output_dir:
        print(f"printing.output_dir is set: forms are written to {settings.output_dir}; "
              "these queues are used only with --printer")
    if not queues:
        print("No printers are set up in CUPS (add one with lpadmin or the CUPS web page)")
    for queue in queues:
        print(_line(queue))
    return 0


def _line(queue: QueueStatus) -> str:
    default = " (default)" if queue.is_default else ""
    return f"{queue.name}{default}: {queue.state} — {queue.message}"

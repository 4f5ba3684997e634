"""`downtime-kiosk print ID|packet [--copies N] [--printer QUEUE] [--wait]`.

Prints one blank form, or the packet the physical button prints, and says which CUPS jobs
it made. With `--wait` it follows them: exit 0 when all printed, exit 1 with the reason in
plain words as soon as one cannot complete (it stays queued and prints after Resume).
"""

import argparse
import sys

from kiosk.cli.command import Command, Context
from kiosk.wiring import catalogue_from_config
from print_service.printing import (
    PacketItem,
    PrintingSettings,
    PrintService,
    SubmittedJob,
    print_packet,
)

PACKET = "packet"
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


def run(args: argparse.Namespace, context: Context) -> int:
    """Render (from the cache), submit, and optionally follow."""
    config = context.config
    settings = config.get(PrintingSettings)
    service = PrintService(settings)
    catalogue = catalogue_from_config(config)
    packet = None if args.target == PACKET else [PacketItem(args.target, args.copies or 1)]
    if service.uses_folder(args.printer):
        print(f"printing.output_dir is set: writing PDFs to {settings.output_dir} (no printer is used)")
    jobs = print_packet(service, catalogue, packet, printer=args.printer, copies=args.copies)
    for job in jobs:
        print(_describe(job))
    return _follow(service, jobs) if args.wait else 0


def _describe(job: SubmittedJob) -> str:
    copies = f", {job.copies} copies" if job.copies > 1 else ""
    if job.path is not None:
        return f"{job.form_id}: wrote {job.path}{copies}"
    return f"{job.form_id}: job {job.id} on {job.queue}{copies}"


def _follow(service: PrintService, jobs: list[SubmittedJob]) -> int:
    for job in jobs:
        outcome = service.wait(job)
        if not outcome.ok:
            print(f"downtime-kiosk: {job.form_id} (job {job.id}): {outcome.message}", file=sys.stderr)
            return 1
        print(f"{job.form_id}: {outcome.message}")
    return 0


COMMAND = Command("print", "print a blank downtime form, or the packet the button prints", add_arguments, run)

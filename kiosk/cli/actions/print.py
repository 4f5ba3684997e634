"""`downtime-kiosk print ID|packet [--copies N] [--printer QUEUE] [--wait]`.

Prints one blank form, or the packet the physical button prints, and says which CUPS jobs
it made. With `--wait` it follows them: exit 0 when all printed, exit 1 with the reason in
plain words as soon as one cannot complete (it stays queued and prints after Resume).
"""

import argparse
import sys

from kiosk.cli.command import Context
from kiosk.wiring import catalogue_from_config
from print_service.printing import PacketItem, PrintingSettings, SubmittedJob
from print_service.printing.packet import print_packet
from print_service.printing.service import PrintService

PACKET = "packet"


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

"""`downtime-kiosk status [--json]` and `downtime-kiosk status --log`.

Probes once (no debounce) and exits with the level, the monitoring-plugin way, so a
practice's Nagios or Icinga can run it: 0 operational; 1 degraded or maintenance; 2
outage, regional_outage or offline; 3 unknown; 78 bad configuration.
"""

import argparse

from kiosk.cli.command import Command


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """`--json` for one machine-readable object, `--log` for the downtime log."""
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the summary")
    parser.add_argument("--log", action="store_true",
                        help="print the downtime log (every level change, with start and end) and exit 0")


COMMAND = Command(
    "status", "show whether ICANotes can be used right now (exit 0-3 by level)", add_arguments,
    "kiosk.cli.actions.status:run",
    description="Probe the status page, the EHR, the upload site and the internet once, and say what to do. "
                "Exit status: 0 operational, 1 degraded or maintenance, 2 outage, regional_outage or offline, "
                "3 unknown, 78 bad configuration.",
)

"""`downtime-kiosk status [--json]` and `downtime-kiosk status --log`.

Probes once (no debounce) and exits with the level, the monitoring-plugin way, so a
practice's Nagios or Icinga can run it: 0 operational; 1 degraded or maintenance; 2
outage, regional_outage or offline; 3 unknown; 78 bad configuration.
"""

import argparse
import asyncio
import json
from datetime import datetime

from kiosk.cli.command import Command, Context
from kiosk.drill.log_rows import drill_rows
from kiosk.drill.status_words import drill_json, drill_line
from kiosk.drill.store import DrillStore
from kiosk.reconcile.book import ReconcileBook
from kiosk.reconcile.log_view import log_json
from kiosk.status import DowntimeLog, StatusSettings, exit_code_for, probe_once
from kiosk.status.summary import render_log, render_summary
from print_service.paths import AppPaths


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """`--json` for one machine-readable object, `--log` for the downtime log."""
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the summary")
    parser.add_argument("--log", action="store_true",
                        help="print the downtime log (every level change, with start and end) and exit 0")


def run(args: argparse.Namespace, context: Context) -> int:
    """Probe once and print; the exit status says the level."""
    config = context.config
    if args.log:
        state_dir = config.get(AppPaths).state_dir
        windows = DowntimeLog(state_dir).entries()
        rows = log_json(windows, ReconcileBook(state_dir).records()) + drill_rows(DrillStore(state_dir).drills())
        print(json.dumps(rows, indent=2) if args.json else render_log(windows))
        return 0
    snapshot = asyncio.run(probe_once(config.get(StatusSettings)))
    drill = drill_json(config.get(AppPaths).state_dir, datetime.now().astimezone())
    line = drill_line(drill)
    print(json.dumps({**snapshot.to_json(), "drill": drill}, indent=2) if args.json
          else render_summary(snapshot) + (f"\n\n{line}" if line else ""))
    return exit_code_for(snapshot.level)  # the real level's, also during a drill


COMMAND = Command(
    "status", "show whether ICANotes can be used right now (exit 0-3 by level)", add_arguments, run,
    description="Probe the status page, the EHR, the upload site and the internet once, and say what to do. "
                "Exit status: 0 operational, 1 degraded or maintenance, 2 outage, regional_outage or offline, "
                "3 unknown, 78 bad configuration.",
)

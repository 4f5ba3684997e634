"""`downtime-kiosk status [--json]` and `downtime-kiosk status --log`.

Probes once (no debounce) and exits with the level, the monitoring-plugin way, so a
practice's Nagios or Icinga can run it: 0 operational; 1 degraded or maintenance; 2
outage, regional_outage or offline; 3 unknown; 78 bad configuration.
"""

import argparse
import asyncio
import json
from datetime import datetime

from kiosk.cli.command import Context
from kiosk.drill.log_rows import drill_lines, drill_rows
from kiosk.drill.status_words import drill_json, drill_line
from kiosk.drill.store import DrillStore
from kiosk.reconcile.book import ReconcileBook
from kiosk.reconcile.log_view import log_json
from kiosk.status import StatusSettings, exit_code_for
from kiosk.status.downtime_log import DowntimeLog
from kiosk.status.probe import probe_once
from kiosk.status.summary import render_log, render_summary
from print_service.paths import AppPaths


def run(args: argparse.Namespace, context: Context) -> int:
    """Probe once and print; the exit status says the level."""
    config = context.config
    if args.log:
        state_dir = config.get(AppPaths).state_dir
        windows = DowntimeLog(state_dir).entries()
        drills = DrillStore(state_dir).drills()
        rows = log_json(windows, ReconcileBook(state_dir).records()) + drill_rows(drills)
        print(json.dumps(rows, indent=2) if args.json else "\n".join([render_log(windows), *drill_lines(drills)]))
        return 0
    snapshot = asyncio.run(probe_once(config.get(StatusSettings)))
    drill = drill_json(config.get(AppPaths).state_dir, datetime.now().astimezone())
    line = drill_line(drill)
    print(json.dumps({**snapshot.to_json(), "drill": drill}, indent=2) if args.json
          else render_summary(snapshot) + (f"\n\n{line}" if line else ""))
    return exit_code_for(snapshot.level)  # the real level's, also during a drill

"""`downtime-kiosk status [--json]` and `downtime-kiosk status --log`.

Probes once (no debounce) and exits with the level, the monitoring-plugin way, so a
practice's Nagios or Icinga can run it: 0 operational; 1 degraded or maintenance; 2
outage, regional_outage or offline; 3 unknown; 78 bad configuration.
"""

import argparse
import asyncio
import json

from kiosk.cli.command import Context
from kiosk.status import StatusSettings, exit_code_for
from kiosk.status.downtime_log import DowntimeLog
from kiosk.status.probe import probe_once
from kiosk.status.summary import render_log, render_summary
from print_service.paths import AppPaths


def run(args: argparse.Namespace, context: Context) -> int:
    """Probe once and print; the exit status says the level."""
    config = context.config
    if args.log:
        windows = DowntimeLog(config.get(AppPaths).state_dir).entries()
        print(json.dumps([w.to_json() for w in windows], indent=2) if args.json else render_log(windows))
        return 0
    snapshot = asyncio.run(probe_once(config.get(StatusSettings)))
    print(json.dumps(snapshot.to_json(), indent=2) if args.json else render_summary(snapshot))
    return exit_code_for(snapshot.level)

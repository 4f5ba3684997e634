"""`downtime-kiosk nightly [--force] [--now ISO-TIME]`: the evening print of the next clinic day.

Run by a systemd timer at `schedule.print_at`. Exit 0 when the schedule was printed (now or
earlier for the same date), was sent and still printing when the wait ended, or there was
nothing to print; 1 with the reason otherwise.
`--now` is the clock for the whole run, for drills and tests.
"""

import argparse
from datetime import datetime

from kiosk.cli.actions.schedule import open_cache, printer_for
from kiosk.cli.command import Context
from kiosk.errors import UsageError
from print_service.alerts import AlertStore
from print_service.paths import AppPaths
from print_service.printing import PrintingSettings
from print_service.schedule.clock import Clock, ClockSync, FixedStartClock, SystemClock
from print_service.schedule.nightly import NightlyPrint
from print_service.schedule.records import NightlyStore
from print_service.schedule.settings import ScheduleSettings


def _clock(text: str | None, settings: ScheduleSettings) -> Clock:
    if text is None:
        return SystemClock()
    try:
        start = datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--now: expected an ISO 8601 time such as 2026-11-27T17:30, got {text!r}") from None
    return FixedStartClock(start if start.tzinfo else start.replace(tzinfo=settings.timezone))


def run(args: argparse.Namespace, context: Context) -> int:
    """Run the evening print once and report its outcome in one line."""
    settings = context.config.get(ScheduleSettings)
    paths = context.config.get(AppPaths)
    clock = _clock(args.now, settings)
    cache = open_cache(context, now=clock.now)
    job = NightlyPrint(cache=cache, print_document=printer_for(context, now=clock.now),
                       alerts=AlertStore(paths.alerts_dir, now=clock.now), store=NightlyStore(paths.state_dir),
                       clock=clock, clock_synchronised=ClockSync(), force=args.force,
                       paper=context.config.get(PrintingSettings).paper)
    record = job.run()
    print(f"nightly {record.date.isoformat()}: {record.outcome}: {record.message}")
    return 0 if record.outcome in ("printed", "printing", "nothing") else 1

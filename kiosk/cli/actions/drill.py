"""`downtime-kiosk drill start [--level L] [--minutes N] | stop | report [--last | --date D]`.

A drill makes the screen and the LED behave as in `--level` (outage by default) with DRILL on every
screen, until `drill stop`, until `--minutes` pass, or at once when ICANotes really has trouble.
It never touches the downtime log. `report` prints the one-page drill record (no patient data).
"""

import argparse
from datetime import datetime, tzinfo

from kiosk.cli.command import Context
from kiosk.drill.model import Drill
from kiosk.drill.report import REPORT_KIND, drill_report
from kiosk.drill.shown import TRUTH_WINS
from kiosk.drill.store import DrillStore
from kiosk.errors import DowntimeKioskError, UsageError
from kiosk.status.settings import StatusSettings
from kiosk.watch.publisher import read_state
from print_service.exit_codes import ExitCode
from print_service.forms.settings import PracticeSettings
from print_service.paths import AppPaths
from print_service.printing import job_title
from print_service.printing.service import PrintService
from print_service.printing.settings import PrintingSettings
from print_service.reports.common import duration_words
from print_service.schedule.settings import ScheduleSettings

__all__ = ["run"]


class DrillRefusedError(DowntimeKioskError):
    """A drill cannot start now (ICANotes really is in trouble)."""

    exit_code = ExitCode.FAILED


def run(args: argparse.Namespace, context: Context) -> int:
    """Dispatch to start, stop or report."""
    config = context.config
    paths = config.get(AppPaths)
    store = DrillStore(paths.state_dir)
    zone = config.get(ScheduleSettings).timezone
    now = datetime.now(zone)
    if args.action == "start":
        real = (read_state(paths.state_file) or {}).get("level")
        if real in TRUTH_WINS:
            raise DrillRefusedError(f"ICANotes is really {real} now (state file {paths.state_file}): no drill "
                                    "while there is real trouble")
        drill = store.start(args.level, args.minutes, now, upload_url=config.get(StatusSettings).upload_url)
        print(f"drill started: {drill.level} until {drill.until:%H:%M}; the screen and the LED show it marked "
              "DRILL (`downtime-kiosk drill stop` ends it)")
        return 0
    if args.action == "stop":
        stopped = store.stop(now)
        if stopped is None:
            print("no drill is running")
            return 0
        ended = stopped.ended_at or now
        print(f"drill stopped after {duration_words(ended - stopped.started_at)}")
        return 0
    return _report(args, context, store, now)


def _report(args: argparse.Namespace, context: Context, store: DrillStore, now: datetime) -> int:
    config = context.config
    zone = config.get(ScheduleSettings).timezone
    if args.date:
        try:
            day = datetime.strptime(args.date, "%Y-%m-%d").date()
        except ValueError:
            raise UsageError(f"--date: expected a date YYYY-MM-DD, got {args.date!r}") from None
        drills = store.on_day(day, zone)
        if not drills:
            raise UsageError(f"--date: no drill began on {day.isoformat()}")
    else:
        last = store.last()
        if last is None:
            raise UsageError("no drill has been run yet (`downtime-kiosk drill start`)")
        drills = [last]
    service = PrintService(config.get(PrintingSettings))
    for drill in drills:
        _print_one(service, drill, practice=config.get(PracticeSettings).name, zone=zone, now=now,
                   paper=config.get(PrintingSettings).paper)
    return 0


def _print_one(service: PrintService, drill: Drill, *, practice: str, zone: tzinfo, now: datetime,
               paper: str) -> None:
    document = drill_report(drill, practice=practice, zone=zone, now=now, paper=paper)
    job = service.submit(document, title=job_title(REPORT_KIND, now))
    outcome = service.wait(job)
    where = f"wrote {job.path}" if job.path is not None else f"job {job.id} on {job.queue}: {outcome.message}"
    if not outcome.ok:
        raise DowntimeKioskError(f"the drill record did not print: {outcome.message}")
    print(f"drill record of {drill.started_at.astimezone(zone):%Y-%m-%d %H:%M}: {where}")

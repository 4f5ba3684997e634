"""`downtime-kiosk reconcile [--window N | --from T --to T] [--list]`: the catch-up sheet after a downtime.

Prints, to a CUPS queue only (it names patients), one row per cached visit inside the downtime with
the boxes to tick as each is brought into ICANotes; records when it was printed in the reconcile
book, which ends the screen's and the LED's reminder. `--list` shows the recorded downtimes.
"""

import argparse
from datetime import datetime, tzinfo

from kiosk.cli.command import Context
from kiosk.errors import UsageError
from kiosk.reconcile.book import ReconcileBook, ReconcileRecord
from kiosk.reconcile.choose import by_number, by_times, parse_moment
from kiosk.reconcile.downtimes import Downtime, find_downtimes, span_words
from kiosk.reconcile.settings import ReconcileSettings
from kiosk.reconcile.sheet import SHEET_KIND, catchup_document, visits_in
from kiosk.status.downtime_log import DowntimeLog
from print_service.errors import ScheduleError
from print_service.forms import PracticeSettings
from print_service.paths import AppPaths
from print_service.printing.service import PrintService
from print_service.printing.settings import PrintingSettings
from print_service.reports.common import duration_words
from print_service.schedule.cache import ScheduleCache
from print_service.schedule.printer import cups_document_printer
from print_service.schedule.settings import ScheduleSettings

__all__ = ["run"]


def run(args: argparse.Namespace, context: Context) -> int:
    """List, or choose one downtime and print its sheet."""
    config = context.config
    paths = config.get(AppPaths)
    schedule = config.get(ScheduleSettings)
    zone = schedule.timezone
    windows = DowntimeLog(paths.state_dir).entries()
    downtimes = find_downtimes(windows)
    book = ReconcileBook(paths.state_dir)
    if args.list:
        _list(downtimes, book.records(), config.get(ReconcileSettings).min_minutes, zone)
        return 0
    if (args.start is None) != (args.end is None):
        raise UsageError("--from and --to go together (or use --window N)")
    if args.start is not None and args.window is not None:
        raise UsageError("--window cannot be combined with --from/--to")
    if args.start is not None:
        downtime = by_times(windows, parse_moment("--from", args.start, zone), parse_moment("--to", args.end, zone))
    else:
        downtime = by_number(downtimes, args.window)
    now = datetime.now(zone)
    cache = ScheduleCache(schedule, paths) if schedule.source else None
    document = catchup_document(downtime, cache, practice=config.get(PracticeSettings).name, zone=zone, now=now,
                                paper=config.get(PrintingSettings).paper)
    cups_document_printer(PrintService(config.get(PrintingSettings)), now=lambda: datetime.now(zone))(document,
                                                                                                    SHEET_KIND)
    book.mark_printed(downtime.key, now)
    print(f"printed the catch-up sheet for the downtime {span_words(downtime, zone)} "
          f"({_visit_count(cache, downtime, now)})")
    return 0


def _visit_count(cache: ScheduleCache | None, downtime: Downtime, now: datetime) -> str:
    try:
        cached = cache.load() if cache is not None else None
    except ScheduleError:
        cached = None
    if cached is None:
        return "no schedule copy: rows left blank"
    count = len(visits_in(cached.appointments, downtime.start, downtime.end or now))
    return f"{count} visit{'s' if count != 1 else ''}"


def _list(downtimes: list[Downtime], records: dict[str, ReconcileRecord], min_minutes: int, zone: tzinfo) -> None:
    if not downtimes:
        print("no downtime recorded yet")
        return
    now = datetime.now().astimezone()
    print(f"{'N':>3}  {'downtime':<30} {'lasted':<12} {'level':<28} sheet")
    for number, downtime in enumerate(downtimes, 1):
        start = downtime.start.astimezone(zone)
        span = f"{start:%Y-%m-%d} {span_words(downtime, zone)}"
        lasted = duration_words(downtime.lasted(now)) + ("" if downtime.end else " so far")
        print(f"{number:>3}  {span:<30} {lasted:<12} {downtime.level_words:<28} "
              f"{_sheet_words(records.get(downtime.key), downtime, min_minutes)}")


def _sheet_words(record: ReconcileRecord | None, downtime: Downtime, min_minutes: int) -> str:
    if downtime.end is None:
        return "still going"
    words = []
    if record is not None and record.printed_at:
        words.append(f"printed {record.printed_at}" + (f" ({record.prints}x)" if record.prints > 1 else ""))
    if record is not None and record.acknowledged_by:
        words.append(f"acknowledged by {record.acknowledged_by} {record.acknowledged_at}")
    if record is not None and record.dismissed_at:
        words.append(f"dismissed {record.dismissed_at}")
    if not words:
        short = (downtime.end - downtime.start).total_seconds() < min_minutes * 60
        words.append("not needed (shorter than reconcile.min_minutes)" if short else "NOT PRINTED")
    return "; ".join(words)

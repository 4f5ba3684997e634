"""`downtime-kiosk schedule fetch|show|print|packet`: the local, encrypted copy of the schedule.

`fetch` refreshes the cache now (the watch daemon does it every `refresh_minutes`); `show`
prints one day (the next clinic day by default) as text or JSON; `print` sends that day's
table to the printer; `packet` prints a pre-filled progress note per appointment of a day.
All of them work from the cache during an outage.
"""

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date, datetime, timedelta

from kiosk.cli.command import Context
from kiosk.errors import UsageError
from kiosk.wiring import catalogue_from_config
from print_service.errors import ScheduleError
from print_service.paths import AppPaths
from print_service.printing import PrintingSettings
from print_service.printing.service import PrintService
from print_service.schedule import Appointment, ScheduleSettings
from print_service.schedule.cache import ScheduleCache
from print_service.schedule.documents import day_document
from print_service.schedule.nightly import SCHEDULE_KIND, PrintDocument
from print_service.schedule.packet import packet_pages
from print_service.schedule.printer import cups_document_printer

__all__ = ["open_cache", "printer_for", "run"]


def open_cache(context: Context, *, now: Callable[[], datetime] | None = None) -> ScheduleCache:
    """The schedule cache as configured (with `now`, on that clock)."""
    return ScheduleCache(context.config.get(ScheduleSettings), context.config.get(AppPaths), now=now)


def printer_for(context: Context, *, now: Callable[[], datetime] | None = None) -> PrintDocument:
    """How the schedule reaches paper: a CUPS queue of `[printing]` (never the output folder: PHI)."""
    zone = context.config.get(ScheduleSettings).timezone
    clock = now or (lambda: datetime.now(zone))
    service = PrintService(context.config.get(PrintingSettings))
    return cups_document_printer(service, now=lambda: clock().astimezone(zone))


def parse_day(text: str) -> date:
    """A `--date` argument; UsageError (exit 64) when it is not YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--date: expected a date YYYY-MM-DD, got {text!r}") from None


def _chosen_day(args: argparse.Namespace, cache: ScheduleCache) -> date:
    if args.date:
        return parse_day(args.date)
    today = cache.today()
    return cache.next_clinic_day(today) or today + timedelta(days=1)


def _fetch(cache: ScheduleCache) -> int:
    result = cache.refresh()
    if not result.ok:
        print(f"downtime-kiosk: {result.error}", file=sys.stderr)
        return result.exit_code
    fresh = cache.freshness()
    print(f"schedule fetched from {fresh.source} ({fresh.format}): {result.count} appointments "
          f"from today to {cache.settings.horizon_days} days ahead")
    return 0


def _show(cache: ScheduleCache, day: date, as_json: bool) -> int:
    cached = cache.load()
    if cached is None:
        raise ScheduleError("no schedule in the cache yet (run `downtime-kiosk schedule fetch`)")
    stale = cached.is_stale(datetime.now(cached.fetched_at.tzinfo), cache.settings.refresh_minutes)
    appointments = cache.day(day)
    if as_json:
        print(json.dumps({"date": day.isoformat(), "fetched_at": cached.fetched_at.isoformat(),
                          "source": cached.source, "stale": stale,
                          "appointments": [a.to_json() for a in sorted(appointments, key=lambda a: a.start)]},
                         indent=2))
        return 0
    print(f"Schedule for {day:%A, %B} {day.day}, {day.year} (data as of "
          f"{cached.fetched_at.astimezone(cache.settings.timezone):%Y-%m-%d %H:%M}, {cached.source})"
          + ("  STALE" if stale else ""))
    if cached.format == "pdf":
        print("  (the source is a PDF snapshot: `schedule print` prints it as it is)")
    for line in _lines(appointments, cache.settings):
        print(line)
    return 0


def _lines(appointments: list[Appointment], settings: ScheduleSettings) -> list[str]:
    if not appointments:
        return ["  no appointments"]
    lines = []
    for a in appointments:
        when = "All day" if a.all_day else \
            f"{a.start.astimezone(settings.timezone):%H:%M}-{a.end.astimezone(settings.timezone):%H:%M}"
        fields = [a.patient or a.title, a.provider, a.type, a.location]
        lines.append(f"  {when:<12} " + " | ".join(f for f in fields if f))
    return lines


def _print(context: Context, cache: ScheduleCache, day: date) -> int:
    paper = context.config.get(PrintingSettings).paper
    document = day_document(cache, day, datetime.now(cache.settings.timezone), paper=paper)
    confirmed = printer_for(context)(document, SCHEDULE_KIND)
    cached = cache.load()
    if not confirmed:
        print(f"sent the schedule for {day:%A, %B} {day.day} to the printer; it was still printing when the wait "
              "ended — check the printer")
    elif cached is not None and cached.format == "pdf":
        print("printed the calendar snapshot (a PDF from the source, printed as it is)")
    else:
        print(f"printed the schedule for {day:%A, %B} {day.day} ({len(cache.day(day))} appointments)")
    return 0


def _packet(context: Context, cache: ScheduleCache, day: date) -> int:
    appointments = cache.day(day)
    if cache.load() is None:
        raise ScheduleError("no schedule in the cache yet (run `downtime-kiosk schedule fetch`)")
    pages = packet_pages(appointments, cache.settings.provider_roles, catalogue_from_config(context.config),
                         cache.settings.timezone)
    if not pages:
        print(f"no appointments on {day:%A, %B} {day.day}: no notes to print")
        return 0
    print_document = printer_for(context)
    for page in pages:
        print_document(page.document, page.form_id)
    print(f"printed {len(pages)} pre-filled notes for {day:%A, %B} {day.day}")
    return 0


def run(args: argparse.Namespace, context: Context) -> int:
    """Dispatch to the chosen action."""
    cache = open_cache(context)
    if args.action == "fetch":
        return _fetch(cache)
    day = _chosen_day(args, cache)
    if args.action == "show":
        return _show(cache, day, args.json)
    if args.action == "print":
        return _print(context, cache, day)
    return _packet(context, cache, day)

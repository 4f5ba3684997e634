"""The catch-up sheet of one downtime: the cached visits inside it (edges included), in the practice's zone.

The PDF holds patient names: it is made in memory and handed to the printer, never written anywhere.
"""

from collections.abc import Iterable
from datetime import UTC, datetime, tzinfo

from kiosk.reconcile.downtimes import Downtime
from print_service.errors import ScheduleError
from print_service.schedule.cache import ScheduleCache
from print_service.schedule.model import Appointment

__all__ = ["SHEET_KIND", "catchup_document", "visits_in"]

SHEET_KIND = "reconcile"  # the print job's kind: "reconcile_2026-11-25T09-00-00"


def visits_in(appointments: Iterable[Appointment], start: datetime, end: datetime) -> list[Appointment]:
    """Timed visits that overlap [start, end], edges included (one ending at `start` or beginning at `end`
    counts), in the order they happened."""
    chosen = (a for a in appointments if not a.all_day and a.end >= start and a.start <= end)
    # by the instant: two times in one zone compare by wall clock, which is wrong across a DST change
    return sorted(chosen, key=lambda a: (a.start.astimezone(UTC), a.provider))


def catchup_document(downtime: Downtime, cache: ScheduleCache | None, *, practice: str, zone: tzinfo,
                     now: datetime, paper: str = "letter") -> bytes:
    """The sheet's PDF bytes for a downtime that has ended (reportlab is loaded only now)."""
    from print_service.reports.catchup_sheet import CatchUpSheet, SheetRow, render_catchup_sheet, row_time

    end = downtime.end or now
    rows: tuple[SheetRow, ...] = ()
    as_of: datetime | None = None
    note = ""
    try:
        cached = cache.load() if cache is not None and cache.settings.source else None
    except ScheduleError:
        cached, note = None, "the schedule copy could not be opened: write the visits in"
    if cached is not None:
        as_of = cached.fetched_at
        rows = tuple(SheetRow(row_time(a.start, zone), a.patient or a.title, a.provider, a.type)
                     for a in visits_in(cached.appointments, downtime.start, end))
        if cached.format == "pdf":
            note = "the schedule copy is a PDF snapshot: write the visits in"
    level = downtime.level_words or "not in the downtime log (times given by hand)"
    return render_catchup_sheet(CatchUpSheet(practice=practice, start=downtime.start, end=end, level=level,
                                             zone=zone, rows=rows, printed_at=now, schedule_as_of=as_of, note=note,
                                             paper=paper))

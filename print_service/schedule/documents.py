"""The printable document for one day, from the cache: the rendered table, or the PDF snapshot as it is.

The renderer (reportlab) is imported when a day is drawn: the watch daemon holds this module for the
button, and must not carry reportlab until someone prints.
"""

from datetime import date, datetime

from print_service.errors import ScheduleError
from print_service.schedule.cache import ScheduleCache
from print_service.schedule.model import appointments_on

__all__ = ["day_document"]


def day_document(cache: ScheduleCache, day: date, now: datetime, *, paper: str = "letter") -> bytes:
    """PDF bytes for `day` (in memory only); ScheduleError when there is no cached schedule."""
    cached = cache.load()
    if cached is None:
        raise ScheduleError("no schedule in the cache yet (run `downtime-kiosk schedule fetch`)")
    if cached.format == "pdf" and cached.pdf is not None:
        return cached.pdf
    from reportlab.platypus.doctemplate import LayoutError

    from print_service.schedule.render import DayPrintout, render_day

    settings = cache.settings
    info = DayPrintout(day=day, zone=settings.timezone, fetched_at=cached.fetched_at, printed_at=now,
                       stale=cached.is_stale(now, settings.refresh_minutes), source=cached.source, paper=paper)
    try:
        return render_day(appointments_on(cached.appointments, day, settings.timezone), info)
    except LayoutError:  # its message quotes the cell that did not fit: never passed on (PHI)
        raise ScheduleError(f"the schedule for {day.isoformat()} cannot be drawn: an entry does not fit on a page",
                            user_message="The schedule cannot be printed — call IT") from None

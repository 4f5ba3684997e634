"""Whether the catch-up alert stands (pure): the latest downtime that has ended, lasted at least
`min_minutes`, and whose sheet was neither printed nor dismissed."""

from collections.abc import Mapping, Sequence
from datetime import timedelta, tzinfo

from kiosk.reconcile.book import ReconcileRecord
from kiosk.reconcile.downtimes import Downtime, span_words

__all__ = ["ALERT_KIND", "alert_message", "pending_downtime"]

ALERT_KIND = "reconcile"


def pending_downtime(downtimes: Sequence[Downtime], records: Mapping[str, ReconcileRecord],
                     min_minutes: int) -> Downtime | None:
    """The downtime whose sheet is owed, if any (`downtimes` most recent first)."""
    for downtime in downtimes:
        if downtime.end is None:
            return None  # ICANotes is not back yet
        if downtime.end - downtime.start >= timedelta(minutes=min_minutes):
            record = records.get(downtime.key)
            return None if record is not None and record.settled else downtime
    return None


def alert_message(downtime: Downtime, zone: tzinfo) -> str:
    """"ICANotes is back — print the catch-up sheet for the downtime 09:12–11:47"."""
    return f"ICANotes is back — print the catch-up sheet for the downtime {span_words(downtime, zone)}"

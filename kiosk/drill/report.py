"""The drill record of one drill as PDF bytes (no PHI), for the practice's HIPAA file."""

from datetime import datetime, tzinfo

from kiosk.drill.model import Drill
from print_service.reports.drill_record import DrillPrint, DrillRecordPage, render_drill_record

__all__ = ["REPORT_KIND", "drill_report"]

REPORT_KIND = "drill-record"  # the print job's kind: "drill-record_2026-12-01T10-45-00"


def drill_report(drill: Drill, *, practice: str, zone: tzinfo, now: datetime, paper: str = "letter") -> bytes:
    """One page: dates, level, how it ended, the prints and the first one's delay, the checklist, blank lines."""
    return render_drill_record(DrillRecordPage(
        practice=practice, level=drill.level, started_at=drill.started_at, planned_until=drill.until,
        ended_at=drill.ended_at, ended_how=drill.ended_how or "still running", zone=zone, printed_at=now,
        prints=tuple(DrillPrint(p.what, p.at) for p in drill.prints), checklist=drill.checklist, paper=paper))

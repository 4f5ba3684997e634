"""The catch-up sheet: after a downtime, one row per scheduled visit inside it, with the boxes to tick
as each one is brought into ICANotes (note, medication changes, DrFirst, paper filed or shredded).

It holds patient names (PHI): the bytes are made in memory and go to the printer only.
"""

import io
from dataclasses import dataclass
from datetime import datetime, tzinfo
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from print_service.forms.render.text import shorten
from print_service.reports.common import PAGE_SIZES, Furniture, clock_words, duration_words, fonts, moment_words, styles
from print_service.schedule.render import PHI_FOOTER

__all__ = ["CHECKS", "TITLE", "CatchUpSheet", "SheetRow", "render_catchup_sheet", "row_time"]

TITLE = "Catch-up sheet: visits during the ICANotes downtime"
CHECKS = ("Note entered in ICANotes", "Medication changes entered", "DrFirst changes reconciled",
          "Paper filed or shredded")
BOX = "\u2610"
BLANK_ROWS = 4
_FIELD_CHARS = 80  # a calendar field is cut to a few lines of its cell, never stops the sheet


@dataclass(frozen=True, slots=True)
class SheetRow:
    """One visit: its time (in the practice's zone), patient, provider and visit type."""

    time: str
    patient: str
    provider: str
    visit_type: str

    def __repr__(self) -> str:  # keep names out of logs and tracebacks
        return f"SheetRow({self.time!r}, <PHI hidden>)"


@dataclass(frozen=True, slots=True)
class CatchUpSheet:
    """Everything on the sheet: the downtime window, its level, the visits, and when the data is from."""

    practice: str
    start: datetime
    end: datetime
    level: str
    zone: tzinfo
    rows: tuple[SheetRow, ...]
    printed_at: datetime
    schedule_as_of: datetime | None = None
    note: str = ""
    paper: str = "letter"

    def __repr__(self) -> str:
        return f"CatchUpSheet({self.start.isoformat()}..{self.end.isoformat()}, {len(self.rows)} rows)"


def render_catchup_sheet(sheet: CatchUpSheet) -> bytes:
    """The sheet as PDF bytes (landscape; the table continues on further pages with its header)."""
    font, bold = fonts()
    style = styles(font, bold)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=landscape(PAGE_SIZES.get(sheet.paper, PAGE_SIZES["letter"])),
                            topMargin=24 * mm, bottomMargin=16 * mm, leftMargin=12 * mm, rightMargin=12 * mm,
                            title=TITLE, author="Downtime Kiosk", subject="catch-up sheet")
    story: list[object] = [
        Paragraph(escape(_window_words(sheet)), style["body"]),
        Paragraph(escape(_source_words(sheet)), style["cell"]),
        Spacer(1, 3 * mm),
        _table(sheet, style, doc.width),
        Spacer(1, 5 * mm),
        Paragraph("Blank rows: visits that were not on the schedule (walk-ins, phone calls, crisis visits). "
                  "Late entries in ICANotes: use today's date and time and reference the date of service. "
                  "Shred kiosk printouts once every row is ticked.", style["cell"]),
        Spacer(1, 7 * mm),
        Paragraph("Catch-up completed by (initials) ____________   Date ____________   "
                  "Reviewed by ______________________", style["body"]),
    ]
    page = Furniture(TITLE, sheet.practice, PHI_FOOTER, font, bold)
    doc.build(story, onFirstPage=page, onLaterPages=page)
    return buffer.getvalue()


def _window_words(sheet: CatchUpSheet) -> str:
    length = duration_words(sheet.end - sheet.start)
    return (f"Downtime from {moment_words(sheet.start, sheet.zone)} to {moment_words(sheet.end, sheet.zone)} "
            f"({length}) \u00b7 level: {sheet.level}")


def _source_words(sheet: CatchUpSheet) -> str:
    visits = f"{len(sheet.rows)} scheduled visit{'s' if len(sheet.rows) != 1 else ''} in this window"
    as_of = f"; schedule copy as of {moment_words(sheet.schedule_as_of, sheet.zone)}" if sheet.schedule_as_of else \
        "; no schedule copy on this kiosk: write the visits in"
    note = f" ({sheet.note})" if sheet.note else ""
    return f"{visits}{as_of}; printed {moment_words(sheet.printed_at, sheet.zone)}{note}"


def _table(sheet: CatchUpSheet, style: dict[str, ParagraphStyle], width: float) -> Table:
    cell, head = style["cell"], style["head"]
    header = [Paragraph(text, head) for text in ("Time", "Patient", "Provider", "Visit type", *CHECKS, "Initials")]
    data: list[list[object]] = [header]
    for row in sheet.rows:
        data.append([row.time, Paragraph(escape(shorten(row.patient, _FIELD_CHARS)), cell),
                     Paragraph(escape(shorten(row.provider, _FIELD_CHARS)), cell),
                     Paragraph(escape(shorten(row.visit_type, _FIELD_CHARS)), cell), *([BOX] * len(CHECKS)), ""])
    for _ in range(BLANK_ROWS):
        data.append(["", "", "", "", *([BOX] * len(CHECKS)), ""])
    weights = (1.15, 2.0, 1.5, 1.1, 0.95, 0.95, 0.95, 0.95, 0.8)
    total = sum(weights)
    table = Table(data, colWidths=[width * w / total for w in weights], repeatRows=1,
                  rowHeights=[None] + [9 * mm] * (len(data) - 1))
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 1), (-1, -1), cell.fontName),
        ("FONTSIZE", (0, 1), (-1, -1), 10),
        ("FONTSIZE", (4, 1), (7, -1), 15),
        ("ALIGN", (4, 1), (7, -1), "CENTER"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e0e0e0")),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#777777")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, len(sheet.rows) + 1), (3, -1), colors.HexColor("#f4f4f4")),
    ]))
    return table


def row_time(start: datetime, zone: tzinfo) -> str:
    """The time cell: "9:00 AM EDT" in the practice's zone."""
    return clock_words(start, zone)

"""One day's schedule as a PDF, in memory: a table per provider, for the front desk on paper.

The page header carries the date, "data as of <fetched_at>" and "printed <now>"; a large
STALE banner says when the data is older than two refreshes; every footer says "Contains
PHI — keep secure, shred after use". The bytes are never written to disk here.
"""

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from itertools import groupby
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from print_service.forms.render.text import shorten
from print_service.schedule.model import Appointment

__all__ = ["PHI_FOOTER", "DayPrintout", "render_day"]

PHI_FOOTER = "Contains PHI \u2014 keep secure, shred after use"
_FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"),)
_PAGE_SIZES = {"letter": letter, "a4": A4}
_PATIENT_CHARS = 120  # about three lines of the patient column
_FIELD_CHARS = 80


@dataclass(frozen=True, slots=True)
class DayPrintout:
    """What goes on one day's printout besides the appointments."""

    day: date
    zone: tzinfo
    fetched_at: datetime | None
    printed_at: datetime
    stale: bool
    source: str = ""
    paper: str = "letter"


def _fonts() -> tuple[str, str]:
    regular, bold = (d / "DejaVuSans.ttf" for d in _FONT_DIRS), (d / "DejaVuSans-Bold.ttf" for d in _FONT_DIRS)
    found = [(r, b) for r, b in zip(regular, bold, strict=True) if r.exists() and b.exists()]
    if not found:
        return "Helvetica", "Helvetica-Bold"
    if "DKSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DKSans", str(found[0][0])))
        pdfmetrics.registerFont(TTFont("DKSans-Bold", str(found[0][1])))
        registerFontFamily("DKSans", normal="DKSans", bold="DKSans-Bold", italic="DKSans", boldItalic="DKSans-Bold")
    return "DKSans", "DKSans-Bold"


def _clock(moment: datetime) -> str:
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d} {'AM' if moment.hour < 12 else 'PM'}"


def _stamp(moment: datetime | None, zone: tzinfo) -> str:
    if moment is None:
        return "never"
    local = moment.astimezone(zone)
    return f"{local:%a %b} {local.day}, {_clock(local)}"


def _long_date(day: date) -> str:
    return f"{day:%A, %B} {day.day}, {day.year}"


def _time_cell(appointment: Appointment, zone: tzinfo) -> str:
    if appointment.all_day:
        return "All day"
    start, end = appointment.start.astimezone(zone), appointment.end.astimezone(zone)
    return _clock(start) if end <= start else f"{_clock(start)}\u2013{_clock(end)}"


class _Page:
    """Draws the header (date, freshness, STALE) and the PHI footer on every page."""

    def __init__(self, info: DayPrintout, font: str, bold: str) -> None:
        self.info, self.font, self.bold = info, font, bold

    def __call__(self, canvas: Canvas, doc: SimpleDocTemplate) -> None:
        width, height = doc.pagesize
        info = self.info
        canvas.saveState()
        canvas.setFont(self.bold, 16)
        canvas.drawString(doc.leftMargin, height - 15 * mm, f"Schedule for {_long_date(info.day)}")
        canvas.setFont(self.font, 9)
        canvas.drawRightString(width - doc.rightMargin, height - 12 * mm,
                               f"data as of {_stamp(info.fetched_at, info.zone)}")
        canvas.drawRightString(width - doc.rightMargin, height - 16.5 * mm,
                               f"printed {_stamp(info.printed_at, info.zone)}")
        if info.stale:
            self._stale_banner(canvas, doc, width, height)
        canvas.setFont(self.bold, 10)
        canvas.drawString(doc.leftMargin, 10 * mm, PHI_FOOTER)
        canvas.setFont(self.font, 9)
        canvas.drawRightString(width - doc.rightMargin, 10 * mm, f"page {doc.page}")
        canvas.restoreState()

    def _stale_banner(self, canvas: Canvas, doc: SimpleDocTemplate, width: float, height: float) -> None:
        top = height - 21 * mm
        canvas.saveState()
        canvas.setFillColor(colors.HexColor("#b00020"))
        canvas.rect(doc.leftMargin, top - 16 * mm, width - doc.leftMargin - doc.rightMargin, 16 * mm, stroke=0,
                    fill=1)
        canvas.setFillColor(colors.white)
        canvas.setFont(self.bold, 26)
        canvas.drawCentredString(width / 2, top - 10 * mm, "STALE")
        canvas.setFont(self.font, 9)
        canvas.drawCentredString(width / 2, top - 14.5 * mm,
                                 "This copy may be out of date: check changes with the provider before relying on it")
        canvas.restoreState()


def _styles(font: str, bold: str) -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]:
    cell = ParagraphStyle("cell", fontName=font, fontSize=10, leading=12)
    heading = ParagraphStyle("provider", fontName=bold, fontSize=13, leading=16, spaceBefore=4, spaceAfter=3)
    note = ParagraphStyle("note", fontName=font, fontSize=11, leading=14)
    return cell, heading, note


def _cell(text: str, limit: int, style: ParagraphStyle) -> Paragraph:
    """A table cell from an outside field, cut to a few lines so no row can outgrow the page."""
    return Paragraph(escape(shorten(text, limit)), style)


def _table(rows: Sequence[Appointment], zone: tzinfo, cell: ParagraphStyle, bold: str, width: float) -> Table:
    data: list[list[object]] = [["Time", "Patient", "Type", "Location"]]
    for appointment in rows:
        patient = appointment.patient or appointment.title
        data.append([_time_cell(appointment, zone), _cell(patient, _PATIENT_CHARS, cell),
                     _cell(appointment.type, _FIELD_CHARS, cell), _cell(appointment.location, _FIELD_CHARS, cell)])
    table = Table(data, colWidths=[width * 0.22, width * 0.38, width * 0.2, width * 0.2], repeatRows=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, 0), bold),
        ("FONTNAME", (0, 1), (0, -1), cell.fontName),
        ("FONTSIZE", (0, 0), (-1, -1), 10),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e0e0e0")),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f5f5f5")]),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table


def render_day(appointments: Sequence[Appointment], info: DayPrintout) -> bytes:
    """The day's printout as PDF bytes: all-day entries first, then one table per provider."""
    font, bold = _fonts()
    cell, heading, note = _styles(font, bold)
    buffer = io.BytesIO()
    top = (40 if info.stale else 24) * mm
    doc = SimpleDocTemplate(buffer, pagesize=_PAGE_SIZES.get(info.paper, letter), topMargin=top,
                            bottomMargin=18 * mm, leftMargin=15 * mm, rightMargin=15 * mm,
                            title=f"Schedule {info.day.isoformat()}", author="Downtime Kiosk")
    story: list[object] = []
    all_day = [a for a in appointments if a.all_day]
    timed = sorted((a for a in appointments if not a.all_day), key=lambda a: (a.provider.lower(), a.start))
    for entry in all_day:
        text = " \u2014 ".join(shorten(p, _FIELD_CHARS) for p in (entry.title, entry.provider) if p)
        story.append(Paragraph(f"<b>All day:</b> {escape(text)}", note))
    if all_day:
        story.append(Spacer(1, 4 * mm))
    if not timed:
        story.append(Paragraph("No appointments on this day.", note))
    for _provider, group in groupby(timed, key=lambda a: a.provider.lower()):
        rows = list(group)
        name = shorten(rows[0].provider, _FIELD_CHARS) or "No provider given"
        story.append(KeepTogether([Paragraph(escape(f"{name} ({len(rows)})"), heading),
                                   _table(rows, info.zone, cell, bold, doc.width)]))
        story.append(Spacer(1, 5 * mm))
    page = _Page(info, font, bold)
    doc.build(story, onFirstPage=page, onLaterPages=page)
    return buffer.getvalue()

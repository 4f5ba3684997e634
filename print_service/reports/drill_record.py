"""The drill record: one page for the practice's HIPAA file (contingency-plan testing,
45 CFR 164.308(a)(7)(ii)(D)): when the drill ran, what level was practised, what was printed and
how soon, the checklist the screen showed, and blank lines for who took part and what to change.

No patient data: a drill prints only blank forms unless someone asks for the schedule.
"""

import io
from dataclasses import dataclass
from datetime import datetime, tzinfo
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from print_service.reports.common import PAGE_SIZES, Furniture, clock_words, duration_words, fonts, moment_words, styles

__all__ = ["FOOTER", "TITLE", "DrillPrint", "DrillRecordPage", "render_drill_record"]

TITLE = "Downtime drill record"
FOOTER = "Contingency-plan test record (HIPAA 45 CFR 164.308(a)(7)(ii)(D)) \u00b7 keep for 6 years"
MAX_PRINTS_LISTED = 6
MAX_CHECKLIST = 7


@dataclass(frozen=True, slots=True)
class DrillPrint:
    """One thing printed during the drill: what (a form id or "schedule") and when."""

    what: str
    at: datetime


@dataclass(frozen=True, slots=True)
class DrillRecordPage:
    """What the record says about one drill."""

    practice: str
    level: str
    started_at: datetime
    planned_until: datetime
    ended_at: datetime | None
    ended_how: str
    prints: tuple[DrillPrint, ...]
    checklist: tuple[str, ...]
    zone: tzinfo
    printed_at: datetime
    paper: str = "letter"


def render_drill_record(record: DrillRecordPage) -> bytes:
    """The record as one page of PDF bytes."""
    font, bold = fonts()
    style = styles(font, bold, size=9)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=PAGE_SIZES.get(record.paper, PAGE_SIZES["letter"]),
                            topMargin=24 * mm, bottomMargin=16 * mm, leftMargin=15 * mm, rightMargin=15 * mm,
                            title=TITLE, author="Downtime Kiosk", subject="drill record")
    story: list[object] = [_facts(record, style, doc.width), Spacer(1, 3 * mm),
                           Paragraph("What was printed", style["section"]), _prints(record, style, doc.width),
                           Paragraph("The checklist the screen showed", style["section"])]
    shown = record.checklist[:MAX_CHECKLIST]
    story += [Paragraph(f"{n}. {escape(step)}", style["cell"]) for n, step in enumerate(shown, 1)]
    if len(record.checklist) > len(shown):
        story.append(Paragraph(f"(+{len(record.checklist) - len(shown)} more steps)", style["cell"]))
    for title, lines in (("Participants (name, role)", 2), ("Findings: what went well, what did not", 3),
                         ("Plan revisions: what changes in the downtime plan, who, by when", 3)):
        story += [Paragraph(title, style["section"]), *(_ruled(doc.width) for _ in range(lines))]
    story += [Spacer(1, 5 * mm),
              Paragraph("Drill led by ______________________   Signature ______________________   "
                        "Date ____________", style["body"])]
    page = Furniture(TITLE, record.practice, FOOTER, font, bold)
    doc.build(story, onFirstPage=page, onLaterPages=page)
    return buffer.getvalue()


def _facts(record: DrillRecordPage, style: dict[str, ParagraphStyle], width: float) -> Table:
    zone = record.zone
    ended = moment_words(record.ended_at, zone) if record.ended_at else "still running when printed"
    length = duration_words(record.ended_at - record.started_at) if record.ended_at else ""
    first = min((p.at for p in record.prints), default=None)
    first_words = (f"{duration_words(first - record.started_at)} after the start ({clock_words(first, zone)})"
                   if first else "nothing was printed")
    rows = [("Date", f"{record.started_at.astimezone(zone):%A, %B} {record.started_at.astimezone(zone).day}, "
                     f"{record.started_at.astimezone(zone).year}"),
            ("Level practised", record.level),
            ("Started", moment_words(record.started_at, zone)),
            ("Planned to end", moment_words(record.planned_until, zone)),
            ("Ended", f"{ended}{f' ({length})' if length else ''}: {record.ended_how}"),
            ("First print", first_words)]
    table = Table([[label, Paragraph(escape(value), style["cell"])] for label, value in rows],
                  colWidths=[width * 0.25, width * 0.75])
    table.setStyle(_grid(style))
    return table


def _prints(record: DrillRecordPage, style: dict[str, ParagraphStyle], width: float) -> Table:
    shown = sorted(record.prints, key=lambda p: p.at)[:MAX_PRINTS_LISTED]
    rows: list[list[object]] = [["Time", "What"]]
    rows += [[clock_words(p.at, record.zone), p.what] for p in shown] or [["", "nothing was printed"]]
    if len(record.prints) > len(shown):
        rows.append(["", f"(+{len(record.prints) - len(shown)} more)"])
    table = Table(rows, colWidths=[width * 0.25, width * 0.75])
    table.setStyle(_grid(style, header=True))
    return table


def _grid(style: dict[str, ParagraphStyle], *, header: bool = False) -> TableStyle:
    cell = style["cell"]
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), cell.fontName),
        ("FONTSIZE", (0, 0), (-1, -1), 9.5),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#777777")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (0 if not header else -1, -1 if not header else 0), colors.HexColor("#e8e8e8")),
    ]
    return TableStyle(commands)


def _ruled(width: float) -> Table:
    line = Table([[""]], colWidths=[width], rowHeights=[7 * mm])
    line.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.6, colors.HexColor("#555555"))]))
    return line

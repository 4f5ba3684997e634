"""What both reports share: the fonts (DejaVu, so any name prints), page sizes, clock words, page furniture."""

from datetime import datetime, timedelta, tzinfo

from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate

from print_service.schedule.render import _fonts

__all__ = ["PAGE_SIZES", "Furniture", "clock_words", "duration_words", "fonts", "moment_words", "styles"]

PAGE_SIZES = {"letter": letter, "a4": A4}


def fonts() -> tuple[str, str]:
    """(regular, bold): DejaVu Sans when installed, else Helvetica."""
    return _fonts()


def styles(font: str, bold: str, size: float = 9.5) -> dict[str, ParagraphStyle]:
    """Cell, bold cell, heading and body text styles."""
    return {
        "cell": ParagraphStyle("cell", fontName=font, fontSize=size, leading=size + 2),
        "bold": ParagraphStyle("bold", fontName=bold, fontSize=size, leading=size + 2),
        "head": ParagraphStyle("head", fontName=bold, fontSize=8, leading=9.5),
        "section": ParagraphStyle("section", fontName=bold, fontSize=12, leading=15, spaceBefore=6, spaceAfter=3),
        "body": ParagraphStyle("body", fontName=font, fontSize=10.5, leading=13.5),
    }


def clock_words(moment: datetime, zone: tzinfo, *, with_zone: bool = True) -> str:
    """"9:05 AM EDT" in `zone` (the zone's abbreviation makes a daylight-saving change visible)."""
    local = moment.astimezone(zone)
    hour = local.hour % 12 or 12
    text = f"{hour}:{local.minute:02d} {'AM' if local.hour < 12 else 'PM'}"
    return f"{text} {local.tzname()}" if with_zone and local.tzname() else text


def moment_words(moment: datetime, zone: tzinfo) -> str:
    """"Sun Nov 1, 2026, 1:30 AM EST"."""
    local = moment.astimezone(zone)
    return f"{local:%a %b} {local.day}, {local.year}, {clock_words(local, zone)}"


def duration_words(length: timedelta) -> str:
    """"2 h 35 min", "40 min", "45 s"."""
    seconds = int(length.total_seconds())
    if seconds < 60:
        return f"{max(seconds, 0)} s"
    hours, minutes = divmod(seconds // 60, 60)
    return f"{hours} h {minutes} min" if hours else f"{minutes} min"


class Furniture:
    """Draws the title, a line of context and the footer (with page numbers) on every page."""

    def __init__(self, title: str, practice: str, footer: str, font: str, bold: str) -> None:
        self.title, self.practice, self.footer = title, practice, footer
        self.font, self.bold = font, bold

    def __call__(self, canvas: Canvas, doc: SimpleDocTemplate) -> None:
        width, height = doc.pagesize
        canvas.saveState()
        canvas.setFont(self.bold, 10.5)
        canvas.drawString(doc.leftMargin, height - 10 * mm, self.practice or "Practice: ______________________")
        canvas.setFont(self.bold, 16)
        canvas.drawString(doc.leftMargin, height - 17 * mm, self.title)
        canvas.setLineWidth(1.4)
        canvas.line(doc.leftMargin, height - 19.5 * mm, width - doc.rightMargin, height - 19.5 * mm)
        canvas.setFont(self.bold, 9)
        canvas.drawString(doc.leftMargin, 9 * mm, self.footer)
        canvas.setFont(self.font, 9)
        canvas.drawRightString(width - doc.rightMargin, 9 * mm, f"page {doc.page}")
        canvas.restoreState()

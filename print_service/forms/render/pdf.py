"""One form definition -> PDF bytes: page furniture (practice, title, banner, page x of y) plus the blocks."""

import io
from collections.abc import Mapping

from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.pdfgen.canvas import Canvas

from print_service.forms.model import FormDefinition
from print_service.forms.render.blocks import GAP, draw_block
from print_service.forms.render.pages import HEADER, MARGIN, Geometry, Page, paginate, sign_off_top
from print_service.forms.render.text import BOLD, REGULAR, fitting_size
from print_service.forms.settings import Paper

__all__ = ["BANNER_TEXT", "PAGE_SIZES", "count_pages", "render_pdf"]

PAGE_SIZES: dict[str, tuple[float, float]] = {"letter": LETTER, "a4": A4}
BANNER_TEXT = "DOWNTIME DOCUMENT \u2014 enter into ICANotes when service is restored"
_PAPER_FOOTER = "Downtime Kiosk \u00b7 write in black ink \u00b7 keep the original for scanning"
_CARD_FOOTER = "Downtime Kiosk \u00b7 keep this card next to the kiosk; reprint it after changing the settings"


def geometry_for(definition: FormDefinition, paper: Paper) -> Geometry:
    """Portrait pages, or landscape for the wide logs."""
    size = PAGE_SIZES[paper]
    width, height = landscape(size) if definition.landscape else size
    return Geometry(width, height)


def count_pages(definition: FormDefinition, paper: Paper) -> int:
    """How many pages the form takes, without drawing it."""
    return len(paginate(definition, geometry_for(definition, paper)))


def render_pdf(definition: FormDefinition, paper: Paper, values: Mapping[str, str] | None = None) -> bytes:
    """Draw the form; `values` (pre-fill, PHI) only ever live in the returned bytes."""
    geometry = geometry_for(definition, paper)
    pages = paginate(definition, geometry)
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(geometry.width, geometry.height), invariant=1, pageCompression=1)
    canvas.setTitle(definition.title)
    canvas.setSubject(f"Downtime form {definition.id}")
    canvas.setAuthor(definition.practice_name or "Downtime Kiosk")
    canvas.setCreator("Downtime Kiosk")
    for number, page in enumerate(pages, start=1):
        _furniture(canvas, definition, geometry, number=number, total=len(pages), values=values or {})
        _blocks(canvas, page, geometry, values or {})
        if number == len(pages):
            _sign_off(canvas, definition, geometry, values or {})
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def _furniture(canvas: Canvas, definition: FormDefinition, geometry: Geometry, *, number: int, total: int,
               values: Mapping[str, str]) -> None:
    left, right = MARGIN, geometry.width - MARGIN
    top = geometry.height - MARGIN + 6
    canvas.setFillGray(0)
    practice = definition.practice_name or "Practice: ______________________________"
    canvas.setFont(BOLD, fitting_size(practice, geometry.content_width - 80, 10.5, bold=True))
    canvas.drawString(left, top - 10, practice)
    canvas.setFont(BOLD, 9)
    canvas.drawRightString(right, top - 10, f"Page {number} of {total}")
    canvas.setFont(BOLD, 16)
    canvas.drawString(left, top - 31, definition.title)
    canvas.setFont(REGULAR, 7)
    canvas.drawRightString(right, top - 31, f"form {definition.id} \u00b7 version {definition.version}")
    canvas.setLineWidth(1.6)
    canvas.line(left, top - 37, right, top - 37)
    y = top - HEADER
    if definition.kind in ("note", "log"):
        canvas.setLineWidth(1.4)
        canvas.rect(left, y - 18, right - left, 18, stroke=1, fill=0)
        canvas.setFont(BOLD, 10)
        canvas.drawCentredString((left + right) / 2, y - 12.5, BANNER_TEXT)
        y -= 23
    for block in definition.every_page:
        y -= draw_block(canvas, left, y, geometry.content_width, block, values=values) + GAP
    canvas.setFont(REGULAR, 7)
    canvas.setLineWidth(0.5)
    canvas.line(left, 26, right, 26)
    footer = _CARD_FOOTER if definition.kind == "card" else _PAPER_FOOTER
    canvas.drawString(left, 17, f"{definition.title} \u00b7 {footer}")
    canvas.drawRightString(right, 17, f"Page {number} of {total}")


def _blocks(canvas: Canvas, page: Page, geometry: Geometry, values: Mapping[str, str]) -> None:
    for placed in page.placed:
        extra = {} if placed.rows is None else {"rows": placed.rows}
        draw_block(canvas, MARGIN, placed.top, geometry.content_width, placed.block, values=values, **extra)


def _sign_off(canvas: Canvas, definition: FormDefinition, geometry: Geometry, values: Mapping[str, str]) -> None:
    top = sign_off_top(definition, geometry)
    for block in definition.sign_off:
        top -= draw_block(canvas, MARGIN, top, geometry.content_width, block, values=values) + GAP

"""Pagination: which block goes on which page, decided before anything is drawn so every page
can say "Page x of y" and the sign-off can sit at the foot of the last page."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from print_service.forms.blocks import Block, PageBreak, Section, Table
from print_service.forms.model import FormDefinition
from print_service.forms.render.blocks import GAP, draw_block, table_header_height, table_row_height

__all__ = ["MARGIN", "Geometry", "Page", "Placed", "paginate", "sign_off_top"]

MARGIN = 36.0
HEADER = 44.0
BANNER = 23.0
FOOTER = 34.0  # from the paper's bottom edge to the lowest block
MIN_FILL_ROWS = 3
KEEP_WITH_SECTION = 2  # a heading never ends a page, nor sits above a single stray row


@dataclass(frozen=True, slots=True)
class Geometry:
    """The page size and where blocks may go on it."""

    width: float
    height: float

    @property
    def content_width(self) -> float:
        """Width between the side margins."""
        return self.width - 2 * MARGIN

    def body_top(self, definition: FormDefinition) -> float:
        """Where the first block of a page starts, below header, banner and repeated identifiers."""
        top = self.height - MARGIN + 6 - HEADER
        if definition.kind in ("note", "log"):
            top -= BANNER
        for block in definition.every_page:
            top -= draw_block(None, MARGIN, top, self.content_width, block, values={}) + GAP
        return top


@dataclass(frozen=True, slots=True)
class Placed:
    """A block at its place on a page; `rows` is set for a table that fills the page."""

    block: Block
    top: float
    rows: int | None = None


@dataclass
class Page:
    """The blocks of one page, in drawing order."""

    placed: list[Placed] = field(default_factory=list)


def paginate(definition: FormDefinition, geometry: Geometry,
             values: Mapping[str, str] | None = None) -> list[Page]:
    """Flow the blocks onto pages; headings stay with what follows; the sign-off ends the last page."""
    width, bottom = geometry.content_width, FOOTER
    pages = [Page()]
    y = geometry.body_top(definition)

    def new_page() -> float:
        pages.append(Page())
        return geometry.body_top(definition)

    blocks = definition.blocks
    for index, block in enumerate(blocks):
        if isinstance(block, PageBreak):
            y = new_page()
            continue
        if isinstance(block, Table) and block.rows == 0:
            y, rows = _fill_rows(block, y, bottom, width, new_page)
            pages[-1].placed.append(Placed(block, y, rows))
            y -= table_header_height(block, width) + rows * table_row_height(block, width) + GAP
            continue
        height = draw_block(None, MARGIN, y, width, block, values=values or {})
        need = height
        if isinstance(block, Section):
            need += sum(GAP + draw_block(None, MARGIN, y, width, following, values={})
                        for following in blocks[index + 1:index + 1 + KEEP_WITH_SECTION])
        if y - need < bottom and pages[-1].placed:
            y = new_page()
        pages[-1].placed.append(Placed(block, y))
        y -= height + GAP
    sign_off = sum(draw_block(None, MARGIN, 0, width, b, values={}) + GAP for b in definition.sign_off)
    if definition.sign_off and y - sign_off < bottom:
        new_page()
    return pages


def sign_off_top(definition: FormDefinition, geometry: Geometry) -> float:
    """The sign-off sits on the bottom margin of the last page."""
    width = geometry.content_width
    height = sum(draw_block(None, MARGIN, 0, width, b, values={}) + GAP for b in definition.sign_off)
    return FOOTER + height


def _fill_rows(block: Table, y: float, bottom: float, width: float,
               new_page: Callable[[], float]) -> tuple[float, int]:
    head, row = table_header_height(block, width), table_row_height(block, width)
    rows = int((y - bottom - head) // row)
    if rows < MIN_FILL_ROWS:
        y = new_page()
        rows = int((y - bottom - head) // row)
    return y, rows


"""Drawing one block at a time. Each function measures when `canvas` is None and draws otherwise,
so pagination and drawing can never disagree about a block's height.

Coordinates: `x` is the left edge, `top` the y of the block's top edge (reportlab's y grows upward).
"""

from collections.abc import Callable, Mapping
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from print_service.forms.blocks import (
    Block,
    Checklist,
    Choices,
    Fields,
    Guide,
    PageBreak,
    Paragraph,
    Questions,
    Section,
    Table,
    WriteIn,
)
from print_service.forms.render.text import BOLD, BOX, REGULAR, clip_to_width, fitting_size, text_width, wrap

__all__ = ["GAP", "draw_block", "table_header_height", "table_row_height", "tick_box"]

GAP = 4.0  # space after every block
LABEL = 7.0  # size of the small labels inside boxes and table headers
BODY = 8.5
CHOICE_LINE = BODY + 3.5
WRITE_LINE = 18.0
Values = Mapping[str, str]


def tick_box(canvas: Canvas, x: float, baseline: float, size: float = BOX) -> None:
    """An empty square sitting on the text baseline."""
    canvas.setLineWidth(0.7)
    canvas.rect(x, baseline - 1, size, size, stroke=1, fill=0)


def _section(c: Canvas | None, x: float, top: float, width: float, b: Section, *, values: Values) -> float:
    height = 19.0
    if c is not None:
        c.setFont(BOLD, 9.5)
        c.drawString(x, top - 14, b.title.upper())
        if b.note:
            c.setFont(REGULAR, LABEL)
            c.drawString(x + text_width(b.title.upper(), 9.5, bold=True) + 8, top - 14, b.note)
        c.setLineWidth(1.1)
        c.line(x, top - 17, x + width, top - 17)
    return height


def _fields(c: Canvas | None, x: float, top: float, width: float, b: Fields, *, values: Values) -> float:
    if c is not None:
        total = sum(f.weight for f in b.fields)
        left = x
        c.setLineWidth(0.6)
        for item in b.fields:
            w = width * item.weight / total
            c.rect(left, top - b.height, w, b.height, stroke=1, fill=0)
            c.setFont(REGULAR, LABEL)
            c.drawString(left + 3, top - 8.5, item.label)
            if item.key and values.get(item.key):
                size = fitting_size(values[item.key], w - 10, 10.5)
                c.setFont(REGULAR, size)
                c.drawString(left + 5, top - b.height + 5, clip_to_width(values[item.key], w - 10, size))
            left += w
    return b.height


def _flow_choices(c: Canvas | None, x: float, y: float, right: float, options: tuple[str, ...], *,
                  size: float) -> tuple[int, float]:
    """Lay tick boxes + words from x to right, wrapping back to x; returns (lines used, x after last)."""
    cursor, lines = x, 1
    for option in options:
        need = size + 2.5 + text_width(option, size) + (6 if size < BODY else 9)
        if cursor > x and cursor + need > right:
            cursor, lines = x, lines + 1
        if c is not None:
            line_y = y - (lines - 1) * (size + 3.5)
            tick_box(c, cursor, line_y, size=size - 0.5)
            c.setFont(REGULAR, size)
            c.drawString(cursor + size + 2.5, line_y, option)
        cursor += need
    return lines, cursor


def _choices(c: Canvas | None, x: float, top: float, width: float, b: Choices, *, values: Values) -> float:
    label_w = max(92.0, text_width(b.label, BODY, bold=True) + 8) if b.label else 0.0
    baseline = top - 10
    if c is not None and b.label:
        c.setFont(BOLD, BODY)
        c.drawString(x, baseline, b.label)
    lines, after = _flow_choices(c, x + label_w, baseline, x + width, b.options, size=BODY)
    if b.other:
        need = text_width(b.other, BODY) + 90
        if after + need > x + width:
            lines, after = lines + 1, x + label_w
        if c is not None:
            y = baseline - (lines - 1) * CHOICE_LINE
            c.setFont(REGULAR, BODY)
            c.drawString(after, y, b.other)
            c.setLineWidth(0.5)
            c.line(after + text_width(b.other, BODY) + 3, y - 2, x + width, y - 2)
    return lines * CHOICE_LINE + 1


def _write_in(c: Canvas | None, x: float, top: float, width: float, b: WriteIn, *, values: Values) -> float:
    height = 11 + b.lines * WRITE_LINE
    if c is not None:
        c.setFont(BOLD, BODY)
        c.drawString(x, top - 9, b.label)
        c.setLineWidth(0.45)
        for i in range(b.lines):
            y = top - 11 - (i + 1) * WRITE_LINE
            c.line(x, y, x + width, y)
    return height


def _questions(c: Canvas | None, x: float, top: float, width: float, b: Questions, *, values: Values) -> float:
    answers_w = 44.0 * len(b.answers)
    text_w = width - answers_w - 18
    y = top
    if b.intro:
        intro = wrap(b.intro, width, LABEL + 0.5)
        if c is not None:
            c.setFont("Helvetica-Oblique", LABEL + 0.5)
            for i, line in enumerate(intro):
                c.drawString(x, y - 8 - i * 9.5, line)
        y -= len(intro) * 9.5 + 2
    for number, item in enumerate(b.items, start=1):
        lines = wrap(item, text_w, BODY)
        row_h = max(14.0, len(lines) * 10.5 + 3.5)
        if c is not None:
            c.setFont(BOLD, BODY)
            c.drawString(x, y - 10, f"{number}.")
            c.setFont(REGULAR, BODY)
            for i, line in enumerate(lines):
                c.drawString(x + 14, y - 10 - i * 10.5, line)
            _flow_choices(c, x + width - answers_w + 6, y - 10, x + width, b.answers, size=BODY)
            c.setLineWidth(0.3)
            c.line(x, y - row_h, x + width, y - row_h)
        y -= row_h
    return top - y


def table_row_height(b: Table, width: float) -> float:
    """Row height: as asked, or taller when a column's tick boxes need more lines."""
    total = sum(col.weight for col in b.columns)
    lines = max((_flow_choices(None, 0, 0, width * col.weight / total - 4, col.choices, size=LABEL)[0]
                 for col in b.columns if col.choices), default=0)
    return max(b.row_height, 14 + (lines - 1) * (LABEL + 3.5)) if lines else b.row_height


def table_header_height(b: Table, width: float) -> float:
    """Height of the column labels row (labels wrap within their column)."""
    total = sum(col.weight for col in b.columns)
    most = max(len(wrap(col.label, width * col.weight / total - 5, LABEL, bold=True)) for col in b.columns)
    return most * 8.5 + 6


def _table(c: Canvas | None, x: float, top: float, width: float, b: Table, *, values: Values,
           rows: int | None = None) -> float:
    count = b.rows if rows is None else rows
    head = table_header_height(b, width)
    row_h = table_row_height(b, width)
    height = head + count * row_h
    if c is None:
        return height
    total = sum(col.weight for col in b.columns)
    c.setLineWidth(0.6)
    c.rect(x, top - height, width, height, stroke=1, fill=0)
    left = x
    for col in b.columns:
        w = width * col.weight / total
        c.setFont(BOLD, LABEL)
        for i, line in enumerate(wrap(col.label, w - 5, LABEL, bold=True)):
            c.drawString(left + 2.5, top - 8.5 - i * 8.5, line)
        if col.choices:
            for r in range(count):
                _flow_choices(c, left + 3, top - head - r * row_h - 9, left + w - 1, col.choices, size=LABEL)
        left += w
        if left < x + width - 1:
            c.line(left, top, left, top - height)
    c.setLineWidth(1.0)
    c.line(x, top - head, x + width, top - head)
    c.setLineWidth(0.5)
    for r in range(1, count):
        y = top - head - r * row_h
        c.line(x, y, x + width, y)
    return height


def _checklist(c: Canvas | None, x: float, top: float, width: float, b: Checklist, *, values: Values) -> float:
    col_w = width / b.columns
    per_col = -(-len(b.items) // b.columns)
    tallest = 0.0
    for col in range(b.columns):
        y = top
        for item in b.items[col * per_col:(col + 1) * per_col]:
            lines = wrap(item, col_w - BOX - 10, BODY)
            if c is not None:
                tick_box(c, x + col * col_w, y - 10)
                c.setFont(REGULAR, BODY)
                for i, line in enumerate(lines):
                    c.drawString(x + col * col_w + BOX + 5, y - 10 - i * 10.5, line)
            y -= len(lines) * 10.5 + 6
        tallest = max(tallest, top - y)
    return tallest


def _paragraph(c: Canvas | None, x: float, top: float, width: float, b: Paragraph, *, values: Values) -> float:
    leading = b.size * 1.25
    lines = wrap(b.text, width, b.size, bold=b.bold)
    if c is not None:
        c.setFont(BOLD if b.bold else REGULAR, b.size)
        for i, line in enumerate(lines):
            c.drawString(x, top - b.size - i * leading, line)
    return len(lines) * leading + 1


def _guide(c: Canvas | None, x: float, top: float, width: float, b: Guide, *, values: Values) -> float:
    y = top
    text_w = width - b.label_width - 6
    leading = b.size * 1.24
    if c is not None:
        c.setLineWidth(0.4)
        c.line(x, top, x + width, top)
    for label, text in b.rows:
        label_lines = wrap(label, b.label_width - 6, b.size + 0.5, bold=True)
        lines = wrap(text, text_w, b.size)
        row_h = max(len(lines), len(label_lines)) * leading + 7
        if c is not None:
            c.setFont(BOLD, b.size + 0.5)
            for i, line in enumerate(label_lines):
                c.drawString(x + 3, y - b.size - 3 - i * leading, line)
            c.setFont(REGULAR, b.size)
            for i, line in enumerate(lines):
                c.drawString(x + b.label_width, y - b.size - 3 - i * leading, line)
            c.line(x, y - row_h, x + width, y - row_h)
        y -= row_h
    return top - y


_DRAW: dict[type, Callable[..., float]] = {
    Section: _section,
    Fields: _fields,
    Choices: _choices,
    WriteIn: _write_in,
    Questions: _questions,
    Table: _table,
    Checklist: _checklist,
    Paragraph: _paragraph,
    Guide: _guide,
}


def draw_block(canvas: Canvas | None, x: float, top: float, width: float, block: Block, *,
               values: Values, **extra: Any) -> float:
    """Draw (or, with canvas None, measure) `block`; returns its height without the gap after it."""
    if isinstance(block, PageBreak):
        return 0.0
    return _DRAW[type(block)](canvas, x, top, width, block, values=values, **extra)

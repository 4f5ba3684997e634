"""Fonts, sizes and line wrapping shared by everything the renderer draws."""

from reportlab.pdfbase.pdfmetrics import stringWidth

__all__ = ["BOLD", "BOX", "REGULAR", "text_width", "wrap"]

REGULAR = "Helvetica"
BOLD = "Helvetica-Bold"
BOX = 8.0  # side of a tick box, in points


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Width of `text` in points."""
    return float(stringWidth(text, BOLD if bold else REGULAR, size))


def wrap(text: str, width: float, size: float, *, bold: bool = False) -> list[str]:
    """Greedy word wrap into lines no wider than `width` (a single long word gets a line of its own)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split():
            candidate = f"{current} {word}" if current else word
            if current and text_width(candidate, size, bold=bold) > width:
                lines.append(current)
                current = word
            else:
                current = candidate
        lines.append(current)
    return lines

"""Fonts, sizes and line wrapping shared by everything the renderer draws."""

from reportlab.pdfbase.pdfmetrics import stringWidth

__all__ = ["BOLD", "BOX", "ELLIPSIS", "REGULAR", "clip_to_width", "fitting_size", "shorten", "text_width", "wrap"]

REGULAR = "Helvetica"
BOLD = "Helvetica-Bold"
BOX = 8.0  # side of a tick box, in points


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Width of `text` in points."""
    return float(stringWidth(text, BOLD if bold else REGULAR, size))


ELLIPSIS = "\u2026"


def shorten(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, ending in an ellipsis when cut.

    Every field that comes from outside (a calendar's patient, provider, visit type) goes
    through this before it is laid out: a 6,000-character field must print as a cut line,
    never stop the schedule or the packet from printing.
    """
    text = " ".join(text.split()) if len(text) > limit else text
    return text if len(text) <= limit else text[: max(limit - 1, 0)].rstrip() + ELLIPSIS


def clip_to_width(text: str, width: float, size: float, *, bold: bool = False) -> str:
    """`text` cut (with an ellipsis) to fit `width` at `size` on one line."""
    if text_width(text, size, bold=bold) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        middle = (low + high + 1) // 2
        if text_width(text[:middle].rstrip() + ELLIPSIS, size, bold=bold) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ELLIPSIS


def fitting_size(text: str, width: float, size: float, *, bold: bool = False, smallest: float = 6.0) -> float:
    """The largest size up to `size` at which `text` fits in `width` (never below `smallest`)."""
    while size > smallest and text_width(text, size, bold=bold) > width:
        size -= 0.25
    return size


def wrap(text: str, width: float, size: float, *, bold: bool = False) -> list[str]:
    """Greedy word wrap into lines no wider than `width`; a word too long for a line (a URL) is cut."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in _split_long_words(paragraph.split(), width, size, bold=bold):
            candidate = f"{current} {word}" if current else word
            if current and text_width(candidate, size, bold=bold) > width:
                lines.append(current)
                current = word
            else:
                current = candidate
        lines.append(current)
    return lines


def _split_long_words(words: list[str], width: float, size: float, *, bold: bool) -> list[str]:
    pieces: list[str] = []
    for word in words:
        rest = word
        while text_width(rest, size, bold=bold) > width and len(rest) > 1:
            cut = len(rest) - 1
            while cut > 1 and text_width(rest[:cut], size, bold=bold) > width:
                cut -= 1
            pieces.append(rest[:cut])
            rest = rest[cut:]
        pieces.append(rest)
    return pieces

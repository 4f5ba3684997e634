"""Measuring wrapped text without drawing it, and choosing the checklist's arrangement from it.

The Status screen must show every checklist item without scrolling, on every screen size. The
arrangement (side column right or below, one or two checklist columns) and the type size are
chosen by laying the text out with Kivy's own text layout (no texture is made), largest size first.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from kivy.core.text import Label as CoreLabel

__all__ = ["Arrangement", "FitRequest", "choose_arrangement", "text_height"]

HEADING_SCALE = 0.85
SIDE_SCALE = 0.85
GAP = 0.3  # space between items, in font sizes
RIGHT_SHARE = 0.6  # the checklist's share of the width when the side column is on the right


def text_height(text: str, font_size: float, width: float, *, bold: bool = False) -> float:
    """The height of `text` wrapped to `width` at `font_size` (as a WrapLabel lays it out)."""
    if not text or width <= 1:
        return 0.0
    label = CoreLabel(text=text, font_size=font_size, bold=bold, text_size=(width, None))
    return float(label.render()[1])


@dataclass(frozen=True)
class Arrangement:
    """Where the side column goes, how many checklist columns, the sizes, and how the items split."""

    side: str
    columns: int
    font: float
    side_font: float
    split: int  # items[:split] in the first column
    checklist_height: float
    fits: bool
    side_fits: bool = True

    @property
    def gap(self) -> float:
        """Space between two items."""
        return round(self.font * GAP)


def _columns_height(heights: Sequence[float], columns: int, gap: float) -> tuple[float, int]:
    def column(part: Sequence[float]) -> float:
        return sum(part) + gap * max(0, len(part) - 1)

    if columns == 1 or len(heights) < 2:
        return column(heights), len(heights)
    best = min(range(1, len(heights)), key=lambda k: max(column(heights[:k]), column(heights[k:])))
    return max(column(heights[:best]), column(heights[best:])), best


@dataclass(frozen=True)
class FitRequest:
    """The words to place and the room for them: `font` is the preferred size, `font_min` the least."""

    heading: str
    items: Sequence[str]
    side_lines: Sequence[str]
    width: float
    height: float
    font: float
    font_min: float
    sides: Sequence[str] = ("below",)
    max_columns: int = 1
    column_gap: float = 0.0


def _checklist(want: FitRequest, font: float, width: float, columns: int) -> tuple[float, int]:
    col_width = (width - want.column_gap * (columns - 1)) / columns
    heights = [text_height(item, font, col_width) for item in want.items]
    body, split = _columns_height(heights, columns, round(font * GAP))
    head = text_height(want.heading, font * HEADING_SCALE, width, bold=True) + round(font * GAP)
    return head + body, split


def _side_minimum(side_lines: Sequence[str], font: float, width: float) -> float:
    """Below the checklist the side column needs at least its first line (it scrolls for the rest)."""
    first = next((line for line in side_lines if line), "")
    return text_height(first, font, width) + round(font * GAP) if first else 0.0


def choose_arrangement(want: FitRequest) -> Arrangement:
    """The arrangement with the largest checklist type that fits, with the side column's first line if it can.

    Ties go to the earlier side, then to one column. When nothing fits, the one that overflows least
    (it scrolls, by as little as possible).
    """
    best: Arrangement | None = None
    for side in want.sides:
        for columns in range(1, want.max_columns + 1):
            for with_side in (True, False):
                found = _largest(want, side, columns, with_side=with_side)
                if best is None or _better(found, best):
                    best = found
    assert best is not None
    return best


def _better(found: Arrangement, best: Arrangement) -> bool:
    if (found.fits, found.side_fits) != (best.fits, best.side_fits):
        return (found.fits, found.side_fits) > (best.fits, best.side_fits)
    if found.fits:
        return found.font > best.font + 0.5
    return found.checklist_height < best.checklist_height - 0.5


def _largest(want: FitRequest, side: str, columns: int, *, with_side: bool) -> Arrangement:
    checklist_width = want.width * RIGHT_SHARE - want.column_gap / 2 if side == "right" else want.width

    def attempt(size: float) -> Arrangement:
        side_font = max(want.font_min, size * SIDE_SCALE)
        needed, split = _checklist(want, size, checklist_width, columns)
        below = _side_minimum(want.side_lines, side_font, want.width) if side == "below" else 0.0
        room = want.height - (below if with_side else 0.0)
        return Arrangement(side, columns, size, side_font, split, needed, needed <= room,
                           side_fits=needed + below <= want.height)

    low, high = want.font_min, max(want.font, want.font_min)
    top = attempt(high)
    if top.fits:
        return top
    floor = attempt(low)
    if not floor.fits:
        return floor
    while high - low > 0.5:
        middle = (low + high) / 2
        if attempt(middle).fits:
            low = middle
        else:
            high = middle
    return attempt(max(want.font_min, int(low * 2) / 2))

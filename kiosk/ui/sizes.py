"""One scale for every size on screen, so the layout drawn for 800×480 fits 1920×1080 too.

A portrait window is scaled by its short side against the design's 480. Touch targets never
shrink below 9 mm at the display's dots per inch (the panel's own, when the window size names one).
"""

from dataclasses import dataclass

from kiosk.ui.layout import panel_for

__all__ = ["Sizes", "sizes_for"]

_DESIGN_W, _DESIGN_H = 800.0, 480.0
_MM_PER_INCH = 25.4


@dataclass(frozen=True)
class Sizes:
    """`sizes(20)` is 20 design pixels at this window's scale; `target` is the least touch height."""

    unit: float
    dpi: float
    window: tuple[float, float] = (_DESIGN_W, _DESIGN_H)

    def __call__(self, design_px: float) -> float:
        return design_px * self.unit

    @property
    def target(self) -> float:
        """The height of a button: 50 design pixels, never under 9 mm."""
        return max(self(50), 9 / _MM_PER_INCH * self.dpi)


def sizes_for(width: float, height: float, dpi: float = 96.0) -> Sizes:
    """The scale for a window of `width`×`height` (`dpi` as the system reports it)."""
    short, long = (width, height) if height > width * 1.1 else (height, width)
    unit = min(short / _DESIGN_H, long / _DESIGN_W)
    return Sizes(unit=max(0.5, unit), dpi=max(dpi, panel_for(width, height).dpi), window=(width, height))

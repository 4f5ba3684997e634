"""One scale for every size on screen, so the layout drawn for 800×480 fits 1920×1080 too.

Touch targets never shrink below 9 mm at the display's dots per inch.
"""

from dataclasses import dataclass

__all__ = ["Sizes", "sizes_for"]

_DESIGN_W, _DESIGN_H = 800.0, 480.0
_MM_PER_INCH = 25.4


@dataclass(frozen=True)
class Sizes:
    """`sizes(20)` is 20 design pixels at this window's scale; `target` is the least touch height."""

    unit: float
    dpi: float

    def __call__(self, design_px: float) -> float:
        return design_px * self.unit

    @property
    def target(self) -> float:
        """The height of a button: 56 design pixels, never under 9 mm."""
        return max(self(56), 9 / _MM_PER_INCH * self.dpi)


def sizes_for(width: float, height: float, dpi: float = 96.0) -> Sizes:
    """The scale for a window of `width`×`height`."""
    return Sizes(unit=max(0.5, min(width / _DESIGN_W, height / _DESIGN_H)), dpi=dpi)

"""Which screen the window most likely is, and how big the Status screen's words must be on it (pure).

Sizes are set in millimetres on the glass, not in pixels: the same 800×480 design drawn on a 7"
Touch Display 2 (720×1280, 0.12 mm a pixel) would be a third smaller than on the original 7"
display (0.19 mm). The checklist is read at arm's length (cap height at least 2.5 mm, about
13 px on the 800×480 panel); the band's word from three metres (cap height at least 7 mm).
Unknown window sizes are taken as a panel of the nearest kind.
"""

from dataclasses import dataclass

__all__ = ["CAP_HEIGHT", "PANELS", "Panel", "StatusLayout", "panel_for", "status_layout"]

CAP_HEIGHT = 0.711
"""Cap height of the screen's font (Roboto) as a fraction of its font size."""

TEXT_CAP_MM = 2.5
WORD_CAP_MM = 7.0


@dataclass(frozen=True)
class Panel:
    """A display clinics mount: its name, its pixels and the size of one pixel on the glass."""

    name: str
    width: int
    height: int
    mm_per_px: float

    @property
    def dpi(self) -> float:
        """Dots per inch of the glass."""
        return 25.4 / self.mm_per_px


PANELS = (
    Panel("Raspberry Pi Touch Display 7\"", 800, 480, 154.08 / 800),
    Panel("Raspberry Pi Touch Display 2 7\", portrait", 720, 1280, 87.0 / 720),
    Panel("Raspberry Pi Touch Display 2 7\", landscape", 1280, 720, 155.0 / 1280),
    Panel("7\" HDMI panel", 1024, 600, 154.2 / 1024),
    Panel("10.1\" HDMI panel", 1280, 800, 216.96 / 1280),
    Panel("21.5\" monitor", 1920, 1080, 476.6 / 1920),
)


def panel_for(width: float, height: float) -> Panel:
    """The panel of this window size, else the one nearest in size and orientation."""
    for panel in PANELS:
        if (panel.width, panel.height) == (round(width), round(height)):
            return panel
    portrait = height > width
    same_way = [p for p in PANELS if (p.height > p.width) == portrait] or list(PANELS)
    return min(same_way, key=lambda p: abs(p.width * p.height - width * height))


@dataclass(frozen=True)
class StatusLayout:
    """The Status screen's arrangement and type sizes (px) for one window.

    `text_font` is the preferred checklist size and `text_min` the smallest allowed (the fit
    goes down to it before anything else gives); `word_font`/`word_min` the same for the band's
    word, which may take `word_lines` lines; the alert bar gets `alert_lines` lines. `sides` lists
    where the side column (what the status page reports) may go, best first: "right" of the
    checklist, or "below" it.
    """

    width: float
    height: float
    panel: Panel
    portrait: bool
    unit: float
    word_font: float
    word_min: float
    word_lines: int
    text_font: float
    text_min: float
    sides: tuple[str, ...]
    max_columns: int
    alert_lines: int = 2

    def mm(self, px: float) -> float:
        """A length on the glass."""
        return px * self.panel.mm_per_px

    def cap_mm(self, font_size: float) -> float:
        """The cap height on the glass of text at `font_size`."""
        return self.mm(font_size * CAP_HEIGHT)


SHORT_LOGICAL_HEIGHT = 500  # below this (800×480, 1024×600, 1280×720) a second alert line costs the checklist


def _font_for_cap(mm: float, panel: Panel) -> float:
    return round(mm / panel.mm_per_px / CAP_HEIGHT + 0.5)


def status_layout(width: float, height: float) -> StatusLayout:
    """The layout for a window of `width`×`height`."""
    panel = panel_for(width, height)
    portrait = height > width * 1.1
    unit = min(width / 480, height / 800) if portrait else min(width / 800, height / 480)
    word_min = _font_for_cap(WORD_CAP_MM, panel)
    text_min = _font_for_cap(TEXT_CAP_MM, panel)
    wide = width / height >= 1.7 and not portrait
    return StatusLayout(
        width=width, height=height, panel=panel, portrait=portrait, unit=unit,
        word_font=max(word_min, unit * 54), word_min=word_min, word_lines=2 if portrait else 1,
        text_font=max(text_min, unit * (25 if portrait else 21)), text_min=text_min,
        sides=("below",) if portrait else ("right", "below"),
        max_columns=2 if wide else 1,
        alert_lines=1 if not portrait and height / unit < SHORT_LOGICAL_HEIGHT else 2,
    )

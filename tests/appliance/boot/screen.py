"""Reading QEMU's screendumps of the kiosk's screen: how much of the level band is in a level's colour."""

from pathlib import Path

from PIL import Image

from kiosk.status.level import Level
from kiosk.ui.levels import LEVELS

BAND_PIXELS = 50_000      # the band is about 170,000 pixels at 1280x800


def rgb8(level: Level) -> tuple[int, int, int]:
    """The band's colour of `level` (kiosk/ui/levels.py) as the 8-bit RGB a screendump holds."""
    red, green, blue = LEVELS[level].colour
    return round(red * 255), round(green * 255), round(blue * 255)


def band_pixels(dump: Path, level: Level) -> int:
    """Pixels of exactly `level`'s colour in the top fifth of the screen, where the band is."""
    colour = rgb8(level)
    with Image.open(dump) as picture:
        rgb = picture.convert("RGB")
        top = rgb.crop((0, 0, rgb.width, rgb.height // 5))
        return sum(count for count, pixel in top.getcolors(maxcolors=1 << 20) or [] if pixel == colour)


def shows(dump: Path, level: Level) -> bool:
    """Whether the screendump's band is `level`'s."""
    return band_pixels(dump, level) >= BAND_PIXELS

"""Draws the LED pattern table as a picture: one strip per level, six seconds left to right, per kind.

Used by a test (the picture must show every level differently) and to make docs/led-patterns.png:
`.venv/bin/python -m tests.led.picture docs/led-patterns.png`.
"""

import sys
from datetime import time
from pathlib import Path

from PIL import Image, ImageDraw

from kiosk.led.scene import LedScene
from kiosk.led.settings import LedKind, LedSettings
from kiosk.led.table import LEVELS

SECONDS, STEP, PX = 6.0, 0.05, 3
ROW, GAP, LABEL = 18, 6, 120
KINDS = (LedKind.RGB, LedKind.TRAFFIC, LedKind.SINGLE)
PINS = {LedKind.RGB: {"red": "GPIO17", "green": "GPIO27", "blue": "GPIO22"},
        LedKind.TRAFFIC: {"green": "GPIO5", "amber": "GPIO6", "red": "GPIO26"},
        LedKind.SINGLE: {"led": "GPIO13"}}
LAMPS = ((0, 200, 0), (255, 150, 0), (230, 0, 0))  # how the traffic light's green, amber, red lamps look


def colour(kind: LedKind, frame: tuple[float, ...], lamp: int | None = None) -> tuple[int, int, int]:
    """The colour a strip shows for `frame`."""
    if kind is LedKind.RGB:
        red, green, blue = frame
        return round(red * 255), round(green * 255), round(blue * 255)
    if kind is LedKind.TRAFFIC and lamp is not None:
        return tuple(round(c * frame[lamp]) for c in LAMPS[lamp])  # type: ignore[return-value]
    return (round(frame[0] * 255),) * 3  # type: ignore[return-value]


def render(overlay_level: str | None = None) -> Image.Image:
    """The whole table as an image (a dark background, as the LED is seen)."""
    samples = int(SECONDS / STEP)
    width = LABEL + len(KINDS) * (samples * PX + GAP * 2)
    image = Image.new("RGB", (width, (ROW + GAP) * (len(LEVELS) + 1)), (25, 25, 25))
    draw = ImageDraw.Draw(image)
    for column, kind in enumerate(KINDS):
        left = LABEL + column * (samples * PX + GAP * 2)
        draw.text((left, 4), f"{kind} (0-{SECONDS:g} s)", fill=(220, 220, 220))
        for row, level in enumerate(LEVELS, start=1):
            top = row * (ROW + GAP)
            if column == 0:
                draw.text((4, top + 3), level, fill=(220, 220, 220))
            scene = LedScene(LedSettings(kind=kind, pins=PINS[kind], night=None), level, at=0.0)
            for index in range(samples):
                frame = scene.frame_at(index * STEP, time(12, 0))
                x = left + index * PX
                if kind is LedKind.TRAFFIC:
                    third = ROW // 3
                    for lamp in range(3):
                        draw.rectangle((x, top + lamp * third, x + PX - 1, top + (lamp + 1) * third - 1),
                                       fill=colour(kind, frame, lamp))
                else:
                    draw.rectangle((x, top, x + PX - 1, top + ROW - 1), fill=colour(kind, frame))
    return image


if __name__ == "__main__":
    render().save(sys.argv[1] if len(sys.argv) > 1 else Path("led-patterns.png"), optimize=True)

"""The pattern table drawn as a picture (as docs/led-patterns.png shows it): every strip differs."""

from pathlib import Path

from kiosk.led.table import LEVELS
from tests.led.picture import GAP, KINDS, LABEL, PX, ROW, SECONDS, STEP, render


def test_every_level_strip_looks_different_for_every_kind(tmp_path: Path) -> None:
    image = render()
    image.save(tmp_path / "led-patterns.png")
    samples = int(SECONDS / STEP)
    for column in range(len(KINDS)):
        left = LABEL + column * (samples * PX + GAP * 2)
        strips = []
        for row in range(1, len(LEVELS) + 1):
            top = row * (ROW + GAP)
            box = (left, top, left + samples * PX, top + ROW)
            strips.append(image.crop(box).tobytes())
        assert len(set(strips)) == len(LEVELS), KINDS[column]

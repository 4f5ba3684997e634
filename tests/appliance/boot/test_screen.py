"""The screen on the booted box (stage 1, a virtio GPU and no VGA): the ui unit, sandboxed as shipped, draws on
DRM with Mesa's llvmpipe, and QEMU's screendump shows the level band in the level's colour — green while the host's
page is healthy, red once it reports the outage."""

from pathlib import Path

import pytest

from kiosk.status.level import Level
from tests.appliance.boot.conftest import FirstBooted
from tests.appliance.boot.screen import BAND_PIXELS, band_pixels, rgb8

pytestmark = [pytest.mark.boot, pytest.mark.timeout(3600)]


def _dump(first_booted: FirstBooted, name: str) -> Path:
    note = str(first_booted.stage.notes.get(f"screen {name}", "no screendump was asked for"))
    assert note.endswith(".ppm"), note
    return Path(note)


def test_the_colours_are_the_levels() -> None:
    assert rgb8(Level.OPERATIONAL) == (0, 135, 56) and rgb8(Level.OUTAGE) == (204, 18, 18)


def test_the_screen_draws_the_healthy_level_in_green(first_booted: FirstBooted) -> None:
    dump = _dump(first_booted, "operational")
    assert band_pixels(dump, Level.OPERATIONAL) >= BAND_PIXELS
    assert band_pixels(dump, Level.OUTAGE) == 0


def test_the_screen_turns_red_with_the_outage(first_booted: FirstBooted) -> None:
    dump = _dump(first_booted, "outage")
    assert band_pixels(dump, Level.OUTAGE) >= BAND_PIXELS, \
        f"not red {first_booted.stage.notes.get('screen outage seconds')} s after the state said outage"
    assert band_pixels(dump, Level.OPERATIONAL) == 0


def test_the_probe_goes_on_as_soon_as_the_host_has_each_picture(first_booted: FirstBooted) -> None:
    lines = first_booted.stage.last.lines()
    assert "shot outage" in lines
    assert not [line for line in lines if line.startswith("shot-unanswered")], "the host never let the probe go on"

"""The pattern table: every level tells itself apart by rhythm alone, and overlays end."""

from datetime import time
from itertools import combinations

import pytest

from kiosk.led.scene import LedScene, in_window
from kiosk.led.settings import LedKind, LedSettings
from kiosk.led.table import LEVELS, level_color, level_pattern, overlay_pattern

PINS = {LedKind.RGB: {"red": "GPIO17", "green": "GPIO27", "blue": "GPIO22"},
        LedKind.TRAFFIC: {"green": "GPIO5", "amber": "GPIO6", "red": "GPIO26"},
        LedKind.SINGLE: {"led": "GPIO13"}}


def brightness_timeline(kind: LedKind, level: str) -> tuple[float, ...]:
    """The brightest channel, sampled every 50 ms over 12 s: what a colour-blind eye sees."""
    scene = LedScene(LedSettings(kind=kind, pins=PINS[kind]), level, at=0.0)
    return tuple(round(max(scene.frame_at(step * 0.05, time(12, 0))), 2) for step in range(240))


@pytest.mark.parametrize("kind", [LedKind.RGB, LedKind.TRAFFIC, LedKind.SINGLE])
def test_every_level_differs_in_rhythm_from_every_other(kind: LedKind) -> None:
    timelines = {level: brightness_timeline(kind, level) for level in LEVELS}
    same = [(a, b) for a, b in combinations(LEVELS, 2) if timelines[a] == timelines[b]]
    assert same == []


def test_rgb_colours_and_names() -> None:
    assert level_color("operational") == (0, 255, 0)
    assert level_color("maintenance") == (0, 0, 255)
    assert level_color("offline") == (255, 0, 255)
    assert level_color("no-such-level") == level_color("unknown")
    assert level_color("maintenance", LedKind.TRAFFIC) == (255, 153, 0)
    assert level_color("outage", LedKind.TRAFFIC) == (255, 0, 0)
    assert level_color("outage", LedKind.SINGLE) == (255, 255, 255)
    assert level_color("maintenance", LedKind.NONE) == (0, 0, 255)
    assert level_pattern(LedKind.RGB, "no-such-level").name == "unknown"
    assert {level_pattern(LedKind.NONE, level).name for level in LEVELS} == set(LEVELS)


@pytest.mark.parametrize("overlay", ["ack", "busy", "failed"])
def test_one_shot_overlays_end_and_the_alert_repeats(overlay: str) -> None:
    pattern = overlay_pattern(LedKind.RGB, overlay)
    assert pattern.period < 2.0
    assert pattern.finished(pattern.period)
    alert = overlay_pattern(LedKind.RGB, "alert")
    assert alert.frame_at(8.35) == (1.0, 1.0, 1.0)
    assert alert.frame_at(4.0) is None  # transparent between blips


def test_steady_patterns_do_not_ask_for_redraws() -> None:
    scene = LedScene(LedSettings(kind=LedKind.RGB, pins=PINS[LedKind.RGB]), "operational", at=0.0)
    assert scene.next_change(1.0) > 60
    scene.set_level("maintenance", at=2.0)
    assert scene.next_change(2.5) == pytest.approx(0.02)


@pytest.mark.parametrize(("moment", "night"), [
    (time(19, 59), False), (time(20, 0), True), (time(0, 0), True), (time(6, 59), True), (time(7, 0), False),
])
def test_night_window_wraps_past_midnight(moment: time, night: bool) -> None:
    assert in_window((time(20, 0), time(7, 0)), moment) is night
    assert in_window(None, moment) is False


def test_a_daytime_window() -> None:
    assert in_window((time(12, 0), time(13, 0)), time(12, 30))
    assert not in_window((time(12, 0), time(13, 0)), time(13, 0))

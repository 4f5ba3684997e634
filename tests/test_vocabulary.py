"""One vocabulary: every table that says something per level (LED, screen, guidance, exit code) is keyed by
`Level` and covers every level, so a new level cannot be shown, blinked or advised by accident as another."""

import pytest

from kiosk.led.pattern import Pattern
from kiosk.led.settings import CHANNELS, LedKind
from kiosk.led.table import LEVELS, PROFILES, level_pattern
from kiosk.status.guidance import guidance_for
from kiosk.status.level import Level, exit_code_for
from kiosk.ui.levels import LEVELS as LOOKS
from kiosk.ui.levels import look_for


@pytest.mark.parametrize("kind", list(LedKind))
def test_every_led_kind_has_a_profile_covering_every_level(kind: LedKind) -> None:
    profile = PROFILES[kind]
    assert set(profile.frames) == set(profile.rhythms) == set(profile.looks) == set(Level)
    for level in Level:
        assert all(len(frame) == len(CHANNELS[kind]) for segment in profile.segments(level)
                   for frame in (segment.start, segment.end) if frame is not None)
        assert isinstance(level_pattern(kind, level), Pattern)


def test_the_screen_looks_cover_every_level_with_a_word_of_their_own() -> None:
    assert set(LOOKS) == set(Level)
    assert len({look.word for look in LOOKS.values()}) == len(Level)
    assert look_for("martian") is LOOKS[Level.UNKNOWN]


def test_guidance_and_exit_codes_cover_every_level() -> None:
    for level in Level:
        assert guidance_for(level)
        assert exit_code_for(level) in (0, 1, 2, 3)


def test_the_led_table_spells_levels_as_level_does() -> None:
    assert tuple(Level) == LEVELS

"""SectionReader: the typed getters every section uses."""

from datetime import time
from pathlib import Path

import pytest

from kiosk.config import SectionReader
from kiosk.errors import ConfigError


def reader(**table: object) -> SectionReader:
    return SectionReader("c.toml", "sec", table, env={})


def test_defaults_when_absent() -> None:
    r = reader()
    assert r.string("a", "x") == "x"
    assert r.boolean("b", True) is True
    assert r.integer("c", 3) == 3
    assert r.clock_time("d", time(17, 30)) == time(17, 30)
    assert r.time_range("e", None) is None
    assert r.path("f", Path("/x")) == Path("/x")
    r.finish()


def test_clock_time_and_window() -> None:
    r = reader(at="21:05", night="20:00-07:00")
    assert r.clock_time("at", time(0, 0)) == time(21, 5)
    assert r.time_range("night", None) == (time(20, 0), time(7, 0))


@pytest.mark.parametrize("value", ["25:00", "9:5", "17.30", ""])
def test_bad_clock_time(value: str) -> None:
    with pytest.raises(ConfigError, match=r'c\.toml: sec\.at: expected a time of day "HH:MM"'):
        reader(at=value).clock_time("at", time(0, 0))


def test_bad_window() -> None:
    with pytest.raises(ConfigError, match=r"sec\.night: expected a window"):
        reader(night="20:00").time_range("night", None)


def test_subtable_names_nested_key() -> None:
    r = reader(columns={"date": "Day", "bogus": "x"})
    sub = r.subtable("columns")
    assert sub.string("date", "date") == "Day"
    with pytest.raises(ConfigError, match=r"sec\.columns\.bogus: unknown key"):
        sub.finish()


def test_string_map_rejects_non_strings() -> None:
    with pytest.raises(ConfigError, match=r"sec\.pins: expected a table of strings"):
        reader(pins={"red": 17}).string_map("pins")


def test_long_values_are_shortened_in_messages() -> None:
    with pytest.raises(ConfigError) as caught:
        reader(n="x" * 500).integer("n", 1)
    assert len(str(caught.value)) < 160

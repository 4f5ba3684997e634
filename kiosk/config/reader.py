"""Typed, validating access to one TOML table, so every section reads its keys the same way.

Each section module asks a `SectionReader` for its keys with a default; the reader checks
the type and range and, at `finish()`, rejects every key nobody asked for, so a typo can
never silently switch something off. Every error is one line naming file, key and what
was expected.
"""

import os
import re
from collections.abc import Iterable, Mapping
from datetime import time
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

from kiosk.errors import ConfigError

__all__ = ["SectionReader"]

T = TypeVar("T")
_CLOCK_RE = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class SectionReader:
    """Reads the keys of one table (`[status]`, `[schedule.csv_columns]`, …) with validation.

    >>> r = SectionReader("config.toml", "status", {"poll_seconds": 30})
    >>> r.number("poll_seconds", 60.0, minimum=1)
    30.0
    >>> r.finish()
    """

    def __init__(self, source: str, section: str, table: Mapping[str, object],
                 env: Mapping[str, str] | None = None) -> None:
        self.source = source
        self.section = section
        self.env: Mapping[str, str] = dict(os.environ) if env is None else env
        self._table = dict(table)
        self._used: set[str] = set()

    # -- errors ---------------------------------------------------------------------------
    def error(self, key: str, expected: str, *, got: object = ..., detail: str = "") -> ConfigError:
        """Build the one-line error for `key`; `got=...` means "show the value found"."""
        shown = self._table.get(key) if got is ... else got
        suffix = f", got {_show(shown)}" if key in self._table or got is not ... else ""
        extra = f" ({detail})" if detail else ""
        return ConfigError(f"{self.source}: {self.section}.{key}: expected {expected}{suffix}{extra}")

    # -- raw access -----------------------------------------------------------------------
    def has(self, key: str) -> bool:
        """Whether the file sets `key` (marks it as known)."""
        self._used.add(key)
        return key in self._table

    def raw(self, key: str, default: object = None) -> object:
        """The value as TOML gave it, for sections with shapes of their own."""
        self._used.add(key)
        return self._table.get(key, default)

    def keys(self) -> list[str]:
        """All keys the file sets in this table, for open-ended tables such as `[forms]`."""
        return list(self._table)

    # -- scalars --------------------------------------------------------------------------
    def _typed(self, key: str, default: T, kinds: tuple[type, ...], expected: str) -> T:
        self._used.add(key)
        if key not in self._table:
            return default
        value = self._table[key]
        if isinstance(value, bool) and bool not in kinds:
            raise self.error(key, expected)
        if not isinstance(value, kinds):
            raise self.error(key, expected)
        return value  # type: ignore[return-value]

    def string(self, key: str, default: str, *, nonempty: bool = False) -> str:
        """A string; with `nonempty` an empty one is refused."""
        value = self._typed(key, default, (str,), "a string")
        if nonempty and not value.strip():
            raise self.error(key, "a non-empty string")
        return value

    def boolean(self, key: str, default: bool) -> bool:
        """`true` or `false`."""
        return self._typed(key, default, (bool,), "true or false")

    def integer(self, key: str, default: int, *, minimum: int | None = None, maximum: int | None = None) -> int:
        """A whole number, optionally within [minimum, maximum]."""
        expected = _range_words("a whole number", minimum, maximum)
        value = self._typed(key, default, (int,), expected)
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            raise self.error(key, expected)
        return value

    def number(self, key: str, default: float, *, minimum: float | None = None,
               maximum: float | None = None, positive: bool = False) -> float:
        """A number (int or float); `positive` refuses zero and below."""
        expected = "a number greater than 0" if positive else _range_words("a number", minimum, maximum)
        value = float(self._typed(key, default, (int, float), expected))
        too_low = (positive and value <= 0) or (minimum is not None and value < minimum)
        if too_low or (maximum is not None and value > maximum):
            raise self.error(key, expected)
        return value

    def choice(self, key: str, default: str, choices: Iterable[str]) -> str:
        """One string out of a fixed set."""
        options = tuple(choices)
        expected = "one of " + ", ".join(f'"{c}"' for c in options)
        value = self._typed(key, default, (str,), expected)
        if value not in options:
            raise self.error(key, expected)
        return value

    def url(self, key: str, default: str, *, allow_empty: bool = False,
            schemes: tuple[str, ...] = ("http", "https")) -> str:
        """An absolute URL with one of `schemes`; "" only with `allow_empty` (switches a probe off)."""
        expected = f"an absolute {' or '.join(schemes)} URL" + (' or ""' if allow_empty else "")
        value = self._typed(key, default, (str,), expected)
        if value == "" and allow_empty:
            return value
        if not _is_url(value, schemes):
            raise self.error(key, expected)
        return value

    def path(self, key: str, default: Path, *, absolute: bool = True) -> Path:
        """A filesystem path (absolute unless told otherwise)."""
        expected = "an absolute path" if absolute else "a path"
        value = self._typed(key, str(default), (str,), expected)
        if not value or (absolute and not value.startswith("/")):
            raise self.error(key, expected)
        return Path(value)

    def clock_time(self, key: str, default: time) -> time:
        """A time of day written "HH:MM" (24-hour)."""
        value = self._typed(key, default.strftime("%H:%M"), (str,), 'a time of day "HH:MM"')
        match = _CLOCK_RE.match(value)
        if not match:
            raise self.error(key, 'a time of day "HH:MM" (24-hour)')
        return time(int(match.group(1)), int(match.group(2)))

    def time_range(self, key: str, default: tuple[time, time] | None) -> tuple[time, time] | None:
        """A daily window "HH:MM-HH:MM" (may wrap past midnight), or "" for none."""
        fallback = "" if default is None else f"{default[0]:%H:%M}-{default[1]:%H:%M}"
        expected = 'a window "HH:MM-HH:MM" or ""'
        value = self._typed(key, fallback, (str,), expected)
        if value == "":
            return None
        start, sep, end = value.partition("-")
        first, second = _CLOCK_RE.match(start.strip()), _CLOCK_RE.match(end.strip())
        if not sep or not first or not second:
            raise self.error(key, expected)
        return (time(int(first.group(1)), int(first.group(2))), time(int(second.group(1)), int(second.group(2))))

    # -- collections ----------------------------------------------------------------------
    def string_list(self, key: str, default: Iterable[str]) -> tuple[str, ...]:
        """A list of strings."""
        value = self._typed(key, list(default), (list,), "a list of strings")
        if not all(isinstance(item, str) for item in value):
            raise self.error(key, "a list of strings")
        return tuple(value)

    def url_list(self, key: str, default: Iterable[str], *, nonempty: bool = False) -> tuple[str, ...]:
        """A list of absolute http(s) URLs."""
        expected = "a non-empty list of absolute http or https URLs" if nonempty else \
            "a list of absolute http or https URLs"
        value = self.string_list(key, default)
        if (nonempty and not value) or not all(_is_url(item, ("http", "https")) for item in value):
            raise self.error(key, expected)
        return value

    def string_map(self, key: str, default: Mapping[str, str] | None = None) -> dict[str, str]:
        """A table (inline or not) of string values."""
        value = self._typed(key, dict(default or {}), (dict,), "a table of strings")
        if not all(isinstance(v, str) for v in value.values()):
            raise self.error(key, "a table of strings")
        return dict(value)

    def subtable(self, key: str) -> "SectionReader":
        """A reader for a nested table such as `[schedule.csv_columns]` (empty when absent)."""
        value: dict[str, object] = self._typed(key, {}, (dict,), "a table")
        return SectionReader(self.source, f"{self.section}.{key}", value, self.env)

    # -- end ------------------------------------------------------------------------------
    def finish(self) -> None:
        """Refuse every key in the table that no one asked for."""
        unknown = sorted(set(self._table) - self._used)
        if unknown:
            known = ", ".join(sorted(self._used)) or "none"
            raise ConfigError(
                f"{self.source}: {self.section}.{unknown[0]}: unknown key (known keys: {known})"
            )


def _range_words(noun: str, minimum: float | None, maximum: float | None) -> str:
    if minimum is not None and maximum is not None:
        return f"{noun} from {minimum:g} to {maximum:g}"
    if minimum is not None:
        return f"{noun} of at least {minimum:g}"
    if maximum is not None:
        return f"{noun} of at most {maximum:g}"
    return noun


def _is_url(value: str, schemes: tuple[str, ...]) -> bool:
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme in schemes and bool(parts.hostname) and " " not in value

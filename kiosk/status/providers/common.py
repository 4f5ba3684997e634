"""What both providers' parsers share: decoding a body defensively and reading timestamps."""

import json
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

__all__ = ["PayloadError", "as_list", "as_mapping", "decode_json", "parse_time", "text"]

# JavaScript Date.toString(), as old Instatus documents show: "Tue Mar 04 2030 14:05:00 GMT+0000 (…)"
_JS_DATE = re.compile(r"^\w{3} (\w{3}) (\d{1,2}) (\d{4}) (\d{2}:\d{2}:\d{2}) GMT([+-]\d{4})")


class PayloadError(ValueError):
    """A body that is not what the status page should have sent; the message says what it was."""


MAX_JSON_DEPTH = 32  # Instatus and Statuspage documents nest about six deep


def decode_json(body: bytes, content_type: str = "") -> Any:
    """Parse a JSON body whatever its content type; HTML, cut-short and too deeply nested bodies are named as such.

    A body nested thousands deep makes json raise RecursionError, and one just under the
    interpreter's limit would make every later walk over it (printing it, `status --json`)
    raise instead: both are refused here as one line, so the page counts as unreadable.
    """
    try:
        document = json.loads(body)
    except RecursionError:
        raise PayloadError(f"answered with JSON nested too deeply (more than {MAX_JSON_DEPTH} levels)") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        head = body[:512].lstrip().lower()
        if "html" in content_type.lower() or head.startswith((b"<!doctype", b"<html", b"<")):
            raise PayloadError("answered with a web page (HTML), not JSON") from None
        if not body.strip():
            raise PayloadError("answered with an empty body, not JSON") from None
        raise PayloadError(f"answered with invalid JSON ({_short(exc)})") from None
    if _depth(document) > MAX_JSON_DEPTH:
        raise PayloadError(f"answered with JSON nested too deeply (more than {MAX_JSON_DEPTH} levels)")
    return document


def _depth(document: Any) -> int:
    """How deep lists and objects nest, without recursion."""
    deepest, stack = 0, [(document, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            deepest = max(deepest, depth)
            if depth <= MAX_JSON_DEPTH:
                stack.extend((child, depth + 1) for child in (value.values() if isinstance(value, dict) else value))
    return deepest


def _short(exc: Exception) -> str:
    return str(exc).split(":")[0] if isinstance(exc, json.JSONDecodeError) else "not UTF-8 text"


def parse_time(value: object) -> datetime | None:
    """ISO 8601 (Z, offsets, milliseconds) or JavaScript's Date.toString(); None when unreadable.

    A time without an offset is taken as UTC.
    """
    if not isinstance(value, str) or not value.strip():
        return None
    raw = value.strip()
    try:
        when = datetime.fromisoformat(raw.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        match = _JS_DATE.match(raw)
        if match is None:
            return None
        month, day, year, clock, offset = match.groups()
        try:
            when = datetime.strptime(f"{month} {day} {year} {clock} {offset}", "%b %d %Y %H:%M:%S %z")
        except ValueError:
            return None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def as_mapping(value: object) -> Mapping[str, Any]:
    """`value` if it is a JSON object, else an empty one."""
    return value if isinstance(value, Mapping) else {}


def as_list(value: object) -> list[Mapping[str, Any]]:
    """The JSON objects in `value` if it is a list (absent, null and junk rows become nothing)."""
    return [row for row in value if isinstance(row, Mapping)] if isinstance(value, list) else []


def text(row: Mapping[str, Any], key: str, default: str = "") -> str:
    """A trimmed string field (numbers are accepted and turned into text)."""
    value = row.get(key)
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return default

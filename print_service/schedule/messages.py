"""The one PHI-safe path for schedule messages: built from places, never from content, and capped.

A schedule holds patient names, so an error about its *content* never quotes it: it names
the source (scheme and host only, or the configured path), the line or column number, and
what was expected (`content_error`). Every message that reaches a file (status.json,
nightly.json, alerts), the journal, the state file or the screen passes `safe_message`
too: one line, no control characters, any URL cut to scheme and host, at most
`MAX_MESSAGE_CHARS` long, so even a mistake elsewhere cannot pour a whole file out.
"""

import re

from print_service.schedule.redact import display_source

__all__ = ["MAX_MESSAGE_CHARS", "content_error_text", "safe_message"]

MAX_MESSAGE_CHARS = 400
_URL_RE = re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s\"'<>()]+")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_ELLIPSIS = "\u2026"


def safe_message(text: str) -> str:
    """`text` as one capped line with every URL reduced to its scheme and host.

    >>> safe_message("schedule source https://cal.example.org/private/x.ics: HTTP 404")
    'schedule source https://cal.example.org: HTTP 404'
    """
    line = _CONTROL_RE.sub(" ", text)
    line = _URL_RE.sub(_host_only, line)
    line = " ".join(line.split())
    if len(line) > MAX_MESSAGE_CHARS:
        line = line[:MAX_MESSAGE_CHARS - 1].rstrip() + _ELLIPSIS
    return line


def _host_only(match: re.Match[str]) -> str:
    url = match.group(0)
    bare = url.rstrip(":;,.!?")  # "source https://host:8443: refused": the colon after the port is prose
    return display_source(bare) + url[len(bare):]


def content_error_text(origin: str, expected: str, *, line: int | None = None, column: int | str | None = None,
                       fmt: str = "") -> str:
    """The message for a schedule whose content is not usable: where, and what was expected.

    `column` is a number or one of *our* names for it (a configured header), never a cell.

    >>> content_error_text("https://cal.example.org", "an unclosed quote to be closed", line=3, fmt="CSV")
    'schedule source https://cal.example.org: CSV line 3: expected an unclosed quote to be closed'
    """
    where = f"{fmt} line {line}" if line is not None else fmt
    if column is not None:
        where += f", column {column}" if isinstance(column, int) else f', column "{column}"'
    place = f"{where.strip()}: " if where.strip() else ""
    return f"schedule source {display_source(origin)}: {place}expected {expected}"

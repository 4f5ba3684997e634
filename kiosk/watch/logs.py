"""Where the daemon's log goes: the journal with structured fields under systemd, plain stderr otherwise.

systemd sets JOURNAL_STREAM when stdout/stderr are connected to the journal. Then a
JournalHandler sends each record with its extra fields (`EVENT=level_change`,
`LEVEL=outage`, `FORM=…`), so `journalctl EVENT=level_change` finds every change. No
record ever carries PHI: callers log form ids, counts and levels only.
"""

import logging
import os
import sys
from collections.abc import Callable, Mapping
from typing import Any

# mypy run from the repository sees its systemd/ unit folder as a namespace package
from systemd import journal  # type: ignore[attr-defined,unused-ignore]

__all__ = ["IDENTIFIER", "StderrFormatter", "configure_logging"]

IDENTIFIER = "downtime-kiosk"
_FIELDS = ("EVENT", "LEVEL", "PREVIOUS", "GESTURE", "FORM", "JOB", "KIND", "QUEUE")


class StderrFormatter(logging.Formatter):
    """`downtime-kiosk watch: info: message [EVENT=… LEVEL=…]`, one line per record."""

    def format(self, record: logging.LogRecord) -> str:
        fields = " ".join(f"{name}={record.__dict__[name]}" for name in _FIELDS if name in record.__dict__)
        text = f"{IDENTIFIER} watch: {record.levelname.lower()}: {record.getMessage()}"
        if record.exc_info and record.levelno >= logging.ERROR:
            text += f" ({record.exc_info[1]!r})"
        return f"{text} [{fields}]" if fields else text


def configure_logging(verbose: bool, env: Mapping[str, str] | None = None,
                      sender: Callable[..., Any] | None = None) -> logging.Handler:
    """Route the root logger to the journal (under systemd) or stderr; returns the handler used."""
    environ = os.environ if env is None else env
    handler: logging.Handler
    if environ.get("JOURNAL_STREAM"):
        handler = journal.JournalHandler(sender_function=sender or journal.send, SYSLOG_IDENTIFIER=IDENTIFIER)
    else:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(StderrFormatter())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for noisy in ("httpx", "httpcore", "asyncio"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return handler

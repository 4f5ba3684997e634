"""Bounded fuzz run over what the kiosk reads from outside: configs, ICS, CSV, PDF sources, status JSON.

Run: .venv/bin/python -m bench.fuzz [--seconds-per-target 50] [--seed 11]

Each target starts from a good input (holding the canary patient where a schedule would hold
names) and mutates it: flipped, deleted, duplicated or truncated spans, and tokens known to
hurt (an unclosed quote, `RRULE:FREQ=SECONDLY`, deep brackets, NUL bytes, 100 k columns …).
Each input runs in this process under a per-input alarm. Counted: inputs tried, tracebacks
(any exception other than the one clear error each reader promises), hangs (an input that
runs past `HANG_SECONDS`), canary hits in the messages, and the peak RSS of the process.
Goal: 0 tracebacks, 0 hangs, 0 canary hits, peak RSS < 300 MB; the exit status is 1 otherwise.
Deterministic for a seed; the default budget is about four minutes for the five targets.

A full run on the shared build machine, 2026-12-01 (seed 11, 45 s a target):
    config 8,324 inputs, ics 187, csv 4,482, pdf 387, status-json 140,507: 153,887 inputs in 228 s,
    0 tracebacks, 0 hangs, 0 canary hits, peak RSS 75 MB (slowest input 5.1 s, an ICS).
"""

import argparse
import json
import random
import resource
import signal
import sys
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from types import FrameType
from zoneinfo import ZoneInfo

from kiosk.config import parse_config
from kiosk.errors import ConfigError
from kiosk.status.providers.common import PayloadError, decode_json
from kiosk.status.providers.instatus import parse_instatus
from kiosk.status.providers.statuspage import parse_statuspage
from print_service.errors import ScheduleError
from print_service.schedule import CsvSettings, ScheduleSettings
from print_service.schedule.parse import parse_document
from print_service.schedule.sources import Document

REPO = Path(__file__).resolve().parent.parent
CANARY = "Canarius Phitestova"
NEEDLES = (CANARY, *CANARY.split())
HANG_SECONDS = 10
RSS_GOAL_MB = 300
TOKENS = [b'"', b",", b";", b"\t", b"\x00", b"\r\n", b"\xff\xfe", b"\xef\xbb\xbf", b"RRULE:FREQ=SECONDLY\r\n",
          b"RRULE:FREQ=MINUTELY;COUNT=999999\r\n", b"RRULE:FREQ=HOURLY;INTERVAL=0\r\n", b"BEGIN:VEVENT\r\n",
          b"END:VCALENDAR\r\n", b"DTSTART:99999999T999999\r\n", b"TZID=Nowhere/Zone", b"[" * 5000, b"{" * 5000,
          b'{"a":' * 3000, b"1e999999", b"-0", b"null", b"%PDF-1.7\n", b"%%EOF", b"obj << /Length 99999999 >>",
          b"\\", b"'''", b'"""', b"[x]\n", b"= = =", b"a" * 70000, b"," * 100_000, CANARY.encode()]
ZONE = ZoneInfo("America/New_York")
NOW = datetime(2026, 10, 29, 17, 30, tzinfo=ZONE)


class Hang(Exception):
    """The per-input alarm went off."""


@dataclass
class Tally:
    """What one target found."""

    name: str
    tried: int = 0
    tracebacks: dict[str, int] = field(default_factory=dict)
    hangs: int = 0
    canary_hits: int = 0
    slowest: float = 0.0

    def line(self) -> str:
        """One line of the report."""
        kinds = ", ".join(f"{k} x{v}" for k, v in sorted(self.tracebacks.items())) or "none"
        return (f"{self.name:12} inputs {self.tried:6d}  tracebacks {sum(self.tracebacks.values()):3d} ({kinds})  "
                f"hangs {self.hangs}  canary hits {self.canary_hits}  slowest {self.slowest:.2f} s")


def mutate(seed: bytes, rng: random.Random) -> bytes:
    """One to four random edits of `seed`."""
    data = bytearray(seed)
    for _ in range(rng.randint(1, 4)):
        where = rng.randrange(len(data) + 1)
        choice = rng.random()
        if choice < 0.3:
            data[where:where] = rng.choice(TOKENS)
        elif choice < 0.45 and data:
            data[min(where, len(data) - 1)] = rng.randrange(256)
        elif choice < 0.6:
            del data[where:where + rng.randint(1, 200)]
        elif choice < 0.75:
            span = bytes(data[where:where + rng.randint(1, 400)])
            data[where:where] = span * rng.randint(2, 50)
        elif choice < 0.85:
            del data[where:]
        else:
            line = bytes(data[where:where + 80]).split(b"\n")[0]
            data[where:where] = (line + b"\n") * rng.randint(100, 5000)
    return bytes(data[:12 * 1024 * 1024])


# -- targets: each takes bytes and raises only its promised error -------------------------------

def _schedule_target(fmt: str, content_type: str, suffix: str) -> Callable[[bytes], str | None]:
    from tests.fixtures.calendars import CSV_COLUMNS

    settings = ScheduleSettings(source="https://calendar.example.org/private/x", format="auto", timezone=ZONE,
                                provider_from="description:Provider", csv=CsvSettings(columns=CSV_COLUMNS))
    window = (NOW - timedelta(days=1), NOW + timedelta(days=31))

    def run(data: bytes) -> str | None:
        try:
            parse_document(Document(data, "https://calendar.example.org", content_type, suffix), settings, window)
        except ScheduleError as exc:
            return f"{exc}\n{exc.user_message}"
        return None

    return run


def _config_target(data: bytes) -> str | None:
    try:
        document = tomllib.loads(data.decode("utf-8"))
        parse_config(document, "fuzz.toml", {})
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError):
        return None  # the loader turns these into one line (kiosk.config.loader._read_toml)
    except ConfigError as exc:
        return str(exc)
    return None


def _status_target(data: bytes) -> str | None:
    try:
        document = decode_json(data, "application/json")
    except PayloadError as exc:
        return str(exc)
    messages = []
    for parse in (parse_instatus, parse_statuspage):
        try:
            json.dumps(repr(parse(document)))
        except PayloadError as exc:
            messages.append(str(exc))
    return "\n".join(messages)


def _seeds() -> dict[str, tuple[bytes, Callable[[bytes], str | None], bool]]:
    """name -> (good input, target, whether the canary must never show in its messages)."""
    from tests.fixtures.calendars import reference_csv, reference_ics, snapshot_pdf

    summary = {"page": {"name": "ICANotes", "url": "https://x.test", "status": "HASISSUES"},
               "activeIncidents": [{"id": "1", "name": "Slow", "started": "2030-03-04T14:05:00Z",
                                    "status": "IDENTIFIED", "impact": "PARTIALOUTAGE"}],
               "activeMaintenances": [{"id": "2", "name": "Work", "start": "2030-03-04T03:00:00Z",
                                       "status": "INPROGRESS", "duration": "45"}]}
    return {
        "config": ((REPO / "docs" / "config.example.toml").read_bytes(), _config_target, False),
        "ics": (reference_ics(CANARY).encode(), _schedule_target("ics", "text/calendar", ".ics"), True),
        "csv": (reference_csv(CANARY).encode(), _schedule_target("csv", "text/csv", ".csv"), True),
        "pdf": (snapshot_pdf(f"Schedule: {CANARY}"), _schedule_target("pdf", "application/pdf", ".pdf"), True),
        "status-json": (json.dumps(summary).encode(), _status_target, False),
    }


def _on_alarm(_signum: int, _frame: FrameType | None) -> None:
    raise Hang


def fuzz(name: str, seed: bytes, target: Callable[[bytes], str | None], *, check_canary: bool, seconds: float,
         rng: random.Random) -> Tally:
    """Mutate `seed` for `seconds` and run `target` on each mutant."""
    tally = Tally(name)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        data = mutate(seed, rng)
        tally.tried += 1
        started = time.monotonic()
        signal.alarm(HANG_SECONDS)
        try:
            message = target(data)
        except Hang:
            tally.hangs += 1
            message = None
        except Exception as exc:
            kind = type(exc).__name__
            tally.tracebacks[kind] = tally.tracebacks.get(kind, 0) + 1
            message = None
        finally:
            signal.alarm(0)
        tally.slowest = max(tally.slowest, time.monotonic() - started)
        if check_canary and message and any(n.lower() in message.lower() for n in NEEDLES):
            tally.canary_hits += 1
    return tally


def main(argv: list[str] | None = None) -> int:
    """Run every target, print one line each and the totals; 1 when a goal is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds-per-target", type=float, default=45.0)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    signal.signal(signal.SIGALRM, _on_alarm)
    rng = random.Random(args.seed)
    started = time.monotonic()
    tallies = [fuzz(name, seed, target, check_canary=canary, seconds=args.seconds_per_target, rng=rng)
               for name, (seed, target, canary) in _seeds().items()]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    for tally in tallies:
        print(tally.line())
    tracebacks = sum(sum(t.tracebacks.values()) for t in tallies)
    hangs = sum(t.hangs for t in tallies)
    hits = sum(t.canary_hits for t in tallies)
    print(f"total: {sum(t.tried for t in tallies)} inputs in {time.monotonic() - started:.0f} s, "
          f"{tracebacks} tracebacks, {hangs} hangs, {hits} canary hits, peak RSS {peak_mb:.0f} MB "
          f"(goal 0, 0, 0, < {RSS_GOAL_MB} MB; seed {args.seed})")
    return 0 if not (tracebacks or hangs or hits) and peak_mb < RSS_GOAL_MB else 1


if __name__ == "__main__":
    sys.exit(main())

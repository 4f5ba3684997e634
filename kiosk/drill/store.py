"""The drill file (`state_dir/drill.json`): every drill run, the last one possibly running. Apart from the
downtime log on purpose, so a drill never counts as real downtime. No PHI: levels, times, form ids.

`downtime-kiosk drill`, the screen and the watch daemon all change it: each change is a locked
read-modify-write, and the file is replaced atomically.
"""

import contextlib
import fcntl
import json
import logging
import os
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import TypeVar

from kiosk.drill.model import DRILL_LEVELS, Drill
from kiosk.errors import UsageError
from kiosk.status.guidance import guidance_for
from kiosk.status.level import Level
from print_service.storage import write_atomic
from print_service.storage.json_file import read_json_object

__all__ = ["DRILL_FILE_NAME", "MAX_DRILLS", "MAX_MINUTES", "DrillStore"]

log = logging.getLogger(__name__)
T = TypeVar("T")

DRILL_FILE_NAME = "drill.json"
MAX_DRILLS = 200
MAX_MINUTES = 8 * 60


class DrillStore:
    """The drills of this kiosk, oldest first."""

    def __init__(self, state_dir: Path) -> None:
        self.path = state_dir / DRILL_FILE_NAME

    # -- reading ----------------------------------------------------------------------------
    def drills(self) -> list[Drill]:
        """Every drill recorded (an unreadable file reads as none, and is replaced at the next change)."""
        document = read_json_object(self.path)
        try:
            if document is None:
                if self.path.exists():
                    raise ValueError("unreadable, or not a JSON object")
                return []
            return [Drill.from_json(row) for row in document["drills"]]
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            log.warning("%s: cannot be read (%s); treated as no drills", self.path, exc)
            return []

    def running(self, now: datetime) -> Drill | None:
        """The drill running at `now`, if any."""
        drills = self.drills()
        return drills[-1] if drills and drills[-1].running(now) else None

    def open(self) -> Drill | None:
        """The last drill if it has not been ended yet (it may be past its end time)."""
        drills = self.drills()
        return drills[-1] if drills and drills[-1].ended_at is None else None

    def last(self) -> Drill | None:
        """The most recent drill."""
        drills = self.drills()
        return drills[-1] if drills else None

    def on_day(self, day: date, zone: tzinfo) -> list[Drill]:
        """The drills that began on `day` in `zone`."""
        return [d for d in self.drills() if d.started_at.astimezone(zone).date() == day]

    # -- changing ---------------------------------------------------------------------------
    def start(self, level: str, minutes: int, now: datetime, *, upload_url: str = "") -> Drill:
        """Begin a drill of `level` for `minutes`; UsageError while one runs or for a bad level or length."""
        if level not in DRILL_LEVELS:
            raise UsageError(f"--level: expected one of {', '.join(DRILL_LEVELS)}, got {level!r}")
        if not 1 <= minutes <= MAX_MINUTES:
            raise UsageError(f"--minutes: expected a whole number from 1 to {MAX_MINUTES}, got {minutes}")
        checklist = guidance_for(Level(level), upload_url)
        drill = Drill(level, now, now + timedelta(minutes=minutes), checklist)

        def begin(drills: list[Drill]) -> Drill:
            if drills and drills[-1].running(now):
                raise UsageError(f"a drill is already running (until {drills[-1].until:%H:%M}); "
                                 "`downtime-kiosk drill stop` ends it")
            if drills and drills[-1].ended_at is None:  # past its time, not yet closed by the daemon
                drills[-1] = drills[-1].ended(drills[-1].until, "ended by itself")
            drills.append(drill)
            return drill

        return self._change(begin)

    def stop(self, now: datetime, how: str = "stopped by hand") -> Drill | None:
        """End the open drill (None when there is none)."""
        def end(drills: list[Drill]) -> Drill | None:
            if not drills or drills[-1].ended_at is not None:
                return None
            drills[-1] = drills[-1].ended(now, how)
            return drills[-1]

        return self._change(end)

    def note_print(self, what: str, at: datetime) -> bool:
        """Note a print in the running drill; False when no drill runs."""
        def note(drills: list[Drill]) -> bool:
            if not drills or not drills[-1].running(at):
                return False
            drills[-1] = drills[-1].printed(what, at)
            return True

        return self._change(note)

    def _change(self, how: Callable[[list[Drill]], T]) -> T:
        with self._locked():
            drills = self.drills()
            before = [d.to_json() for d in drills]
            result = how(drills)
            after = [d.to_json() for d in drills[-MAX_DRILLS:]]
            if after != before:
                document = {"schema": 1, "drills": after}
                write_atomic(self.path, (json.dumps(document, indent=1) + "\n").encode(), mode=0o644)
        return result

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # read-only is enough for flock, and works when another user (root running the CLI) made the file
        descriptor = os.open(self.path.with_name(f".{self.path.name}.lock"), os.O_RDONLY | os.O_CREAT, 0o644)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            yield
        finally:
            os.close(descriptor)  # closing releases the lock

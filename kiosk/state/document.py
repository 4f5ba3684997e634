"""The state file's document (state.json): every block a frozen value with `to_json`/`from_json`.

The watch daemon builds a `StateDocument` and the publisher writes `to_json()`; the screen reads
the file back with `StateDocument.from_json`, so both sides go through this one module and a
change to a block is made here once. Times stay ISO 8601 text exactly as the writer made them
(the bytes of the file do not change on a round trip); `parse_time` reads one.

`from_json` raises `StateDocumentError` (a ValueError) for a document it cannot read, and
`SchemaMismatch` when the document was written by another version of the monitor.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from kiosk.led.scene import LedView
from kiosk.led.table import level_color
from kiosk.status.level import Level
from kiosk.status.snapshot import PROBE_NAMES, ProbeResult, Probes, StatusSnapshot

__all__ = [
    "SCHEMA",
    "Alert",
    "ConfigBlock",
    "DrillBlock",
    "LogEntry",
    "NightlyBlock",
    "PendingDowntime",
    "PrintJobRow",
    "PrinterBlock",
    "ReconcileBlock",
    "ScheduleBlock",
    "SchemaMismatch",
    "StateDocument",
    "StateDocumentError",
    "parse_time",
    "placeholder_status",
]

SCHEMA = 1
JSON = dict[str, Any]
T = TypeVar("T")


class StateDocumentError(ValueError):
    """The file is not a state document this screen can read; the message says what is wrong."""


class SchemaMismatch(StateDocumentError):
    """The document was written by a monitor of another version (its `schema` is not ours)."""

    def __init__(self, found: object) -> None:
        super().__init__(f"state file schema {found!r}, this screen reads schema {SCHEMA}: "
                         "monitor and screen versions differ")
        self.found = found


def parse_time(text: str | None) -> datetime | None:
    """An ISO 8601 time from the document, or None when absent or malformed."""
    if not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def placeholder_status(headline: str = "Checking ICANotes…") -> StatusSnapshot:
    """The status before any snapshot exists: level unknown, stale, nothing probed yet."""
    unprobed = ProbeResult(error="not checked yet")
    return StatusSnapshot(Level.UNKNOWN, headline, None, stale=True,
                          probes=Probes(**{name: unprobed for name in PROBE_NAMES}))


# -- reading helpers ------------------------------------------------------------------------------
def _field(data: Mapping[str, Any], key: str, kind: type[T] | tuple[type, ...], *, optional: bool = False) -> Any:
    if key not in data:
        raise StateDocumentError(f"{key}: missing")
    value = data[key]
    if value is None and optional:
        return None
    if not isinstance(value, kind) or (isinstance(value, bool) and kind in (int, (int,))):
        raise StateDocumentError(f"{key}: expected {getattr(kind, '__name__', kind)}, got {value!r}")
    return value


def _object(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value: Mapping[str, Any] = _field(data, key, dict)
    return value


def _rows(data: Mapping[str, Any], key: str) -> Sequence[Mapping[str, Any]]:
    rows = _field(data, key, list)
    if not all(isinstance(row, dict) for row in rows):
        raise StateDocumentError(f"{key}: expected a list of objects")
    return rows  # type: ignore[no-any-return]


# -- the blocks ---------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PrintJobRow:
    """One job the button sent lately: the CUPS id, the form, its state in plain words, when."""

    id: str
    form: str
    state: str
    message: str
    at: str

    def to_json(self) -> JSON:
        """`{id, form, state, message, at}`."""
        return {"id": self.id, "form": self.form, "state": self.state, "message": self.message, "at": self.at}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "PrintJobRow":
        """Read back `to_json()`."""
        return cls(str(_field(data, "id", (str, int))), _field(data, "form", str), _field(data, "state", str),
                   _field(data, "message", str), _field(data, "at", str))


@dataclass(frozen=True, slots=True)
class PrinterBlock:
    """The printer in plain words: the queue, its state, what to tell staff, whether Resume helps, the jobs."""

    queue: str | None = None
    state: str = "unreachable"
    message: str = "Checking the printer…"
    can_resume: bool = False
    jobs: tuple[PrintJobRow, ...] = ()

    def to_json(self) -> JSON:
        """The `printer` object."""
        return {"queue": self.queue, "state": self.state, "message": self.message, "can_resume": self.can_resume,
                "jobs": [job.to_json() for job in self.jobs]}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "PrinterBlock":
        """Read back `to_json()`."""
        return cls(_field(data, "queue", str, optional=True), _field(data, "state", str),
                   _field(data, "message", str), _field(data, "can_resume", bool),
                   tuple(PrintJobRow.from_json(row) for row in _rows(data, "jobs")))


@dataclass(frozen=True, slots=True)
class ScheduleBlock:
    """The schedule copy's freshness (counts only, never an appointment)."""

    source: str | None = None
    fetched_at: str | None = None
    count: int = 0
    stale: bool = False
    error: str | None = None

    def to_json(self) -> JSON:
        """The `schedule` object."""
        return {"source": self.source, "fetched_at": self.fetched_at, "count": self.count, "stale": self.stale,
                "error": self.error}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "ScheduleBlock":
        """Read back `to_json()` (also the cache's `Freshness.to_json()`)."""
        return cls(_field(data, "source", str, optional=True), _field(data, "fetched_at", str, optional=True),
                   _field(data, "count", int), _field(data, "stale", bool), _field(data, "error", str, optional=True))


@dataclass(frozen=True, slots=True)
class NightlyBlock:
    """The nightly print's last outcome: for which date, what happened, when, in plain words."""

    date: str
    outcome: str
    at: str
    message: str

    def to_json(self) -> JSON:
        """The `nightly` object (the same as `nightly.json`)."""
        return {"date": self.date, "outcome": self.outcome, "at": self.at, "message": self.message}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "NightlyBlock":
        """Read back `to_json()`."""
        return cls(_field(data, "date", str), _field(data, "outcome", str), _field(data, "at", str),
                   _field(data, "message", str))


@dataclass(frozen=True, slots=True)
class Alert:
    """A standing problem staff or IT must act on (no PHI): its kind, since when, in plain words."""

    kind: str
    since: str
    message: str

    def to_json(self) -> JSON:
        """The alert as state.json lists it."""
        return {"kind": self.kind, "since": self.since, "message": self.message}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Alert":
        """Read back `to_json()`."""
        return cls(_field(data, "kind", str), _field(data, "since", str), _field(data, "message", str))


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One window of the downtime log: the level, when it began, when it ended (None: still on)."""

    level: str
    start: str
    end: str | None = None

    def to_json(self) -> JSON:
        """`{level, start, end}`."""
        return {"level": self.level, "start": self.start, "end": self.end}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "LogEntry":
        """Read back `to_json()` (also the engine's `DowntimeWindow.to_json()`)."""
        return cls(_field(data, "level", str), _field(data, "start", str), _field(data, "end", str, optional=True))


@dataclass(frozen=True, slots=True)
class ConfigBlock:
    """Which configuration the monitor runs on and, when it is broken, the one-line reason."""

    source: str
    error: str | None = None

    def to_json(self) -> JSON:
        """The `config` object."""
        return {"source": self.source, "error": self.error}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "ConfigBlock":
        """Read back `to_json()`."""
        return cls(_field(data, "source", str), _field(data, "error", str, optional=True))


@dataclass(frozen=True, slots=True)
class PendingDowntime:
    """An ended downtime whose catch-up sheet is owed: its book key, span, worst and every level, the alert."""

    key: str
    start: str
    end: str | None
    level: str
    levels: tuple[str, ...]
    message: str

    def to_json(self) -> JSON:
        """`{key, start, end, level, levels, message}` (a Downtime's `to_json()` plus the alert's words)."""
        return {"key": self.key, "start": self.start, "end": self.end, "level": self.level,
                "levels": list(self.levels), "message": self.message}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "PendingDowntime":
        """Read back `to_json()`."""
        levels = _field(data, "levels", list)
        if not all(isinstance(level, str) for level in levels):
            raise StateDocumentError(f"levels: expected a list of level words, got {levels!r}")
        return cls(_field(data, "key", str), _field(data, "start", str), _field(data, "end", str, optional=True),
                   _field(data, "level", str), tuple(levels), _field(data, "message", str))


@dataclass(frozen=True, slots=True)
class ReconcileBlock:
    """The catch-up sheet: the downtime it is owed for, or None when nothing is owed."""

    pending: PendingDowntime | None = None

    def to_json(self) -> JSON:
        """The `reconcile` object: `{pending}`."""
        return {"pending": self.pending.to_json() if self.pending is not None else None}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "ReconcileBlock":
        """Read back `to_json()`."""
        pending = _field(data, "pending", dict, optional=True)
        return cls(PendingDowntime.from_json(pending) if pending is not None else None)


@dataclass(frozen=True, slots=True)
class DrillBlock:
    """The running drill (`active`, the level practised, until when) and, while it runs, since when, the
    headline and the checklist the screen shows; `{active: false, level: null, until: null}` otherwise."""

    active: bool = False
    level: str | None = None
    until: str | None = None
    started_at: str | None = None
    headline: str | None = None
    guidance: tuple[str, ...] | None = None

    def to_json(self) -> JSON:
        """The `drill` object (the running drill's extra keys only while it runs)."""
        data: JSON = {"active": self.active, "level": self.level, "until": self.until}
        if self.started_at is not None:
            data.update(started_at=self.started_at, headline=self.headline,
                        guidance=list(self.guidance) if self.guidance is not None else None)
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "DrillBlock":
        """Read back `to_json()`."""
        started_at = _field(data, "started_at", str, optional=True) if "started_at" in data else None
        guidance = None
        if started_at is not None:
            rows = _field(data, "guidance", list, optional=True)
            if rows is not None and not all(isinstance(row, str) for row in rows):
                raise StateDocumentError(f"drill.guidance: expected a list of lines, got {rows!r}")
            guidance = tuple(rows) if rows is not None else None
        return cls(_field(data, "active", bool), _field(data, "level", str, optional=True),
                   _field(data, "until", str, optional=True), started_at,
                   _field(data, "headline", str, optional=True) if started_at is not None else None, guidance)


def _led_from_json(data: Mapping[str, Any]) -> LedView:
    color = _field(data, "color", list)
    if len(color) != 3 or not all(isinstance(c, int) and not isinstance(c, bool) for c in color):
        raise StateDocumentError(f"led.color: expected three whole numbers, got {color!r}")
    return LedView(_field(data, "pattern", str), _field(data, "overlay", str, optional=True),
                   (color[0], color[1], color[2]))


@dataclass(frozen=True, slots=True)
class StateDocument:
    """All the screen is told: the status engine's snapshot (the keys of `status --json`, at the top
    level), since when the level holds, the LED, the printer, the schedule's freshness, the nightly
    print, the standing alerts, the recent downtime log, the catch-up sheet owed, the running drill
    and the configuration's health.

    >>> document = StateDocument(config=ConfigBlock("/etc/downtime-kiosk/config.toml"))
    >>> StateDocument.from_json(document.to_json()) == document
    True

    `heartbeat_at` is set by the publisher each time it writes (None in the daemon's own copy).
    """

    config: ConfigBlock
    status: StatusSnapshot = field(default_factory=placeholder_status)
    level_since: str | None = None
    led: LedView = field(default_factory=lambda: LedView("unknown", None, level_color("unknown")))
    printer: PrinterBlock = PrinterBlock()
    schedule: ScheduleBlock = ScheduleBlock()
    nightly: NightlyBlock | None = None
    alerts: tuple[Alert, ...] = ()
    downtime_log: tuple[LogEntry, ...] = ()
    reconcile: ReconcileBlock = ReconcileBlock()
    drill: DrillBlock = DrillBlock()
    heartbeat_at: str | None = None

    @property
    def level(self) -> Level:
        """The level the status engine decided."""
        return self.status.level

    def to_json(self) -> JSON:
        """The whole document in its published key order (schema and heartbeat first)."""
        return {
            "schema": SCHEMA,
            "heartbeat_at": self.heartbeat_at,
            **self.status.to_json(),
            "level_since": self.level_since,
            "led": self.led.to_json(),
            "printer": self.printer.to_json(),
            "schedule": self.schedule.to_json(),
            "nightly": self.nightly.to_json() if self.nightly is not None else None,
            "alerts": [alert.to_json() for alert in self.alerts],
            "downtime_log": [entry.to_json() for entry in self.downtime_log],
            "reconcile": self.reconcile.to_json(),
            "drill": self.drill.to_json(),
            "config": self.config.to_json(),
        }

    @classmethod
    def from_json(cls, data: object) -> "StateDocument":
        """Read a published document; SchemaMismatch for another version's, StateDocumentError otherwise."""
        if not isinstance(data, Mapping):
            raise StateDocumentError(f"expected a JSON object, got {type(data).__name__}")
        if data.get("schema") != SCHEMA:
            raise SchemaMismatch(data.get("schema"))
        try:
            status = StatusSnapshot.from_json(data)
        except ValueError as exc:
            raise StateDocumentError(str(exc)) from None
        nightly = _field(data, "nightly", dict, optional=True)
        return cls(
            config=ConfigBlock.from_json(_object(data, "config")),
            status=status,
            level_since=_field(data, "level_since", str, optional=True),
            led=_led_from_json(_object(data, "led")),
            printer=PrinterBlock.from_json(_object(data, "printer")),
            schedule=ScheduleBlock.from_json(_object(data, "schedule")),
            nightly=NightlyBlock.from_json(nightly) if nightly is not None else None,
            alerts=tuple(Alert.from_json(row) for row in _rows(data, "alerts")),
            downtime_log=tuple(LogEntry.from_json(row) for row in _rows(data, "downtime_log")),
            reconcile=ReconcileBlock.from_json(_object(data, "reconcile")),
            drill=DrillBlock.from_json(_object(data, "drill")),
            heartbeat_at=_field(data, "heartbeat_at", str, optional=True),
        )

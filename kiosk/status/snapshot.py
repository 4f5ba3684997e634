"""One published answer of the engine: the level, why, what the probes saw, what to do.

`StatusSnapshot.to_json()` is exactly the object `downtime-kiosk status --json` prints and
the watch daemon copies into its state file; `from_json` reads it back (the monitor
restores its last snapshot at start from it).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from kiosk.status.level import Level
from kiosk.status.related_service import RelatedResult
from kiosk.status.report import Component, Incident, Maintenance

__all__ = ["PROBE_NAMES", "PageSummary", "ProbeResult", "Probes", "StatusSnapshot"]

PROBE_NAMES = ("status_page", "ehr", "upload", "internet")


@dataclass(frozen=True, slots=True)
class ProbeResult:
    """What one probe saw. `ok` is None when the probe is switched off or was not run.

    `http_status` is set whenever any HTTP answer arrived (that is what "answered" means).
    """

    ok: bool | None = None
    http_status: int | None = None
    error: str | None = None
    elapsed_ms: int | None = None

    @property
    def answered(self) -> bool:
        """Whether any HTTP response arrived: proof that the clinic's internet works."""
        return self.http_status is not None

    def to_json(self) -> dict[str, Any]:
        """`{ok, http_status, error, elapsed_ms}`."""
        return {"ok": self.ok, "http_status": self.http_status, "error": self.error, "elapsed_ms": self.elapsed_ms}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "ProbeResult":
        """Read back `to_json()`."""
        return cls(ok=_opt(data, "ok", bool), http_status=_opt(data, "http_status", int),
                   error=_opt(data, "error", str), elapsed_ms=_opt(data, "elapsed_ms", int))


@dataclass(frozen=True, slots=True)
class Probes:
    """The four probes of one poll."""

    status_page: ProbeResult = ProbeResult()
    ehr: ProbeResult = ProbeResult()
    upload: ProbeResult = ProbeResult()
    internet: ProbeResult = ProbeResult()

    def all(self) -> tuple[ProbeResult, ...]:
        """The four results in the order of PROBE_NAMES."""
        return (self.status_page, self.ehr, self.upload, self.internet)

    def to_json(self) -> dict[str, Any]:
        """`{status_page: {...}, ehr: {...}, upload: {...}, internet: {...}}`."""
        return {name: probe.to_json() for name, probe in zip(PROBE_NAMES, self.all(), strict=True)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Probes":
        """Read back `to_json()`; absent probes are "not run"."""
        return cls(**{name: ProbeResult.from_json(_mapping(data.get(name, {}))) for name in PROBE_NAMES})


@dataclass(frozen=True, slots=True)
class PageSummary:
    """The status page's own name and overall status (None until it was read once)."""

    name: str | None = None
    status: str | None = None


@dataclass(frozen=True, slots=True)
class StatusSnapshot:
    """The engine's answer at `checked_at`. `stale` means older than it looks: restored at
    start and not yet re-checked, or showing status-page data from several polls ago."""

    level: Level
    headline: str
    checked_at: datetime | None
    stale: bool = False
    page: PageSummary = PageSummary()
    components: tuple[Component, ...] = ()
    incidents: tuple[Incident, ...] = ()
    maintenances: tuple[Maintenance, ...] = ()
    probes: Probes = Probes()
    guidance: tuple[str, ...] = field(default=())
    related: tuple[RelatedResult, ...] = ()

    def as_stale(self) -> "StatusSnapshot":
        """The same snapshot, marked stale."""
        return replace(self, stale=True)

    def to_json(self) -> dict[str, Any]:
        """The `status --json` object (see docs/status.md)."""
        return {
            "level": self.level.value,
            "headline": self.headline,
            "checked_at": _iso(self.checked_at),
            "stale": self.stale,
            "page": {"name": self.page.name, "status": self.page.status},
            "components": [{"id": c.id, "name": c.name, "status": c.status} for c in self.components],
            "incidents": [
                {"name": i.name, "status": i.status, "impact": i.impact, "started": _iso(i.started), "url": i.url}
                for i in self.incidents
            ],
            "maintenances": [
                {"name": m.name, "status": m.status, "start": _iso(m.start), "end": _iso(m.end), "url": m.url}
                for m in self.maintenances
            ],
            "probes": self.probes.to_json(),
            "guidance": list(self.guidance),
            "related": [result.to_json() for result in self.related],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "StatusSnapshot":
        """Read back `to_json()`; raises ValueError when the object is not one."""
        try:
            page = _mapping(data.get("page", {}))
            return cls(
                level=Level(data["level"]),
                headline=str(data["headline"]),
                checked_at=_when(data.get("checked_at")),
                stale=bool(data.get("stale", False)),
                page=PageSummary(name=_opt(page, "name", str), status=_opt(page, "status", str)),
                components=tuple(
                    Component(id=str(c["id"]), name=str(c["name"]), status=str(c["status"]))
                    for c in _rows(data, "components")
                ),
                incidents=tuple(
                    Incident(name=str(i["name"]), status=str(i["status"]), impact=str(i["impact"]),
                             started=_when(i.get("started")), url=_opt(i, "url", str))
                    for i in _rows(data, "incidents")
                ),
                maintenances=tuple(
                    Maintenance(name=str(m["name"]), status=str(m["status"]), start=_when(m.get("start")),
                                end=_when(m.get("end")), url=_opt(m, "url", str))
                    for m in _rows(data, "maintenances")
                ),
                probes=Probes.from_json(_mapping(data.get("probes", {}))),
                guidance=tuple(str(g) for g in data.get("guidance", [])),
                related=tuple(RelatedResult.from_json(r) for r in _rows(data, "related")),
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"not a status snapshot: {exc!r}") from None


def _iso(when: datetime | None) -> str | None:
    return when.isoformat(timespec="seconds") if when is not None else None


def _when(value: object) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"expected an ISO 8601 time, got {value!r}")
    return datetime.fromisoformat(value)


def _opt(data: Mapping[str, Any], key: str, kind: type) -> Any:
    value = data.get(key)
    if value is not None and (not isinstance(value, kind) or (kind is int and isinstance(value, bool))):
        raise ValueError(f"{key}: expected {kind.__name__}, got {value!r}")
    return value


def _mapping(value: object) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ValueError(f"expected an object, got {value!r}")
    return value


def _rows(data: Mapping[str, Any], key: str) -> Sequence[Mapping[str, Any]]:
    rows = data.get(key, [])
    if not isinstance(rows, list):
        raise ValueError(f"{key}: expected a list")
    return [_mapping(row) for row in rows]

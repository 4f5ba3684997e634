"""Instatus: `summary.json` (page status, active incidents and maintenances) and `v2/components.json`.

Tolerates the real world: arrays left out when empty, both shapes of components.json
(`{"components": [...]}` live, a bare array with `children` in the docs), both timestamp
formats, names with stray whitespace, and `duration` as a string of minutes.
"""

from collections.abc import Iterator, Mapping
from datetime import timedelta
from typing import Any

from kiosk.status.providers.common import PayloadError, as_list, as_mapping, parse_time, text
from kiosk.status.providers.provider import DocumentSource, Provider
from kiosk.status.report import Component, Incident, Maintenance, PageReport, enum_key

__all__ = ["PROVIDER", "is_instatus_summary", "parse_instatus", "parse_instatus_components"]

_CLOSED_INCIDENT = {"RESOLVED"}
_CLOSED_MAINTENANCE = {"COMPLETED"}


def is_instatus_summary(document: object) -> bool:
    """An object with `page.status` and no root `components` (that would be Statuspage)."""
    if not isinstance(document, Mapping) or "components" in document:
        return False
    page = document.get("page")
    return isinstance(page, Mapping) and isinstance(page.get("status"), str) and bool(page["status"].strip())


def parse_instatus(summary: object, components: object | None = None, *,
                   components_error: str | None = None) -> PageReport:
    """Build a PageReport from summary.json and (optionally) components.json documents.

    Raises PayloadError when the summary is not an Instatus summary; a components.json of
    the wrong shape only adds a note.
    """
    if not is_instatus_summary(summary):
        raise PayloadError("summary.json has no page.status: not an Instatus status page")
    assert isinstance(summary, Mapping)
    page = as_mapping(summary["page"])
    notes = [f"components.json {components_error}"] if components_error else []
    rows: tuple[Component, ...] = ()
    if components is not None:
        try:
            rows = parse_instatus_components(components)
        except PayloadError as exc:
            notes.append(str(exc))
    return PageReport(
        provider="instatus",
        name=text(page, "name"),
        status=text(page, "status"),
        components=rows,
        incidents=tuple(_incidents(summary.get("activeIncidents"))),
        maintenances=tuple(_maintenances(summary.get("activeMaintenances"))),
        notes=tuple(notes),
    )


def parse_instatus_components(document: object) -> tuple[Component, ...]:
    """Rows of `{"components": [...]}` or of a bare array (children flattened); rows without a status are left out."""
    if isinstance(document, Mapping) and isinstance(document.get("components"), list):
        rows = document["components"]
    elif isinstance(document, list):
        rows = document
    else:
        raise PayloadError("components.json has no components list")
    return tuple(component for row in as_list(rows) for component in _flatten(row))


def _flatten(row: Mapping[str, Any]) -> Iterator[Component]:
    status = text(row, "status")
    if status:
        yield Component(id=text(row, "id"), name=text(row, "name"), status=status)
    for child in as_list(row.get("children")):
        yield from _flatten(child)


def _incidents(rows: object) -> Iterator[Incident]:
    for row in as_list(rows):
        status = text(row, "status")
        if enum_key(status) in _CLOSED_INCIDENT:
            continue
        yield Incident(name=text(row, "name", "(unnamed incident)"), status=status, impact=text(row, "impact"),
                       started=parse_time(row.get("started")), url=text(row, "url") or None)


def _maintenances(rows: object) -> Iterator[Maintenance]:
    for row in as_list(rows):
        status = text(row, "status")
        if enum_key(status) in _CLOSED_MAINTENANCE:
            continue
        start = parse_time(row.get("start"))
        minutes = _minutes(row.get("duration"))
        end = start + timedelta(minutes=minutes) if start is not None and minutes is not None else None
        yield Maintenance(name=text(row, "name", "(unnamed maintenance)"), status=status, start=start, end=end,
                          url=text(row, "url") or None)


def _minutes(value: object) -> float | None:
    try:
        minutes = float(value) if isinstance(value, str | int | float) and not isinstance(value, bool) else None
    except ValueError:
        return None
    return minutes if minutes is not None and 0 <= minutes < 60 * 24 * 366 else None


def _read(get: DocumentSource) -> PageReport:
    """summary.json decides; a components.json that cannot be read only adds a note."""
    summary = get(SUMMARY_PATH)
    components: object | None = None
    components_error: str | None = None
    try:
        components = get(COMPONENTS_PATH)
    except PayloadError as exc:
        components_error = str(exc)
    return parse_instatus(summary, components, components_error=components_error)


SUMMARY_PATH = "summary.json"
COMPONENTS_PATH = "v2/components.json"
PROVIDER = Provider("instatus", (SUMMARY_PATH, COMPONENTS_PATH), _read)

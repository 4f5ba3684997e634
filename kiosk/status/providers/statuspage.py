"""Atlassian Statuspage: `api/v2/summary.json` (indicator, components, incidents, maintenances).

Group containers (`group: true`) are left out; `incidents: null` (incident.io's variant)
is an empty list; times may carry local offsets.
"""

from collections.abc import Iterator, Mapping
from typing import Any

from kiosk.status.providers.common import PayloadError, as_list, as_mapping, parse_time, text
from kiosk.status.providers.provider import DocumentSource, Provider
from kiosk.status.report import Component, Incident, Maintenance, PageReport, enum_key

__all__ = ["PROVIDER", "is_statuspage_summary", "parse_statuspage"]

_CLOSED_INCIDENT = {"RESOLVED", "POSTMORTEM", "COMPLETED"}
_CLOSED_MAINTENANCE = {"COMPLETED", "CANCELLED", "CANCELED"}


def is_statuspage_summary(document: object) -> bool:
    """An object with a `status` object holding `indicator`, and a root `components` key."""
    if not isinstance(document, Mapping) or "components" not in document:
        return False
    status = document.get("status")
    return isinstance(status, Mapping) and isinstance(status.get("indicator"), str)


def parse_statuspage(summary: object) -> PageReport:
    """Build a PageReport from a Statuspage summary.json document (PayloadError if it is not one)."""
    if not is_statuspage_summary(summary):
        raise PayloadError("api/v2/summary.json has no status.indicator and components: not a Statuspage page")
    assert isinstance(summary, Mapping)
    page = as_mapping(summary.get("page"))
    components = tuple(
        Component(id=text(row, "id"), name=text(row, "name"), status=text(row, "status"))
        for row in as_list(summary.get("components"))
        if row.get("group") is not True and text(row, "status")
    )
    return PageReport(
        provider="statuspage",
        name=text(page, "name"),
        status=text(as_mapping(summary["status"]), "indicator"),
        components=components,
        incidents=tuple(_incidents(summary.get("incidents"))),
        maintenances=tuple(_maintenances(summary.get("scheduled_maintenances"))),
    )


def _component_ids(row: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(text(c, "id") for c in as_list(row.get("components")) if text(c, "id"))


def _incidents(rows: object) -> Iterator[Incident]:
    for row in as_list(rows):
        status = text(row, "status")
        if enum_key(status) in _CLOSED_INCIDENT:
            continue
        yield Incident(name=text(row, "name", "(unnamed incident)"), status=status, impact=text(row, "impact"),
                       started=parse_time(row.get("started_at") or row.get("created_at")),
                       url=text(row, "shortlink") or None, component_ids=_component_ids(row))


def _maintenances(rows: object) -> Iterator[Maintenance]:
    for row in as_list(rows):
        status = text(row, "status")
        if enum_key(status) in _CLOSED_MAINTENANCE:
            continue
        yield Maintenance(name=text(row, "name", "(unnamed maintenance)"), status=status,
                          start=parse_time(row.get("scheduled_for")), end=parse_time(row.get("scheduled_until")),
                          url=text(row, "shortlink") or None, component_ids=_component_ids(row))


def _read(get: DocumentSource) -> PageReport:
    return parse_statuspage(get(SUMMARY_PATH))


SUMMARY_PATH = "api/v2/summary.json"
PROVIDER = Provider("statuspage", (SUMMARY_PATH,), _read)

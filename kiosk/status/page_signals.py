"""What a status page says, sorted into the engine's three page-driven severities.

Pure: a PageReport and the watched-component list in, reasons out. Both vendors'
vocabularies are folded with `enum_key`; a value we do not know counts as degraded and is
reported in `unknown` so the caller can log it once.
"""

from dataclasses import dataclass, field

from kiosk.status.report import Component, Incident, Maintenance, PageReport, enum_key
from kiosk.status.words import clause, state_words

__all__ = ["PageSignals", "is_watched", "read_signals"]

_COMPONENT_OK = {"OPERATIONAL"}
_COMPONENT_MAINTENANCE = {"UNDERMAINTENANCE"}
_COMPONENT_DEGRADED = {"DEGRADEDPERFORMANCE", "PARTIALOUTAGE", "MINOROUTAGE"}
_COMPONENT_OUTAGE = {"MAJOROUTAGE"}

_INCIDENT_OPEN = {"INVESTIGATING", "IDENTIFIED", "MONITORING"}
_IMPACT_MAJOR = {"MAJOROUTAGE", "MAJOR", "CRITICAL"}
_IMPACT_LESSER = {"PARTIALOUTAGE", "MINOROUTAGE", "DEGRADEDPERFORMANCE", "NONE", "OPERATIONAL", "MINOR",
                  "MAINTENANCE", ""}

_MAINTENANCE_NOW = {"INPROGRESS", "VERIFYING"}
_MAINTENANCE_LATER = {"NOTSTARTEDYET", "SCHEDULED"}

_PAGE_OK = {"UP", "NONE"}
_PAGE_MAINTENANCE = {"UNDERMAINTENANCE", "MAINTENANCE"}
_PAGE_DEGRADED = {"HASISSUES", "MINOR"}
_PAGE_OUTAGE = {"MAJOR", "CRITICAL"}


@dataclass
class PageSignals:
    """Reasons (short phrases for the headline) per severity, the upcoming maintenances, unknown values."""

    maintenance: list[str] = field(default_factory=list)
    outage: list[str] = field(default_factory=list)
    degraded: list[str] = field(default_factory=list)
    upcoming: list[Maintenance] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)


def is_watched(component: Component, watch: tuple[str, ...]) -> bool:
    """Empty `watch` watches everything; otherwise match the id, or the name trimmed and case-insensitive."""
    if not watch:
        return True
    wanted = {w.strip().casefold() for w in watch}
    return component.id.strip().casefold() in wanted or component.name.strip().casefold() in wanted


def read_signals(page: PageReport, watch: tuple[str, ...] = ()) -> PageSignals:
    """Sort everything on the page that counts (see docs/status.md for the rules)."""
    signals = PageSignals()
    watched = [c for c in page.components if is_watched(c, watch)]
    watched_ids = {c.id for c in watched}
    # most telling first: the first reason of a severity becomes the headline
    for incident in page.incidents:
        if not watch or not incident.component_ids or watched_ids & set(incident.component_ids):
            _incident(incident, signals)
    for maintenance in page.maintenances:
        if not watch or not maintenance.component_ids or watched_ids & set(maintenance.component_ids):
            _maintenance(maintenance, signals)
    for component in watched:
        _component(component, signals)
    _page_status(page, bool(watch), signals)
    return signals


def _page_status(page: PageReport, watching: bool, signals: PageSignals) -> None:
    key = enum_key(page.status)
    if key in _PAGE_MAINTENANCE and not (watching and page.provider == "statuspage"):
        signals.maintenance.append("the status page says maintenance is under way")
    elif watching or key in _PAGE_OK or key in _PAGE_MAINTENANCE:
        return  # page-wide issue signals count only through watched components and incidents
    elif key in _PAGE_OUTAGE:
        signals.outage.append(f"the status page reports a {page.status} outage")
    elif key in _PAGE_DEGRADED:
        signals.degraded.append("the status page reports issues")
    else:
        signals.unknown.append(f"page status {page.status!r}")
        signals.degraded.append(f"the status page shows an unknown status ({page.status})")


def _component(component: Component, signals: PageSignals) -> None:
    key = enum_key(component.status)
    label = component.name or component.id
    if key in _COMPONENT_OK:
        return
    if key in _COMPONENT_MAINTENANCE:
        signals.maintenance.append(f"{label} is under maintenance")
    elif key in _COMPONENT_OUTAGE:
        signals.outage.append(f"{label}: major outage")
    elif key in _COMPONENT_DEGRADED:
        signals.degraded.append(f"{label}: {state_words(component.status)}")
    else:
        signals.unknown.append(f"component status {component.status!r}")
        signals.degraded.append(f"{label}: unknown status {component.status}")


def _incident(incident: Incident, signals: PageSignals) -> None:
    status, impact = enum_key(incident.status), enum_key(incident.impact)
    if status not in _INCIDENT_OPEN:
        signals.unknown.append(f"incident status {incident.status!r}")
    if impact not in _IMPACT_MAJOR | _IMPACT_LESSER:
        signals.unknown.append(f"incident impact {incident.impact!r}")
    if impact in _IMPACT_MAJOR and status != "MONITORING":
        signals.outage.append(clause(incident.name))
    else:
        signals.degraded.append(clause(incident.name))


def _maintenance(maintenance: Maintenance, signals: PageSignals) -> None:
    key = enum_key(maintenance.status)
    if key in _MAINTENANCE_NOW:
        signals.maintenance.append(clause(maintenance.name))
    elif key in _MAINTENANCE_LATER:
        signals.upcoming.append(maintenance)
    else:
        signals.unknown.append(f"maintenance status {maintenance.status!r}")
        signals.degraded.append(f"{clause(maintenance.name)}: unknown maintenance status {maintenance.status}")

"""What a status page said, in one shape for both providers (Instatus and Atlassian Statuspage).

Vendor values are kept as the vendor spelled them (trimmed) so the screen and the log show
what the page showed; `enum_key` folds both vocabularies together for decisions.
"""

from dataclasses import dataclass, field
from datetime import datetime

__all__ = ["Component", "Incident", "Maintenance", "PageReport", "enum_key"]


def enum_key(value: str | None) -> str:
    """`major_outage`, `MAJOROUTAGE` and ` MajorOutage ` all become `MAJOROUTAGE`."""
    return (value or "").strip().upper().replace("_", "").replace("-", "").replace(" ", "")


@dataclass(frozen=True, slots=True)
class Component:
    """One component row of the status page (group headers included for Instatus)."""

    id: str
    name: str
    status: str


@dataclass(frozen=True, slots=True)
class Incident:
    """One unresolved incident; `component_ids` only where the provider names them (Statuspage)."""

    name: str
    status: str
    impact: str
    started: datetime | None
    url: str | None
    component_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Maintenance:
    """One announced maintenance, upcoming or in progress."""

    name: str
    status: str
    start: datetime | None
    end: datetime | None
    url: str | None
    component_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PageReport:
    """A successfully read status page.

    `status` is Instatus' `page.status` (UP, HASISSUES, UNDERMAINTENANCE) or Statuspage's
    `status.indicator` (none, minor, major, critical, maintenance). `notes` lists what could
    not be read but did not spoil the rest (e.g. Instatus' components.json failing).
    """

    provider: str
    name: str
    status: str
    components: tuple[Component, ...] = ()
    incidents: tuple[Incident, ...] = ()
    maintenances: tuple[Maintenance, ...] = ()
    notes: tuple[str, ...] = field(default=())

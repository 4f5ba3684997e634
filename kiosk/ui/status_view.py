"""What the Status screen shows, decided from the state file and the time (pure, no Kivy).

The rules that matter: when the daemon's heartbeat stops, the screen must not show the old level
as if it were current; it says "Status monitor not running" and shows the old level as history.
The screen says only what the box knows: when the status page was not read, it says so instead
of "nothing reported". The band's second line is the one fact a person needs ("the EHR does not
answer"); addresses and HTTP codes stay on Info and in `status --json`.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from kiosk.state.document import StateDocument
from kiosk.status.related_service import RelatedResult
from kiosk.status.report import Incident, Maintenance
from kiosk.status.snapshot import StatusSnapshot
from kiosk.status.words import clause, state_words
from kiosk.ui.clock_text import age_words, parse_time, when_words, window_words
from kiosk.ui.levels import MONITOR_STOPPED, VERSIONS_DIFFER, LevelLook, look_for

__all__ = ["NOTHING_TO_REPORT", "NOT_CHECKED", "StatusView", "alert_lines", "monitor_running", "related_lines",
           "status_view"]

_DONE = {"completed", "resolved", "postmortem"}
NOT_CHECKED = "ICANotes' status page could not be checked"
NOTHING_TO_REPORT = "ICANotes' status page: nothing reported, no maintenance planned"
Blocks = list[tuple[str, list[str]]]


@dataclass(frozen=True)
class StatusView:
    """Everything on the Status screen, as plain text."""

    look: LevelLook
    headline: str
    checked: str
    checked_warning: bool
    monitor_running: bool
    guidance: list[str] = field(default_factory=list)
    incidents: list[str] = field(default_factory=list)
    maintenance_now: list[str] = field(default_factory=list)
    maintenance_next: list[str] = field(default_factory=list)
    page_checked: bool = True
    related: list[str] = field(default_factory=list)

    @property
    def side(self) -> Blocks:
        """What ICANotes' status page reports, as titled blocks (one line when there is nothing), then the
        `[[status.related]]` fallbacks."""
        if not self.monitor_running:
            return []
        return self._page_side() + ([("FALLBACKS", self.related)] if self.related else [])

    def _page_side(self) -> Blocks:
        blocks: Blocks = []
        if self.incidents:
            blocks.append(("REPORTED BY ICANOTES", self.incidents))
        if self.maintenance_now:
            blocks.append(("MAINTENANCE NOW", self.maintenance_now))
        if self.maintenance_next:
            blocks.append(("MAINTENANCE PLANNED", self.maintenance_next))
        if not self.page_checked:
            earlier = [("EARLIER ON THE STATUS PAGE", [line for _title, lines in blocks for line in lines])]
            return [("", [NOT_CHECKED])] + (earlier if blocks else [])
        return blocks or [("", [NOTHING_TO_REPORT])]

    @property
    def level(self) -> str:
        """The level whose colour is drawn ("unknown" while the monitor is not running)."""
        return self.look.level


def monitor_running(state: StateDocument | None, now: datetime, timeout_seconds: float) -> bool:
    """Whether the daemon's heartbeat is recent enough to trust the state."""
    beat = parse_time(state.heartbeat_at) if state else None
    return beat is not None and (now - beat).total_seconds() <= timeout_seconds


def status_view(state: StateDocument | None, now: datetime, *, monitor_timeout: float,
                stale_after: float, refusal: str | None = None) -> StatusView:
    """The Status screen for `state` at `now`; `refusal` is why the state file was refused (another version)."""
    if refusal is not None:
        return _versions_differ_view(refusal)
    if state is None or not monitor_running(state, now, monitor_timeout):
        return _stopped_view(state, now)
    status = state.status
    checked, warning = _checked_words(status, now, stale_after)
    now_maint, next_maint = _maintenance(status.maintenances, now)
    level = status.level.value
    return StatusView(
        look=look_for(level),
        headline=_fact(level, status, next_maint),
        checked=checked,
        checked_warning=warning,
        monitor_running=True,
        guidance=list(status.guidance),
        incidents=_incidents(status.incidents, now),
        maintenance_now=now_maint,
        maintenance_next=next_maint,
        page_checked=status.probes.status_page.ok is True,
        related=related_lines(status.related),
    )


def _fact(level: str, status: StatusSnapshot, planned: list[str]) -> str:
    """The band's second line: the one fact behind the level, in plain words."""
    if level == "outage":
        return "The EHR does not answer" if status.probes.ehr.ok is not True else _page_says(status, "a major outage")
    if level == "degraded":
        return _page_says(status, "problems")
    if level == "operational":
        if status.probes.status_page.ok is not True:
            return "ICANotes answers; its status page could not be checked"
        when = planned[0].rsplit(": ", 1)[-1] if planned else ""
        return f"Working normally. Maintenance planned {when}" if planned else "Working normally"
    return {
        "maintenance": "Maintenance under way: ICANotes may be read-only",
        "regional_outage": "Neither ICANotes nor its upload site answers",
        "offline": "Nothing on the internet answers from this office",
    }.get(level, "Not checked yet" if status.checked_at is None else "The status could not be decided")


def _page_says(status: StatusSnapshot, otherwise: str) -> str:
    """"The status page reports …": its first open incident, else its first troubled component."""
    for incident in status.incidents:
        if incident.name and incident.status.lower() not in _DONE:
            return f"The status page reports: {clause(incident.name)}"
    for component in status.components:
        if state_words(component.status) not in ("operational", ""):
            return f"The status page reports {component.name or 'a part'}: {state_words(component.status)}"
    return f"The status page reports {otherwise}"


def alert_lines(state: StateDocument | None) -> list[str]:
    """The standing alerts, one line each (printer out of paper, nightly print failed, …)."""
    return [alert.message for alert in state.alerts if alert.message] if state else []


def related_lines(results: Iterable[RelatedResult]) -> list[str]:
    """One line per `[[status.related]]` service: "DrFirst: answering" / "DrFirst: not answering"."""
    return [result.words for result in results]


def _stopped_view(state: StateDocument | None, now: datetime) -> StatusView:
    if state is None:
        headline = "No status yet: the status monitor has not reported. Do not rely on this screen."
    else:
        last = look_for(state.status.level.value).word
        checked_at = state.status.checked_at
        at = f" at {when_words(checked_at, now)}" if checked_at else ""
        headline = f"Last known{at}: {last} (may have changed since)"
    return StatusView(
        look=MONITOR_STOPPED,
        headline=headline,
        checked="NOT UPDATING — do not rely on this screen",
        checked_warning=True,
        monitor_running=False,
        guidance=[
            "Check whether ICANotes works on a computer or phone.",
            "Tell IT: the status monitor on this kiosk has stopped.",
            "Blank forms can still be printed from the Print screen.",
        ],
    )


def _versions_differ_view(refusal: str) -> StatusView:
    return StatusView(
        look=VERSIONS_DIFFER,
        headline="The status monitor and this screen are different versions: the screen cannot read the status.",
        checked=refusal,
        checked_warning=True,
        monitor_running=False,
        guidance=[
            "Check whether ICANotes works on a computer or phone.",
            "Tell IT: the kiosk's monitor and screen versions differ (finish or redo the update, then restart).",
            "Blank forms can still be printed from the Print screen.",
        ],
    )


def _checked_words(status: StatusSnapshot, now: datetime, stale_after: float) -> tuple[str, bool]:
    if status.checked_at is None:
        return "not checked yet", True
    age = max(0.0, (now - status.checked_at).total_seconds())
    if status.stale or age > stale_after:
        return f"NOT CURRENT — last checked {age_words(age)}", True
    return f"checked {age_words(age)}", False


def _incidents(incidents: Iterable[Incident], now: datetime) -> list[str]:
    lines = []
    for incident in incidents:
        if incident.status.lower() in _DONE:
            continue
        since = f", since {when_words(incident.started, now)}" if incident.started else ""
        status = state_words(incident.status)
        name = clause(incident.name or "Incident")
        lines.append(f"{name} ({status}{since})" if status else f"{name}{since}")
    return lines


def _maintenance(maintenances: Iterable[Maintenance], now: datetime) -> tuple[list[str], list[str]]:
    active: list[str] = []
    upcoming: list[str] = []
    for item in maintenances:
        if item.status.lower() in _DONE or (item.end is not None and item.end <= now):
            continue
        line = f"{clause(item.name or 'Maintenance')}: {window_words(item.start, item.end, now)}"
        (upcoming if item.start is not None and item.start > now else active).append(line)
    return active, upcoming

"""What the Status screen shows, decided from the state file and the time (pure, no Kivy).

The rules that matter: when the daemon's heartbeat stops, the screen must not show the old level
as if it were current; it says "Status monitor not running" and shows the old level as history.
The screen says only what the box knows: when the status page was not read, it says so instead
of "nothing reported". The band's second line is the one fact a person needs ("the EHR does not
answer"); addresses and HTTP codes stay on Info and in `status --json`.
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from kiosk.status.related_service import RelatedResult
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


def monitor_running(state: dict[str, Any] | None, now: datetime, timeout_seconds: float) -> bool:
    """Whether the daemon's heartbeat is recent enough to trust the state."""
    beat = parse_time(state.get("heartbeat_at")) if state else None
    return beat is not None and (now - beat).total_seconds() <= timeout_seconds


def status_view(state: dict[str, Any] | None, now: datetime, *, monitor_timeout: float,
                stale_after: float, refusal: str | None = None) -> StatusView:
    """The Status screen for `state` at `now`; `refusal` is why the state file was refused (another version)."""
    if refusal is not None:
        return _versions_differ_view(refusal)
    if not monitor_running(state, now, monitor_timeout):
        return _stopped_view(state, now)
    assert state is not None
    checked, warning = _checked_words(state, now, stale_after)
    now_maint, next_maint = _maintenance(state.get("maintenances"), now)
    level = str(state.get("level", "unknown"))
    return StatusView(
        look=look_for(level),
        headline=_fact(level, state, next_maint),
        checked=checked,
        checked_warning=warning,
        monitor_running=True,
        guidance=[str(item) for item in _list(state.get("guidance"))],
        incidents=_incidents(state.get("incidents"), now),
        maintenance_now=now_maint,
        maintenance_next=next_maint,
        page_checked=_probe_ok(state, "status_page"),
        related=related_lines(state.get("related")),
    )


def _probe_ok(state: dict[str, Any], name: str) -> bool:
    probes = state.get("probes")
    probe = probes.get(name) if isinstance(probes, dict) else None
    return isinstance(probe, dict) and probe.get("ok") is True


def _fact(level: str, state: dict[str, Any], planned: list[str]) -> str:
    """The band's second line: the one fact behind the level, in plain words."""
    if level == "outage":
        return "The EHR does not answer" if not _probe_ok(state, "ehr") else _page_says(state, "a major outage")
    if level == "degraded":
        return _page_says(state, "problems")
    if level == "operational":
        if not _probe_ok(state, "status_page"):
            return "ICANotes answers; its status page could not be checked"
        when = planned[0].rsplit(": ", 1)[-1] if planned else ""
        return f"Working normally. Maintenance planned {when}" if planned else "Working normally"
    return {
        "maintenance": "Maintenance under way: ICANotes may be read-only",
        "regional_outage": "Neither ICANotes nor its upload site answers",
        "offline": "Nothing on the internet answers from this office",
    }.get(level, "Not checked yet" if state.get("checked_at") is None else "The status could not be decided")


def _page_says(state: dict[str, Any], otherwise: str) -> str:
    """"The status page reports …": its first open incident, else its first troubled component."""
    for item in _list(state.get("incidents")):
        if isinstance(item, dict) and item.get("name") and str(item.get("status", "")).lower() not in _DONE:
            return f"The status page reports: {clause(str(item['name']))}"
    for item in _list(state.get("components")):
        if isinstance(item, dict) and state_words(str(item.get("status"))) not in ("operational", ""):
            return f"The status page reports {item.get('name') or 'a part'}: {state_words(str(item['status']))}"
    return f"The status page reports {otherwise}"


def alert_lines(state: dict[str, Any] | None) -> list[str]:
    """The standing alerts, one line each (printer out of paper, nightly print failed, …)."""
    lines = []
    for alert in _list(state.get("alerts") if state else None):
        if isinstance(alert, dict) and alert.get("message"):
            lines.append(str(alert["message"]))
    return lines


def related_lines(items: object) -> list[str]:
    """One line per `[[status.related]]` service: "DrFirst: answering" / "DrFirst: not answering"."""
    lines = []
    for item in _list(items):
        try:
            lines.append(RelatedResult.from_json(item).words)
        except (ValueError, AttributeError, TypeError):
            continue  # not one: nothing to say about it
    return lines


def _stopped_view(state: dict[str, Any] | None, now: datetime) -> StatusView:
    if state is None:
        headline = "No status yet: the status monitor has not reported. Do not rely on this screen."
    else:
        last = look_for(str(state.get("level", "unknown"))).word
        checked_at = parse_time(state.get("checked_at"))
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


def _checked_words(state: dict[str, Any], now: datetime, stale_after: float) -> tuple[str, bool]:
    checked_at = parse_time(state.get("checked_at"))
    if checked_at is None:
        return "not checked yet", True
    age = max(0.0, (now - checked_at).total_seconds())
    if bool(state.get("stale")) or age > stale_after:
        return f"NOT CURRENT — last checked {age_words(age)}", True
    return f"checked {age_words(age)}", False


def _incidents(items: object, now: datetime) -> list[str]:
    lines = []
    for item in _list(items):
        if not isinstance(item, dict) or str(item.get("status", "")).lower() in _DONE:
            continue
        started = parse_time(item.get("started"))
        since = f", since {when_words(started, now)}" if started else ""
        status = state_words(str(item.get("status") or ""))
        name = clause(str(item.get("name") or "Incident"))
        lines.append(f"{name} ({status}{since})" if status else f"{name}{since}")
    return lines


def _maintenance(items: object, now: datetime) -> tuple[list[str], list[str]]:
    active: list[str] = []
    upcoming: list[str] = []
    for item in _list(items):
        if not isinstance(item, dict) or str(item.get("status", "")).lower() in _DONE:
            continue
        start, end = parse_time(item.get("start")), parse_time(item.get("end"))
        if end is not None and end <= now:
            continue
        line = f"{clause(str(item.get('name') or 'Maintenance'))}: {window_words(start, end, now)}"
        (upcoming if start is not None and start > now else active).append(line)
    return active, upcoming


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []

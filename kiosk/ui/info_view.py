"""What the Info screen shows, as titled sections of plain lines (pure, no Kivy).

For the IT person on the phone with a receptionist: version, address, each probe, the schedule
copy's freshness, the last nightly print, the downtime log and the standing alerts. No PHI.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from kiosk.status.words import day_words
from kiosk.ui.clock_text import age_words, parse_time, when_words, window_words
from kiosk.ui.levels import look_for
from kiosk.ui.status_view import related_lines

__all__ = ["InfoSection", "info_sections"]

_PROBE_NAMES = {"status_page": "Status page", "ehr": "ICANotes sign-in", "upload": "Upload site",
                "internet": "Internet"}


@dataclass(frozen=True)
class InfoSection:
    """A titled block of lines."""

    title: str
    lines: list[str]


def info_sections(state: dict[str, Any] | None, now: datetime, *, version: str, address: str,
                  config_source: str, notes: Sequence[str] = ()) -> list[InfoSection]:
    """The Info screen for `state` at `now`; `notes` are the screen's own warnings (an old short PIN)."""
    state = state or {}
    return [
        InfoSection("This kiosk", [f"Version {version}", f"IP address {address}",
                                   *_config_lines(state, config_source), *notes]),
        InfoSection("Last checks", _probe_lines(state.get("probes")) + related_lines(state.get("related"))),
        InfoSection("Schedule copy", _schedule_lines(state.get("schedule"), now)),
        InfoSection("Last nightly print", _nightly_lines(state.get("nightly"), now)),
        InfoSection("Downtime log", _downtime_lines(state.get("downtime_log"), now)),
        InfoSection("Alerts", [str(a.get("message")) for a in _dicts(state.get("alerts"))] or ["none"]),
    ]


def _config_lines(state: dict[str, Any], config_source: str) -> list[str]:
    found = state.get("config")
    config: dict[str, Any] = found if isinstance(found, dict) else {}
    lines = [f"Configuration {config.get('source') or config_source}"]
    if config.get("error"):
        lines.append(f"Configuration problem: {config['error']}")
    return lines


def _probe_lines(probes: object) -> list[str]:
    if not isinstance(probes, dict) or not probes:
        return ["no checks yet"]
    lines = []
    for key, name in _PROBE_NAMES.items():
        probe = probes.get(key)
        if not isinstance(probe, dict):
            continue
        if probe.get("ok"):
            detail = f"OK (HTTP {probe.get('http_status')}, {probe.get('elapsed_ms')} ms)"
        else:
            detail = f"FAILED: {probe.get('error') or 'HTTP ' + str(probe.get('http_status'))}"
        lines.append(f"{name}: {detail}")
    return lines or ["no checks yet"]


def _schedule_lines(schedule: object, now: datetime) -> list[str]:
    if not isinstance(schedule, dict) or not schedule.get("source"):
        return ["no schedule source configured"]
    fetched = parse_time(schedule.get("fetched_at"))
    lines = [f"Source {schedule['source']}",
             f"Fetched {when_words(fetched, now)} ({age_words((now - fetched).total_seconds())})" if fetched
             else "Never fetched",
             f"{schedule.get('count', 0)} appointments"]
    if schedule.get("stale"):
        lines.append("STALE: the copy is old")
    if schedule.get("error"):
        lines.append(f"Last refresh failed: {schedule['error']}")
    return lines


def _nightly_lines(nightly: object, now: datetime) -> list[str]:
    if not isinstance(nightly, dict):
        return ["none yet"]
    at = parse_time(nightly.get("at"))
    when = when_words(at, now) if at else _run_day(nightly.get("date"), now)
    message = f": {nightly['message']}" if nightly.get("message") else ""
    return [f"{str(nightly.get('outcome', '?')).capitalize()} {when}{message}"]


def _run_day(value: object, now: datetime) -> str:
    try:
        return day_words(date.fromisoformat(str(value)), now.astimezone().date())
    except ValueError:
        return "on an unknown day"


def _downtime_lines(log: object, now: datetime) -> list[str]:
    lines = []
    for entry in _dicts(log):
        start, end = parse_time(entry.get("start")), parse_time(entry.get("end"))
        word = look_for(str(entry.get("level", "unknown"))).word
        if end is None:
            lines.append(f"{window_words(start, None, now) if start else 'since ?'}, still going: {word}")
        else:
            minutes = int((end - start).total_seconds() // 60) if start else 0
            lines.append(f"{window_words(start, end, now)} ({minutes} min): {word}")
    return lines or ["no downtime recorded"]


def _dicts(value: object) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []

"""What the Info screen shows, as titled sections of plain lines (pure, no Kivy).

For the IT person on the phone with a receptionist: version, address, each probe, the schedule
copy's freshness, the last nightly print, the downtime log and the standing alerts. No PHI.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from kiosk.state.document import ConfigBlock, LogEntry, NightlyBlock, ScheduleBlock, StateDocument
from kiosk.status.snapshot import PROBE_NAMES, ProbeResult, Probes
from kiosk.status.words import day_words
from kiosk.ui.clock_text import age_words, parse_time, when_words, window_words
from kiosk.ui.levels import look_for
from kiosk.ui.status_view import alert_lines, related_lines

__all__ = ["InfoSection", "info_sections"]

_PROBE_NAMES = {"status_page": "Status page", "ehr": "ICANotes sign-in", "upload": "Upload site",
                "internet": "Internet"}


@dataclass(frozen=True)
class InfoSection:
    """A titled block of lines."""

    title: str
    lines: list[str]


def info_sections(state: StateDocument | None, now: datetime, *, version: str, address: str,
                  config_source: str, notes: Sequence[str] = ()) -> list[InfoSection]:
    """The Info screen for `state` at `now`; `notes` are the screen's own warnings (an old short PIN)."""
    kiosk = [f"Version {version}", f"IP address {address}"]
    if state is None:  # nothing from the monitor yet
        return [InfoSection("This kiosk", [*kiosk, f"Configuration {config_source}", *notes]),
                InfoSection("Last checks", ["no checks yet"]),
                InfoSection("Schedule copy", ["no schedule source configured"]),
                InfoSection("Last nightly print", ["none yet"]), InfoSection("Downtime log", ["no downtime recorded"]),
                InfoSection("Alerts", ["none"])]
    return [
        InfoSection("This kiosk", [*kiosk, *_config_lines(state.config, config_source), *notes]),
        InfoSection("Last checks", _probe_lines(state.status.probes) + related_lines(state.status.related)),
        InfoSection("Schedule copy", _schedule_lines(state.schedule, now)),
        InfoSection("Last nightly print", _nightly_lines(state.nightly, now)),
        InfoSection("Downtime log", _downtime_lines(state.downtime_log, now)),
        InfoSection("Alerts", alert_lines(state) or ["none"]),
    ]


def _config_lines(config: ConfigBlock, config_source: str) -> list[str]:
    lines = [f"Configuration {config.source or config_source}"]
    if config.error:
        lines.append(f"Configuration problem: {config.error}")
    return lines


def _probe_lines(probes: Probes) -> list[str]:
    lines = []
    for key, probe in zip(PROBE_NAMES, probes.all(), strict=True):
        if probe == ProbeResult():
            continue  # not run (a document without probes)
        if probe.ok:
            detail = f"OK (HTTP {probe.http_status}, {probe.elapsed_ms} ms)"
        else:
            detail = f"FAILED: {probe.error or 'HTTP ' + str(probe.http_status)}"
        lines.append(f"{_PROBE_NAMES[key]}: {detail}")
    return lines or ["no checks yet"]


def _schedule_lines(schedule: ScheduleBlock, now: datetime) -> list[str]:
    if not schedule.source:
        return ["no schedule source configured"]
    fetched = parse_time(schedule.fetched_at)
    lines = [f"Source {schedule.source}",
             f"Fetched {when_words(fetched, now)} ({age_words((now - fetched).total_seconds())})" if fetched
             else "Never fetched",
             f"{schedule.count} appointments"]
    if schedule.stale:
        lines.append("STALE: the copy is old")
    if schedule.error:
        lines.append(f"Last refresh failed: {schedule.error}")
    return lines


def _nightly_lines(nightly: NightlyBlock | None, now: datetime) -> list[str]:
    if nightly is None:
        return ["none yet"]
    at = parse_time(nightly.at)
    when = when_words(at, now) if at else _run_day(nightly.date, now)
    message = f": {nightly.message}" if nightly.message else ""
    return [f"{nightly.outcome.capitalize()} {when}{message}"]


def _run_day(value: str, now: datetime) -> str:
    try:
        return day_words(date.fromisoformat(value), now.astimezone().date())
    except ValueError:
        return "on an unknown day"


def _downtime_lines(log: Sequence[LogEntry], now: datetime) -> list[str]:
    lines = []
    for entry in log:
        start, end = parse_time(entry.start), parse_time(entry.end)
        word = look_for(entry.level).word
        if end is None:
            lines.append(f"{window_words(start, None, now) if start else 'since ?'}, still going: {word}")
        else:
            minutes = int((end - start).total_seconds() // 60) if start else 0
            lines.append(f"{window_words(start, end, now)} ({minutes} min): {word}")
    return lines or ["no downtime recorded"]

"""Plain-text renderings for a terminal: the status summary and the downtime log."""

from collections.abc import Sequence
from datetime import datetime

from kiosk.status.downtime_log import DowntimeWindow
from kiosk.status.snapshot import PROBE_NAMES, ProbeResult, StatusSnapshot
from kiosk.status.words import state_words

__all__ = ["render_log", "render_summary"]

_PROBE_LABELS = dict(zip(PROBE_NAMES, ("status page", "EHR", "upload site", "internet"), strict=True))


def render_summary(snapshot: StatusSnapshot) -> str:
    """A short summary: level and headline, the probes, incidents, maintenances, what to do."""
    checked = _time(snapshot.checked_at) if snapshot.checked_at else "never"
    lines = [f"{snapshot.level.value.upper()}: {snapshot.headline}",
             f"checked {checked}" + (" (stale)" if snapshot.stale else "")]
    if snapshot.page.status is not None:
        lines.append(f"status page: {snapshot.page.name or '(unnamed)'}: {snapshot.page.status}")
    lines += ["", "probes:"]
    lines += [f"  {_PROBE_LABELS[name]:<12} {_probe(probe)}"
              for name, probe in zip(PROBE_NAMES, snapshot.probes.all(), strict=True)]
    if snapshot.related:
        lines += ["", "fallbacks:"] + [f"  {result.words}" for result in snapshot.related]
    troubled = [c for c in snapshot.components if state_words(c.status) != "operational"]
    if troubled:
        lines += ["", "components not operational:"] + [f"  - {c.name or c.id}: {state_words(c.status)}"
                                                        for c in troubled]
    if snapshot.incidents:
        lines += ["", "incidents:"] + [
            f"  - {i.name} ({state_words(i.status) or '?'}, impact {state_words(i.impact) or '?'})"
            + (f", since {_time(i.started)}" if i.started else "")
            for i in snapshot.incidents]
    if snapshot.maintenances:
        lines += ["", "maintenance:"] + [
            f"  - {m.name} ({state_words(m.status) or '?'})" + (f", {_time(m.start)}" if m.start else "")
            + (f" to {_time(m.end)}" if m.end else "") for m in snapshot.maintenances]
    lines += ["", "what to do:"] + [f"  - {line}" for line in snapshot.guidance]
    return "\n".join(lines)


def render_log(windows: Sequence[DowntimeWindow]) -> str:
    """One line per window, oldest first: level, start, end (or "now") and how long."""
    if not windows:
        return "no level changes recorded yet"
    rows = [f"{'level':<16} {'start':<25} {'end':<25} duration"]
    for window in windows:
        end = _time(window.end) if window.end else "now"
        duration = _duration(window.start, window.end) if window.end else ""
        rows.append(f"{window.level.value:<16} {_time(window.start):<25} {end:<25} {duration}".rstrip())
    return "\n".join(rows)


def _probe(probe: ProbeResult) -> str:
    state = {True: "ok", False: "FAILED", None: "-"}[probe.ok]
    parts = [f"{state:<6}"]
    if probe.http_status is not None:
        parts.append(f"HTTP {probe.http_status}")
    if probe.elapsed_ms is not None:
        parts.append(f"{probe.elapsed_ms} ms")
    if probe.error:
        parts.append(probe.error)
    return "  ".join(parts)


def _time(when: datetime) -> str:
    return when.strftime("%Y-%m-%d %H:%M:%S%z")


def _duration(start: datetime, end: datetime) -> str:
    minutes = int((end - start).total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min" if hours else f"{minutes} min"

"""Deciding the level: the rules of issue 2, in their exact order, with no I/O.

1. offline          nothing answered at all
2. regional_outage  EHR and upload probes both on, neither up, while something answered
3. maintenance      the status page says maintenance is in progress
4. outage           the EHR is not up, or the status page reports a major outage
5. degraded         the status page reports anything less (unknown values included)
6. operational      everything else, including an unreadable status page while the EHR is up
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from kiosk.status.level import Level
from kiosk.status.page_signals import PageSignals, read_signals
from kiosk.status.report import Maintenance, PageReport
from kiosk.status.snapshot import ProbeResult, Probes

__all__ = ["Verdict", "decide", "is_up"]


@dataclass(frozen=True)
class Verdict:
    """The level, a one-line headline saying why, and what else the caller should know."""

    level: Level
    headline: str
    upcoming: tuple[Maintenance, ...] = ()
    unknown_values: tuple[str, ...] = field(default=())


def is_up(probe: ProbeResult) -> bool:
    """Answered with a status below 500 (a login redirect or a 401 is up)."""
    return probe.http_status is not None and probe.http_status < 500


def decide(probes: Probes, page: PageReport | None, *, ehr_on: bool, upload_on: bool,
           watch: tuple[str, ...] = (), now: datetime | None = None) -> Verdict:
    """Apply the rules in order. `page` is the status page as read (None when it could not be); `now` only
    decides whether a planned maintenance's date needs its year (default: always give it)."""
    signals = read_signals(page, watch) if page is not None else PageSignals()
    ehr_up, upload_up = is_up(probes.ehr), is_up(probes.upload)
    rules: tuple[tuple[bool, Level, Callable[[], str]], ...] = (
        (not any(probe.answered for probe in probes.all()), Level.OFFLINE,
         lambda: "No internet here: nothing could be reached."),
        (ehr_on and upload_on and not ehr_up and not upload_up, Level.REGIONAL_OUTAGE,
         lambda: "ICANotes and its upload site are both down: a regional outage."),
        (bool(signals.maintenance), Level.MAINTENANCE,
         lambda: f"Maintenance: ICANotes may be read-only ({signals.maintenance[0]})."),
        (ehr_on and not ehr_up, Level.OUTAGE,
         lambda: f"ICANotes is down: the EHR is not answering ({_why(probes.ehr)})."),
        (bool(signals.outage), Level.OUTAGE, lambda: f"ICANotes is down: {signals.outage[0]}."),
        (bool(signals.degraded), Level.DEGRADED, lambda: f"ICANotes has problems: {signals.degraded[0]}."),
        (True, Level.OPERATIONAL, lambda: _operational_headline(page, tuple(signals.upcoming), ehr_checked=ehr_on,
                                                                  now=now)),
    )
    level, headline = next((level, words) for applies, level, words in rules if applies)
    return Verdict(level, headline(), tuple(signals.upcoming), tuple(signals.unknown))


def _why(probe: ProbeResult) -> str:
    return probe.error or (f"HTTP {probe.http_status}" if probe.http_status else "no answer")


def _operational_headline(page: PageReport | None, upcoming: tuple[Maintenance, ...], *, ehr_checked: bool,
                          now: datetime | None) -> str:
    if page is None:
        if not ehr_checked:
            return "The status page could not be read (ICANotes itself is not checked here)."
        return "ICANotes is answering; the status page could not be read."
    if upcoming:
        return f"ICANotes is working. Maintenance planned{_when(upcoming[0].start, now)}: {upcoming[0].name}."
    return "ICANotes is working normally."


def _when(start: datetime | None, now: datetime | None) -> str:
    """" for Wed 17 Jun 04:00", with the year ("Wed 17 Jun 2027 04:00") unless it is this year."""
    if start is None:
        return ""
    local = start.astimezone()
    year = "" if now is not None and now.astimezone().year == local.year else f" {local.year}"
    return f" for {local:%a %d %b}{year} {local:%H:%M}"

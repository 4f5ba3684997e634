"""The seven levels the engine can report, and the exit status `status` gives each."""

from enum import StrEnum

__all__ = ["Level", "exit_code_for"]


class Level(StrEnum):
    """Whether ICANotes can be used right now; the string values are the public interface."""

    OPERATIONAL = "operational"
    MAINTENANCE = "maintenance"
    DEGRADED = "degraded"
    OUTAGE = "outage"
    REGIONAL_OUTAGE = "regional_outage"
    OFFLINE = "offline"
    UNKNOWN = "unknown"


_EXIT_CODES = {
    Level.OPERATIONAL: 0,
    Level.DEGRADED: 1,
    Level.MAINTENANCE: 1,
    Level.OUTAGE: 2,
    Level.REGIONAL_OUTAGE: 2,
    Level.OFFLINE: 2,
    Level.UNKNOWN: 3,
}


def exit_code_for(level: Level) -> int:
    """The monitoring-plugin exit status (Nagios/Icinga): 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN."""
    return _EXIT_CODES[level]

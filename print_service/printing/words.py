"""CUPS states and printer-state-reasons in words a receptionist can act on.

Pure: no CUPS calls. CUPS reports keywords such as `media-empty-error`; the suffix says how
bad it is (-error stops printing, -warning and -report do not). IPP numbers (RFC 8011):
job 3 pending, 4 held, 5 processing, 6 stopped, 7 cancelled, 8 aborted, 9 completed;
printer 3 idle, 4 processing, 5 stopped.
"""

from collections.abc import Iterable

__all__ = [
    "CUPSD_DOWN",
    "job_words",
    "normalise_reasons",
    "outcome_state",
    "printer_words",
    "reason_words",
]

JOB_PENDING, JOB_HELD, JOB_PROCESSING, JOB_STOPPED, JOB_CANCELED, JOB_ABORTED, JOB_COMPLETED = range(3, 10)
PRINTER_IDLE, PRINTER_PROCESSING, PRINTER_STOPPED = 3, 4, 5

CUPSD_DOWN = "Printing is not working on this kiosk (the print service is not running) — call IT"
PAUSED = "Printing is paused — press Resume"
NOT_ACCEPTING = "The printer is not taking new jobs — press Resume"
STAYS_QUEUED = "The job stays queued and will print after Resume."
STILL_QUEUED = "The job stays in the queue and may still print."

# Most important first: the first reason found names the problem.
_REASONS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("media-empty", "media-needed", "input-tray-missing"), "The printer is out of paper — add paper"),
    (("media-jam",), "Paper is stuck in the printer — clear the jam"),
    (("door-open", "cover-open", "interlock-open"), "A printer door is open — close it"),
    (("toner-empty", "marker-supply-empty", "marker-waste-full", "developer-empty"),
     "The printer is out of toner or ink — replace it"),
    (("offline", "connecting-to-device", "timed-out", "shutdown"),
     "The printer is not answering — check it is switched on and its cable is in"),
    (("cups-missing-filter", "cups-insecure-filter", "cups-ppd-error"),
     "The printer is not set up correctly — call IT"),
    (("output-area-full", "output-tray-missing"), "The printer's output tray is full — empty it"),
    (("toner-low", "marker-supply-low"), "Toner or ink is running low"),
    (("media-low",), "Paper is running low"),
)


def normalise_reasons(value: object) -> tuple[str, ...]:
    """pycups gives one keyword as str and several as a list; "none" means none."""
    items: Iterable[object] = [value] if isinstance(value, str) else value if isinstance(value, list | tuple) else []
    return tuple(str(item) for item in items if item and item != "none")


def _keyword(reason: str) -> str:
    for suffix in ("-error", "-warning", "-report"):
        if reason.endswith(suffix):
            return reason[: -len(suffix)]
    return reason


def reason_words(reasons: Iterable[str]) -> str | None:
    """The plain words for the most important known reason, or None."""
    keywords = {_keyword(reason) for reason in reasons}
    for names, words in _REASONS:
        if keywords.intersection(names):
            return words
    return None


def printer_words(state: int, reasons: Iterable[str], accepting: bool) -> str:
    """What to tell staff about a queue."""
    found = reason_words(reasons)
    if state == PRINTER_STOPPED:
        return f"{found}, then press Resume" if found else PAUSED
    if not accepting:
        return NOT_ACCEPTING
    if found:
        return found
    return "Printing" if state == PRINTER_PROCESSING else "Ready"


def job_words(state: int) -> str:
    """What a job's own state means."""
    return {
        JOB_PENDING: "Waiting to print",
        JOB_HELD: "On hold in the print queue — call IT",
        JOB_PROCESSING: "Printing",
        JOB_STOPPED: "Stopped",
        JOB_CANCELED: "The print job was cancelled",
        JOB_ABORTED: "The printer could not print this job",
        JOB_COMPLETED: "Printed",
    }.get(state, "Unknown")


def outcome_state(job_state: int, printer_state: int | None) -> str | None:
    """The end state of a job ("completed", "cancelled", "failed", "queued"), or None to keep waiting.

    A job that cannot go on because its queue is stopped (CUPS's default error policy puts
    it back to pending and pauses the queue) or because it is held counts as "queued": it
    stays in the queue and prints after Resume.
    """
    if job_state == JOB_COMPLETED:
        return "completed"
    if job_state == JOB_CANCELED:
        return "cancelled"
    if job_state == JOB_ABORTED:
        return "failed"
    if job_state == JOB_HELD or printer_state == PRINTER_STOPPED:
        return "queued"
    return None

"""Folding what the related services answer into the checklist, where staff look in an outage.

DrFirst is the prescribing fallback of ICANotes' procedure: while ICANotes is down, staff are
told to log in to DrFirst directly when it answers, and to use the paper pad when it does not.
Any other related service that does not answer gets one line of its own. Outside an outage
the checklist is left as it is (the side panel still shows every service).
"""

from collections.abc import Sequence

from kiosk.status.level import Level
from kiosk.status.related_service import RelatedResult

__all__ = ["fold_related", "prescriptions_line"]

_OUTAGES = (Level.OUTAGE, Level.REGIONAL_OUTAGE)
_RX_PREFIX = "Prescriptions:"


def prescriptions_line(drfirst: RelatedResult) -> str:
    """The prescriptions step once DrFirst's answer is known."""
    if drfirst.up:
        return (f"Prescriptions: log in to DrFirst directly ({drfirst.name} is answering). DrFirst changes do not "
                "sync: enter each medication change in ICANotes afterwards.")
    return f"{drfirst.name} is not answering either: use the paper prescription pad."


def fold_related(level: Level, guidance: Sequence[str], related: Sequence[RelatedResult],
                 prescribing: Sequence[str] = ()) -> tuple[str, ...]:
    """`guidance` for `level` with the related services' answers folded in.

    `prescribing` names the services that are DrFirst (see `RelatedService.is_prescribing`).
    """
    steps = list(guidance)
    if level not in _OUTAGES or not related:
        return tuple(steps)
    drfirst = next((r for r in related if r.name in prescribing), None)
    if drfirst is not None:
        at = next((i for i, step in enumerate(steps) if step.startswith(_RX_PREFIX)), None)
        line = prescriptions_line(drfirst)
        if at is None:
            steps.append(line)
        else:
            steps[at] = line
    steps += [f"{r.name} is not answering either." for r in related if not r.up and r.name not in prescribing]
    return tuple(steps)

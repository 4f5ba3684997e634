"""The `[reconcile]` settings: how long a downtime must last before a catch-up sheet is asked for."""

from dataclasses import dataclass

__all__ = ["ReconcileSettings"]


@dataclass(frozen=True, slots=True)
class ReconcileSettings:
    """A downtime shorter than `min_minutes` raises no catch-up alert (it can still be printed by hand)."""

    min_minutes: int = 15

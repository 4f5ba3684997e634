"""The button during a drill prints exactly as in a real outage; what it printed is noted in the drill's
record (form kinds and times only) for the drill report."""

from collections.abc import Callable
from datetime import datetime

from kiosk.button.controller import PrintActions
from kiosk.button.recogniser import Gesture
from kiosk.drill.store import DrillStore

__all__ = ["DrillNotes"]


class DrillNotes:
    """`PrintActions` that note each successful print in the running drill, if any."""

    def __init__(self, actions: PrintActions, store: DrillStore, now: Callable[[], datetime]) -> None:
        self.actions = actions
        self.store = store
        self.now = now

    def describe(self, gesture: Gesture) -> str:
        """What `gesture` prints now, as the wrapped actions say."""
        describe = getattr(self.actions, "describe", None)
        if describe is not None:
            return str(describe(gesture))
        return "the downtime packet" if gesture is Gesture.PRESS else "the next clinic day's schedule"

    async def print_packet(self) -> str:
        """A press: the packet."""
        summary = await self.actions.print_packet()
        self.store.note_print("downtime packet (button press)", self.now())
        return summary

    async def print_next_schedule(self) -> str:
        """A hold: the schedule (or the catch-up sheet)."""
        summary = await self.actions.print_next_schedule()
        self.store.note_print(f"{summary.removeprefix('the ')} (button hold)", self.now())
        return summary

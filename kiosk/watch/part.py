"""One piece of the state the daemon keeps fresh on its own interval (printer, schedule, alerts …).

The daemon runs each part in its own loop: `update` changes the `WatchState` and says
whether anything changed, then the part sleeps `interval` seconds. A part that raises is
logged and tried again next time; it never stops the daemon.
"""

from datetime import datetime
from typing import Protocol

from kiosk.watch.state import WatchState

__all__ = ["Part"]


class Part(Protocol):
    """A periodic updater of part of the state."""

    name: str
    interval: float

    async def update(self, state: WatchState, now: datetime) -> bool:
        """Refresh this part of `state`; True when something changed."""

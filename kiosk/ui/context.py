"""Everything the screen needs from the rest of the appliance, gathered in one object.

Built from the configuration by `kiosk.ui.wiring`; tests build it directly with their own state
file and an injected clock.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk import __version__
from kiosk.ui.address import ip_address
from kiosk.ui.desk import PrintDesk, ScheduleDesk
from kiosk.ui.settings import UiSettings

if TYPE_CHECKING:
    from kiosk.ui.catchup_desk import CatchUpDesk
    from kiosk.ui.drill_desk import DrillDesk

__all__ = ["UiContext", "utc_now"]


def utc_now() -> datetime:
    """The current time, timezone-aware."""
    return datetime.now(UTC)


@dataclass
class UiContext:
    """The screen's inputs: settings, the state file, printing and schedule desks, clocks.

    `stale_after` is how old `checked_at` may get before "checked … ago" turns into a warning;
    `panel` (the demo's LED and button) is a factory for an extra widget in the navigation bar,
    called with the sizes; its widget's `update(state)` runs on every tick.
    """

    settings: UiSettings
    state_file: Path
    stale_after: float = 180.0
    config_source: str = "built-in defaults"
    version: str = __version__
    print_desk: PrintDesk | None = None
    print_unavailable: str = ""
    schedule_desk: ScheduleDesk | None = None
    schedule_unavailable: str = ""
    now: Callable[[], datetime] = utc_now
    mono: Callable[[], float] = time.monotonic
    address: Callable[[], str] = ip_address
    panel: Callable[[Any], Any] | None = field(default=None)
    pin_lockout_file: Path | None = None  # where wrong PIN tries are kept across restarts (the state dir)
    wall: Callable[[], float] = time.time
    drill_desk: "DrillDesk | None" = None
    catchup_desk: "CatchUpDesk | None" = None

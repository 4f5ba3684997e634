"""The screen's pieces for issue 15, kept apart from the layouts: the DRILL band on every screen, the drill
button on Info and the catch-up box on Print, brought up to date on each tick."""

from datetime import datetime
from typing import Any

from kiosk.state.document import StateDocument
from kiosk.ui.context import UiContext
from kiosk.ui.drill_view import band_words
from kiosk.ui.pin import PinGate
from kiosk.ui.sizes import Sizes
from kiosk.ui.widgets.catchup_panel import CatchUpPanel
from kiosk.ui.widgets.drill_band import DrillBand
from kiosk.ui.widgets.drill_controls import DrillControls
from kiosk.ui.widgets.worker import Worker

__all__ = ["Extras"]


class Extras:
    """Builds the widgets and places them; `tick(state, now, live)` updates them."""

    def __init__(self, ctx: UiContext, sizes: Sizes, screens: dict[str, Any], gate: PinGate, worker: Worker) -> None:
        self.band = DrillBand(sizes)
        self.controls = DrillControls(sizes, ctx.drill_desk, gate, worker) if ctx.drill_desk else None
        if self.controls is not None:
            screens["info"].add_widget(self.controls)
        self.catchup = CatchUpPanel(sizes, ctx.catchup_desk, screens["print"].track) if ctx.catchup_desk else None
        if self.catchup is not None:
            screens["print"].add_to_side(self.catchup)

    def tick(self, state: StateDocument | None, now: datetime, *, live: bool) -> None:
        """The band only while the daemon is alive (else nothing on screen is current)."""
        self.band.show(band_words(state, now) if live else None)
        if self.controls is not None:
            self.controls.show(live and state is not None and state.drill.active)
        if self.catchup is not None:
            self.catchup.show(state if live else None)

"""The checklist's arrangement, measured with Kivy's own text layout: the largest type that fits, and, when
nothing fits, the arrangement that overflows least rather than the first one tried."""

from typing import Any

from kiosk.status.guidance import guidance_for
from kiosk.status.level import Level
from tests.fixtures.xvfb import KivyHarness

STEPS = [f"{n}.  {step}" for n, step in enumerate(guidance_for(Level.REGIONAL_OUTAGE), 1)]


def plan_for(height: float, sides: tuple[str, ...] = ("right", "below")) -> Any:
    """The arrangement chosen for the regional checklist (Kivy is imported here, after `kivy_session`)."""
    from kiosk.ui.screens.status import HEADING
    from kiosk.ui.widgets.fit import FitRequest, choose_arrangement

    return choose_arrangement(FitRequest(HEADING, STEPS, ["Data centre outage (investigating, since 13:30 today)"],
                                         width=772, height=height, font=21, font_min=19, sides=sides))


def test_the_largest_type_that_fits_wins(kivy_session: KivyHarness) -> None:
    roomy = plan_for(600)
    assert roomy.fits and roomy.font == 21 and roomy.side == "right"
    tight = plan_for(270)
    assert tight.fits and tight.side == "below" and 19 <= tight.font < 21


def test_when_nothing_fits_the_least_overflow_wins(kivy_session: KivyHarness) -> None:
    plan = plan_for(150)
    assert not plan.fits and plan.font == 19
    assert plan.side == "below", "the narrow right-hand arrangement overflows far more"
    assert plan.checklist_height < plan_for(150, sides=("right",)).checklist_height

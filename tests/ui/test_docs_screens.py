"""The screenshots in docs/screens: every level and every screen at the Pi touchscreen's 800×480,
with the engine's real checklists. Always rendered into the test output; written to docs/screens
when UPDATE_DOCS_SCREENS=1 (then look at them). The test also fails when a level's picture is missing."""

import os
import shutil
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from kiosk.status import Level
from kiosk.status.guidance import guidance_for
from kiosk.ui.pin import hash_pin
from kiosk.ui.services import ServicePrintDesk
from print_service.forms.catalogue import FormCatalogue
from print_service.printing import PrintingSettings
from print_service.printing.service import PrintService
from tests.fixtures.xvfb import KivyHarness
from tests.ui.conftest import MakeCtx
from tests.ui.states import LEVELS, NOW, iso, make_state, write_state

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screens"
EVENTS: dict[str, dict[str, Any]] = {
    "maintenance": {"maintenances": [{"name": "Database upgrade", "status": "INPROGRESS",
                                      "start": iso(NOW - timedelta(minutes=20)),
                                      "end": iso(NOW + timedelta(minutes=40)), "url": ""}]},
    "degraded": {"incidents": [{"name": "Charting is slow", "status": "IDENTIFIED", "impact": "DEGRADEDPERFORMANCE",
                                "started": iso(NOW - timedelta(minutes=25)), "url": ""}]},
    "outage": {"incidents": [{"name": "ICANotes cannot be reached", "status": "INVESTIGATING",
                              "impact": "MAJOROUTAGE", "started": iso(NOW - timedelta(minutes=12)), "url": ""}]},
    "regional_outage": {"incidents": [{"name": "Data centre outage", "status": "INVESTIGATING",
                                       "impact": "MAJOROUTAGE", "started": iso(NOW - timedelta(hours=1)),
                                       "url": ""}]},
    "operational": {"maintenances": [{"name": "Planned maintenance", "status": "NOTSTARTEDYET",
                                      "start": iso(NOW + timedelta(days=2)),
                                      "end": iso(NOW + timedelta(days=2, hours=2)), "url": ""}]},
}


def real_state(level: str, **changes: Any) -> dict[str, Any]:
    return make_state(level, guidance=list(guidance_for(Level(level))), **{**EVENTS.get(level, {}), **changes})


def keep(kivy: KivyHarness, name: str) -> None:
    shot = kivy.screenshot(f"docs-{name}")
    if os.environ.get("UPDATE_DOCS_SCREENS") == "1":
        DOCS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, DOCS / f"{name}.png")


@pytest.mark.parametrize("level", LEVELS)
def test_status_screen_for_each_level(level: str, kivy_screen: KivyHarness, make_ctx: MakeCtx,
                                      state_path: Path) -> None:
    write_state(state_path, real_state(level))
    kivy_screen.mount(make_ctx())
    keep(kivy_screen, f"status-{level}")
    assert (DOCS / f"status-{level}.png").stat().st_size < 300_000


def test_the_other_screens(kivy_screen: KivyHarness, make_ctx: MakeCtx, state_path: Path, tmp_path: Path) -> None:
    alert = {"kind": "printer", "since": iso(NOW), "message": "Printer is out of paper: add paper, then press "
                                                             "Resume on the Print screen"}
    state = real_state("outage", alerts=[alert], downtime_log=[
        {"level": "outage", "start": iso(NOW - timedelta(minutes=12)), "end": None},
        {"level": "degraded", "start": iso(NOW - timedelta(days=2, hours=3)),
         "end": iso(NOW - timedelta(days=2, hours=2))}])
    state["printer"] = {"queue": "office", "state": "stopped", "message": "Out of paper", "can_resume": True,
                        "jobs": []}
    write_state(state_path, state)
    desk = ServicePrintDesk(PrintService(PrintingSettings(output_dir=tmp_path)),
                            FormCatalogue(cache_dir=tmp_path / "forms"))
    root = kivy_screen.mount(make_ctx(print_desk=desk, pin_hash=hash_pin("2468")))
    keep(kivy_screen, "alert-bar")
    kivy_screen.tap(root.nav.tabs["print"])
    kivy_screen.wait_until(lambda: "therapist-note" in root.screens["print"].rows, what="the forms")
    keep(kivy_screen, "print")
    kivy_screen.tap(root.nav.tabs["schedule"])
    keep(kivy_screen, "schedule-locked")
    kivy_screen.tap(root.nav.tabs["info"])
    keep(kivy_screen, "info")
    write_state(state_path, real_state("operational", checked_at=iso(NOW - timedelta(minutes=9))))
    kivy_screen.tap(root.nav.tabs["status"])
    keep(kivy_screen, "status-stale")
    write_state(state_path, real_state("outage", heartbeat_at=iso(NOW - timedelta(minutes=5))))
    root.tick()
    keep(kivy_screen, "status-monitor-stopped")
    for name in ("print", "schedule-locked", "info", "status-stale", "status-monitor-stopped"):
        assert (DOCS / f"{name}.png").exists(), f"docs/screens/{name}.png is missing (UPDATE_DOCS_SCREENS=1)"

"""Issue 15 on the real screen under Xvfb: DRILL on every screen (screenshots), the truth the moment a real
outage appears, the PIN-protected drill button on Info, related services in the side panel, and the
catch-up box on Print printing the sheet through the private cupsd."""

import os
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path
from typing import Any

from kiosk.drill.store import DrillStore
from kiosk.reconcile.book import ReconcileBook
from kiosk.reconcile.downtimes import Downtime
from kiosk.status.guidance import guidance_for
from kiosk.status.level import Level
from kiosk.ui.catchup_desk import CatchUpDesk
from kiosk.ui.drill_desk import DrillDesk
from kiosk.ui.levels import look_for
from kiosk.ui.pin import hash_pin
from kiosk.ui.services import ServicePrintDesk
from print_service.forms.catalogue import FormCatalogue
from print_service.printing.service import PrintService
from print_service.printing.settings import PrintingSettings
from print_service.schedule.printer import cups_document_printer
from tests.fixtures.cupsd import PrivateCupsd
from tests.fixtures.xvfb import KivyHarness
from tests.ui.conftest import MakeCtx
from tests.ui.states import NOW, FakeClock, iso, make_state, write_state

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screens"
SCREENS = ("status", "print", "schedule", "info")
PIN = "2468"


def drill_state(level: str = "operational", drill_level: str = "outage", **changes: Any) -> dict[str, Any]:
    drill = {"active": True, "level": drill_level, "until": iso(NOW + timedelta(minutes=25)),
             "started_at": iso(NOW - timedelta(minutes=5)),
             "headline": "DRILL: practising an ICANotes outage. This is not real: ICANotes is fine.",
             "guidance": list(guidance_for(Level(drill_level)))}
    return make_state(level, drill=drill, **changes)


def keep(shot: Path, name: str) -> None:
    if os.environ.get("UPDATE_DOCS_SCREENS") == "1":
        shutil.copy(shot, DOCS / f"{name}.png")


def test_drill_shows_on_every_screen_and_the_truth_wins_at_once(
        kivy_screen: KivyHarness, make_ctx: MakeCtx, state_path: Path, tmp_path: Path, clock: FakeClock) -> None:
    write_state(state_path, drill_state())
    desk = DrillDesk(DrillStore(tmp_path / "state"), clock.now)
    root = kivy_screen.mount(make_ctx(drill_desk=desk, pin_hash=hash_pin(PIN)))
    for name in SCREENS:
        root.go(name)
        kivy_screen.frames(3)
        band = root.extras.band
        assert band.height > 0 and band.label.text.startswith("DRILL · practice only"), name
        assert "ends 14:55" in band.label.text
        shot = kivy_screen.screenshot(f"drill-{name}")
        x, y = band.to_window(band.x + 3, band.center_y)
        stripes = {kivy_screen.pixel(shot, x + dx, y) for dx in range(0, 40, 2)}
        assert (0, 0, 0) in stripes and any(r > 240 and g > 200 and b < 40 for r, g, b in stripes), (name, stripes)
        keep(shot, f"drill-{name}")
    root.go("status")
    kivy_screen.frames(2)
    status = root.screens["status"]
    assert status.word.text == look_for("outage").word  # the screen behaves as in an outage
    assert status.headline.text.startswith("DRILL:")
    assert any("ICANotes is down" in text for text in kivy_screen.texts(status.todo))

    write_state(state_path, drill_state(level="regional_outage"))  # a real outage, the drill not yet closed
    root.tick()
    kivy_screen.frames(2)
    assert root.extras.band.height == 0
    assert status.word.text == look_for("regional_outage").word
    assert not status.headline.text.startswith("DRILL")
    keep(kivy_screen.screenshot("drill-interrupted"), "drill-interrupted")

    write_state(state_path, drill_state(heartbeat_at=iso(NOW - timedelta(minutes=5))))  # the daemon has stopped
    root.tick()
    kivy_screen.frames(2)
    assert root.extras.band.height == 0
    assert status.headline.text.startswith("Last known at ") and look_for("operational").word in status.headline.text


def test_the_info_button_starts_a_drill_behind_the_pin_and_stops_it(
        kivy_screen: KivyHarness, make_ctx: MakeCtx, state_path: Path, tmp_path: Path, clock: FakeClock) -> None:
    write_state(state_path, make_state("operational"))
    store = DrillStore(tmp_path / "state")
    root = kivy_screen.mount(make_ctx(drill_desk=DrillDesk(store, clock.now), pin_hash=hash_pin(PIN)))
    root.go("info")
    kivy_screen.frames(3)
    controls = root.extras.controls
    keep(kivy_screen.screenshot("info-drill-button"), "info-drill-button")
    kivy_screen.tap(controls.button)
    pad = controls.pad
    for key in ("1", "1", "1", "1", "OK"):
        kivy_screen.tap(pad.keys[key])
    kivy_screen.wait_until(lambda: "Wrong PIN" in controls.prompt.text or "wrong" in controls.prompt.text,
                           what="the wrong PIN refused")
    assert store.drills() == []
    for key in (*PIN, "OK"):
        kivy_screen.tap(pad.keys[key])
    kivy_screen.wait_until(lambda: "Which downtime" in controls.prompt.text, what="the PIN accepted")
    kivy_screen.tap(kivy_screen.find("Regional outage", controls.popup))
    kivy_screen.wait_until(lambda: store.running(clock.now()) is not None, what="the drill to start")
    assert store.running(clock.now()).level == "regional_outage"  # type: ignore[union-attr]
    kivy_screen.wait_until(lambda: controls.words.text.startswith("Drill started"), what="the words")

    write_state(state_path, drill_state(drill_level="regional_outage"))
    root.tick()
    assert controls.button.text == "Stop the drill"
    kivy_screen.tap(controls.button)
    kivy_screen.wait_until(lambda: store.running(clock.now()) is None, what="the drill to stop")
    assert store.drills()[-1].ended_how == "stopped on the screen"


def test_related_services_in_the_side_panel(kivy_screen: KivyHarness, make_ctx: MakeCtx, state_path: Path) -> None:
    related = [{"name": "DrFirst", "up": False, "http_status": 503, "error": "x", "elapsed_ms": 30, "page_url": None},
               {"name": "Phone system", "up": True, "http_status": 200, "error": None, "elapsed_ms": 20,
                "page_url": None}]
    write_state(state_path, make_state("outage", related=related,
                                       guidance=["ICANotes is down.", "DrFirst is not answering either: use the "
                                                 "paper prescription pad."]))
    root = kivy_screen.mount(make_ctx())
    texts = kivy_screen.texts(root.screens["status"].events)
    assert "FALLBACKS" in texts
    assert "DrFirst: not answering\nPhone system: answering" in texts or \
        {"DrFirst: not answering", "Phone system: answering"} <= set(texts)
    keep(kivy_screen.screenshot("status-outage-fallbacks"), "status-outage-fallbacks")
    root.go("info")
    kivy_screen.frames(2)
    assert {"DrFirst: not answering", "Phone system: answering"} <= set(kivy_screen.texts(root.screens["info"]))


def test_the_catch_up_box_prints_the_sheet_with_the_initials(
        kivy_screen: KivyHarness, make_ctx: MakeCtx, state_path: Path, tmp_path: Path, *, clock: FakeClock,
        cupsd: PrivateCupsd) -> None:
    queue = cupsd.add_capture_queue()
    downtime = Downtime(NOW - timedelta(hours=3), NOW - timedelta(hours=1), (Level.OUTAGE,))
    pending = {**downtime.to_json(), "message": "ICANotes is back — print the catch-up sheet for the downtime"}
    alert = {"kind": "reconcile", "since": iso(NOW), "message": pending["message"]}
    write_state(state_path, make_state("operational", reconcile={"pending": pending}, alerts=[alert]))
    book = ReconcileBook(tmp_path / "state")
    service = PrintService(PrintingSettings(printer=queue.name), server=cupsd.server)
    desk = CatchUpDesk(None, cups_document_printer(service, now=clock.now), book, practice="Riverside Counseling",
                       zone=NOW.tzinfo, now=clock.now)  # type: ignore[arg-type]
    forms = ServicePrintDesk(service, FormCatalogue(cache_dir=tmp_path / "forms"))
    root = kivy_screen.mount(make_ctx(catchup_desk=desk, print_desk=forms))
    root.go("print")
    kivy_screen.wait_until(lambda: "therapist-note" in root.screens["print"].rows, what="the forms to load")
    panel = root.extras.catchup
    assert panel.height > 0 and panel.words.text == "ICANotes is back: catch up the downtime 11:30–13:30"
    keep(kivy_screen.screenshot("print-catch-up"), "print-catch-up")
    kivy_screen.tap(panel.initials_button)
    kivy_screen.tap(panel.pad.keys["M"])
    keep(kivy_screen.screenshot("print-catch-up-initials"), "print-catch-up-initials")
    for key in ("B", "OK"):
        kivy_screen.tap(panel.pad.keys[key])
    assert panel.initials_button.text == "Initials: MB"
    kivy_screen.tap(panel.print_button)
    documents = queue.wait_for_documents(1)
    text = subprocess.run(["pdftotext", "-layout", str(documents[0]), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Catch-up sheet" in text and "no schedule copy on this kiosk" in text
    kivy_screen.wait_until(lambda: book.get(downtime.key).printed_at is not None, what="the print noted")
    assert book.get(downtime.key).acknowledged_by == "MB"

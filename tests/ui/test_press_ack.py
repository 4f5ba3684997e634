"""A press is acknowledged on the Status screen, in the real window: the physical button (the watch daemon
reports it in state.json) and the screen's own print (what the demo's button does), on a real private cupsd.
And the Status screen says only what the box knows."""

from pathlib import Path
from typing import Any

from kiosk.ui.press import PRINTED
from kiosk.ui.status_view import NOT_CHECKED
from print_service.printing import PrintingSettings
from tests.fixtures.cupsd import PrivateCupsd
from tests.fixtures.xvfb import KivyHarness
from tests.ui.conftest import MakeCtx
from tests.ui.states import NOW, FakeClock, iso, make_state, write_state
from tests.ui.test_print_screen import desk

FORMS = ("therapist-note", "prescriber-note", "nursing-note", "med-change-log")


def button_state(clock: FakeClock, *, overlay: str | None = None, jobs: list[dict[str, Any]] | None = None,
                 printer_state: str = "idle", message: str = "Ready", can_resume: bool = False) -> dict[str, Any]:
    state = make_state("outage", now=clock.now())
    state["led"]["overlay"] = overlay
    state["printer"] = {"queue": "office", "state": printer_state, "message": message, "can_resume": can_resume,
                        "jobs": jobs or []}
    return state


def packet_jobs(state: str, message: str = "Waiting to print") -> list[dict[str, Any]]:
    return [{"id": str(40 + n), "form": form, "state": state, "message": message, "at": iso(NOW)}
            for n, form in enumerate(FORMS)]


def note_text(root: Any) -> str | None:
    note = root.screens["status"].note
    return note.label.text if note.shown and note.get_root_window() is not None else None


def test_a_button_press_shows_on_the_status_screen_then_goes(kivy_screen: KivyHarness, make_ctx: MakeCtx,
                                                             state_path: Path, clock: FakeClock) -> None:
    old = [{"id": "7", "form": "therapist-note", "state": "completed", "message": "Printed", "at": iso(NOW)}]
    write_state(state_path, button_state(clock, jobs=old))
    root = kivy_screen.mount(make_ctx())
    assert note_text(root) is None  # jobs from before the screen started are old news
    write_state(state_path, button_state(clock, overlay="ack", jobs=old))
    root.tick()
    assert note_text(root) == "Printing…"
    write_state(state_path, button_state(clock, jobs=packet_jobs("queued") + old))
    root.tick()
    assert note_text(root) == "Printing 4 forms…"
    kivy_screen.screenshot("press-printing")
    clock.advance(3)
    write_state(state_path, button_state(clock, jobs=packet_jobs("completed", "Printed") + old))
    root.tick()
    assert note_text(root) == PRINTED
    assert root.current == "status"
    kivy_screen.screenshot("press-printed")
    clock.advance(5)
    write_state(state_path, button_state(clock, jobs=packet_jobs("completed", "Printed") + old))
    root.tick()
    assert note_text(root) == PRINTED  # a few seconds
    clock.advance(4)
    write_state(state_path, button_state(clock, jobs=packet_jobs("completed", "Printed") + old))
    root.tick()
    assert note_text(root) is None


def test_a_button_print_stuck_on_the_printer_offers_resume(kivy_screen: KivyHarness, make_ctx: MakeCtx,
                                                           state_path: Path, clock: FakeClock) -> None:
    write_state(state_path, button_state(clock))
    root = kivy_screen.mount(make_ctx())
    write_state(state_path, button_state(clock, jobs=packet_jobs("queued"), printer_state="stopped",
                                         message="Out of paper", can_resume=True))
    root.tick()
    assert note_text(root) == "Printing 4 forms…"
    write_state(state_path, button_state(clock, jobs=packet_jobs("queued"), printer_state="stopped",
                                         message="Out of paper", can_resume=True))
    root.tick()
    assert note_text(root) == "Not printed yet: Out of paper. It prints after Resume"  # the jobs wait in the queue
    clock.advance(1)
    write_state(state_path, button_state(clock, jobs=packet_jobs("queued", "Out of paper"), printer_state="stopped",
                                         message="Out of paper, add paper", can_resume=True))
    root.tick()
    kivy_screen.frames(2)
    assert note_text(root) == "Not printed yet: Out of paper, add paper. It prints after Resume"
    note = root.screens["status"].note
    assert note.resume.get_root_window() is not None
    kivy_screen.screenshot("press-out-of-paper")


def test_a_press_while_printing_and_a_failed_press(kivy_screen: KivyHarness, make_ctx: MakeCtx,
                                                   state_path: Path, clock: FakeClock) -> None:
    write_state(state_path, button_state(clock))
    root = kivy_screen.mount(make_ctx())
    write_state(state_path, button_state(clock, overlay="busy"))
    root.tick()
    assert note_text(root) == "Already printing — please wait"
    write_state(state_path, button_state(clock, overlay=None))
    root.tick()
    write_state(state_path, button_state(clock, overlay="failed", printer_state="unreachable",
                                         message="The printer cannot be reached"))
    root.tick()
    assert note_text(root) == "Not printed: The printer cannot be reached"


def test_the_screens_own_press_prints_on_cupsd_and_says_so_on_status(
        kivy_screen: KivyHarness, make_ctx: MakeCtx, state_path: Path, cupsd: PrivateCupsd, tmp_path: Path) -> None:
    queue = cupsd.add_capture_queue()
    write_state(state_path, make_state("outage"))
    root = kivy_screen.mount(make_ctx(print_desk=desk(tmp_path, PrintingSettings(printer=queue.name),
                                                      cupsd.server)))
    seen: list[str] = []  # every text the note shows, however briefly (sampling frames could miss one)
    root.screens["status"].note.label.bind(text=lambda _label, text: seen.append(text))
    root.screens["print"].print_packet()  # what the demo's button (and the Print tab's packet button) does
    kivy_screen.wait_until(lambda: note_text(root) == PRINTED, timeout=60,
                           what="the packet's outcome on the Status screen")
    assert seen[0] == "Printing…" and "Printing 4 forms…" in seen, seen
    assert root.current == "status"
    assert len(queue.wait_for_documents(4)) == 4


def test_the_screens_press_on_a_printer_without_paper_offers_resume_that_works(
        kivy_screen: KivyHarness, make_ctx: MakeCtx, state_path: Path, cupsd: PrivateCupsd, tmp_path: Path) -> None:
    queue = cupsd.add_failing_queue()
    state = make_state("outage")
    state["printer"] = {"queue": queue, "state": "stopped", "message": "Out of paper", "can_resume": True, "jobs": []}
    write_state(state_path, state)
    root = kivy_screen.mount(make_ctx(print_desk=desk(tmp_path, PrintingSettings(printer=queue,
                                                                                 job_timeout_seconds=20),
                                                      cupsd.server)))
    root.screens["print"].print_packet()
    kivy_screen.wait_until(lambda: (note_text(root) or "").startswith("Not printed"), timeout=60,
                           what="the out-of-paper outcome on the Status screen")
    note = root.screens["status"].note
    assert note.resume.get_root_window() is not None, note_text(root)
    capture = tmp_path / "paper-added"
    capture.mkdir()
    cupsd.set_device(queue, f"capture:{capture}")  # someone adds paper
    kivy_screen.tap(note.resume)
    kivy_screen.wait_until(lambda: (note_text(root) or "").startswith("Printer:"), timeout=30, what="the resume")
    assert note.words is not None and not note.words.problem, note_text(root)


def test_a_status_page_not_read_is_said_so(kivy_screen: KivyHarness, make_ctx: MakeCtx, state_path: Path) -> None:
    state = make_state("outage")
    state["probes"]["status_page"] = {"ok": False, "http_status": None, "elapsed_ms": 1000,
                                      "error": "http://127.0.0.1:39137/summary.json: timed out"}
    state["probes"]["ehr"] = {"ok": False, "http_status": 503, "elapsed_ms": 20,
                              "error": "http://127.0.0.1:39137/ehr/: HTTP 503"}
    state["headline"] = "ICANotes is down: the EHR is not answering (http://127.0.0.1:39137/ehr/: HTTP 503)."
    write_state(state_path, state)
    root = kivy_screen.mount(make_ctx(), size=(1280, 800))
    kivy_screen.frames(4)
    texts = kivy_screen.texts()
    kivy_screen.screenshot("status-page-not-checked")
    assert NOT_CHECKED in texts
    assert not any("nothing reported" in t or "none planned" in t for t in texts)
    assert root.screens["status"].headline.text == "The EHR does not answer"
    assert not any("127.0.0.1" in t or "HTTP 503" in t for t in texts)
    kivy_screen.tap(root.nav.tabs["info"])
    assert any("HTTP 503" in t for t in kivy_screen.texts())  # the address and code stay on Info

"""The Print screen in the real window against a real private cupsd (or the output folder):
a tap on the therapist note prints it, the copies stepper, the blocking printer's progress,
the out-of-paper printer with Resume, and the packet."""

from pathlib import Path

from kiosk.ui.services import ServicePrintDesk
from print_service.forms.catalogue import FormCatalogue
from print_service.printing import PrintingSettings
from print_service.printing.service import PrintService
from tests.fixtures.cupsd import PrivateCupsd
from tests.fixtures.xvfb import KivyHarness
from tests.ui.conftest import MakeCtx
from tests.ui.states import make_state, write_state

THERAPIST = "Therapist Progress Note"


def desk(tmp_path: Path, settings: PrintingSettings, server: str | None = None) -> ServicePrintDesk:
    return ServicePrintDesk(PrintService(settings, server=server), FormCatalogue(cache_dir=tmp_path / "forms"))


def open_print(kivy: KivyHarness, make_ctx: MakeCtx, state_path: Path, print_desk: ServicePrintDesk,
               printer: dict[str, object] | None = None) -> object:
    state = make_state("outage")
    if printer is not None:
        state["printer"] = printer
    write_state(state_path, state)
    root = kivy.mount(make_ctx(print_desk=print_desk))
    kivy.tap(root.nav.tabs["print"])
    screen = root.screens["print"]
    kivy.wait_until(lambda: THERAPIST in screen.rows.get("therapist-note", screen).button.text
                    if "therapist-note" in screen.rows else False, what="the forms to load")
    return root


def last_job_line(kivy: KivyHarness) -> str:
    lines = [t for t in kivy.texts(kivy.root.screens["print"].job_list) if " — " in t]
    return lines[0] if lines else ""


def test_tap_on_therapist_note_prints_two_copies_on_a_real_cupsd(
        kivy_screen: KivyHarness, make_ctx: MakeCtx, state_path: Path, cupsd: PrivateCupsd, tmp_path: Path) -> None:
    queue = cupsd.add_capture_queue()
    root = open_print(kivy_screen, make_ctx, state_path, desk(tmp_path, PrintingSettings(printer=queue.name),
                                                               cupsd.server))
    row = root.screens["print"].rows["therapist-note"]  # type: ignore[attr-defined]
    kivy_screen.tap(row.more)
    assert row.count.text == "×2"
    kivy_screen.tap(kivy_screen.find(THERAPIST))
    kivy_screen.wait_until(lambda: "Printed" in last_job_line(kivy_screen), timeout=30, what="the job to print")
    assert last_job_line(kivy_screen).endswith(f"{THERAPIST} ×2 — Printed")
    documents = queue.wait_for_documents(1)
    assert documents[0].read_bytes().startswith(b"%PDF")
    assert row.count.text == "×1"  # back to one copy for the next person
    kivy_screen.screenshot("print-printed")


def test_tap_writes_a_file_when_printing_goes_to_a_folder(kivy_screen: KivyHarness, make_ctx: MakeCtx,
                                                          state_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "demo-output"
    root = open_print(kivy_screen, make_ctx, state_path, desk(tmp_path, PrintingSettings(output_dir=out)))
    kivy_screen.tap(kivy_screen.find(THERAPIST))
    kivy_screen.wait_until(lambda: "Saved in demo-output/" in last_job_line(kivy_screen), timeout=30,
                           what="the file")
    files = list(out.glob("*.pdf"))
    assert len(files) == 1 and files[0].name.startswith("therapist-note")
    assert root.current == "print"  # type: ignore[attr-defined]


def test_copies_stepper_stays_between_1_and_10(kivy_screen: KivyHarness, make_ctx: MakeCtx, state_path: Path,
                                               tmp_path: Path) -> None:
    root = open_print(kivy_screen, make_ctx, state_path, desk(tmp_path, PrintingSettings(output_dir=tmp_path)))
    row = root.screens["print"].rows["therapist-note"]  # type: ignore[attr-defined]
    assert row.less.disabled
    for _ in range(12):
        if not row.more.disabled:
            kivy_screen.tap(row.more)
    assert row.count.text == "×10" and row.more.disabled
    kivy_screen.tap(row.less)
    assert row.count.text == "×9"


def test_out_of_paper_shows_plain_words_and_resume(kivy_screen: KivyHarness, make_ctx: MakeCtx, state_path: Path,
                                                   cupsd: PrivateCupsd, tmp_path: Path) -> None:
    queue = cupsd.add_failing_queue()
    printer = {"queue": queue, "state": "stopped", "message": "Out of paper", "can_resume": True, "jobs": []}
    root = open_print(kivy_screen, make_ctx, state_path,
                      desk(tmp_path, PrintingSettings(printer=queue, job_timeout_seconds=20), cupsd.server), printer)
    screen = root.screens["print"]  # type: ignore[attr-defined]
    kivy_screen.tap(kivy_screen.find(THERAPIST))
    kivy_screen.wait_until(lambda: "WAITING" in last_job_line(kivy_screen) or "FAILED" in last_job_line(kivy_screen),
                           timeout=30, what="the out-of-paper outcome")
    assert "WAITING:" in last_job_line(kivy_screen), last_job_line(kivy_screen)
    assert screen.printer.text == "Printer: Out of paper"
    assert screen.resume.get_root_window() is not None
    kivy_screen.screenshot("print-out-of-paper")
    capture = tmp_path / "paper-added"
    capture.mkdir()
    cupsd.set_device(queue, f"capture:{capture}")  # someone adds paper
    kivy_screen.tap(screen.resume)
    kivy_screen.wait_until(lambda: "Resume printer" in last_job_line(kivy_screen)
                           and "sending" not in last_job_line(kivy_screen), timeout=30, what="the resume")
    assert "FAILED" not in last_job_line(kivy_screen), last_job_line(kivy_screen)


def test_print_packet_prints_every_form_of_the_packet(kivy_screen: KivyHarness, make_ctx: MakeCtx,
                                                      state_path: Path, cupsd: PrivateCupsd, tmp_path: Path) -> None:
    queue = cupsd.add_capture_queue()
    root = open_print(kivy_screen, make_ctx, state_path, desk(tmp_path, PrintingSettings(printer=queue.name),
                                                               cupsd.server))
    kivy_screen.tap(root.screens["print"].packet)  # type: ignore[attr-defined]
    kivy_screen.wait_until(lambda: "Printed" in last_job_line(kivy_screen), timeout=60, what="the packet")
    assert "Downtime packet — Printed (4 forms)" in last_job_line(kivy_screen)
    assert len(queue.wait_for_documents(4)) == 4


def test_jobs_from_the_button_appear_with_their_result(kivy_screen: KivyHarness, make_ctx: MakeCtx,
                                                       state_path: Path, tmp_path: Path) -> None:
    printer = {"queue": "office", "state": "idle", "message": "Ready", "can_resume": False, "jobs": [
        {"id": "12", "form": "therapist-note", "state": "failed", "message": "Paper jam",
         "at": "2026-11-25T14:20:00+00:00"}]}
    open_print(kivy_screen, make_ctx, state_path, desk(tmp_path, PrintingSettings(output_dir=tmp_path)), printer)
    assert any("therapist-note (button) — FAILED: Paper jam" in t for t in kivy_screen.texts())


def test_a_slow_printer_never_blocks_the_screen(kivy_screen: KivyHarness, make_ctx: MakeCtx, state_path: Path,
                                                cupsd: PrivateCupsd, tmp_path: Path) -> None:
    queue, flag = cupsd.add_blocking_queue()
    root = open_print(kivy_screen, make_ctx, state_path, desk(tmp_path, PrintingSettings(printer=queue), cupsd.server))
    kivy_screen.tap(kivy_screen.find(THERAPIST))
    kivy_screen.wait_until(lambda: "printing…" in last_job_line(kivy_screen), timeout=30, what="the job to start")
    # the job is still printing; the screen keeps working: switching screens and ticking are immediate
    kivy_screen.tap(root.nav.tabs["info"])  # type: ignore[attr-defined]
    assert root.current == "info"  # type: ignore[attr-defined]
    kivy_screen.tap(root.nav.tabs["print"])  # type: ignore[attr-defined]
    assert "printing…" in last_job_line(kivy_screen)
    flag.touch()
    kivy_screen.wait_until(lambda: "Printed" in last_job_line(kivy_screen), timeout=30, what="the job to finish")

"""The render cache: a press gets the file already drawn; anything the form depends on draws afresh."""

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from print_service.errors import PrintServiceError, UnknownNameError
from print_service.forms import Paper, PracticeSettings, ProcedureLinks
from print_service.forms.catalogue import FormCatalogue
from tests.forms.pdfs import page_texts

RIVERBEND = PracticeSettings(name="Riverbend Behavioral Health")


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_ino, stat.st_mtime_ns


def test_second_press_returns_the_same_file_without_drawing(tmp_path: Path) -> None:
    catalogue = FormCatalogue(RIVERBEND, cache_dir=tmp_path)
    first = catalogue.pdf("therapist-note")
    stamp = _stamp(first)
    assert catalogue.render_count == 1
    for _ in range(3):
        assert catalogue.pdf("therapist-note") == first
    assert catalogue.render_count == 1
    assert _stamp(first) == stamp
    assert catalogue.render("therapist-note") == first.read_bytes()
    assert catalogue.render_count == 1


def test_a_new_process_finds_the_forms_already_drawn(tmp_path: Path) -> None:
    FormCatalogue(RIVERBEND, cache_dir=tmp_path).warm()
    files = {p: _stamp(p) for p in tmp_path.glob("*.pdf")}
    assert len(files) == 6
    again = FormCatalogue(RIVERBEND, cache_dir=tmp_path)
    again.warm()
    assert again.render_count == 0
    assert {p: _stamp(p) for p in tmp_path.glob("*.pdf")} == files


@pytest.mark.parametrize("change", ["practice name", "paper", "support phone", "status page"])
def test_what_a_form_depends_on_is_in_its_key(tmp_path: Path, change: str) -> None:
    form_id = "therapist-note" if change in ("practice name", "paper") else "procedure-card"
    before = FormCatalogue(RIVERBEND, cache_dir=tmp_path).pdf(form_id)
    practice, links = RIVERBEND, ProcedureLinks()
    paper: Paper = "letter"
    if change == "practice name":
        practice = PracticeSettings(name="Hillside Counseling")
    elif change == "support phone":
        practice = PracticeSettings(name=RIVERBEND.name, vendor_support_phone="800-555-0100")
    elif change == "paper":
        paper = "a4"
    else:
        links = ProcedureLinks(status_page_url="https://status.example.org")
    catalogue = FormCatalogue(practice, cache_dir=tmp_path, paper=paper, links=links)
    after = catalogue.pdf(form_id)
    assert after != before and catalogue.render_count == 1
    assert not before.exists()  # the outdated version is removed, never printed again
    assert [p.name for p in tmp_path.glob(f"{form_id}-*.pdf")] == [after.name]


def test_other_forms_are_left_alone_when_one_is_redrawn(tmp_path: Path) -> None:
    FormCatalogue(RIVERBEND, cache_dir=tmp_path).warm()
    FormCatalogue(PracticeSettings(name="Other"), cache_dir=tmp_path).pdf("downtime-log")
    assert len(list(tmp_path.glob("*.pdf"))) == 6
    assert "Other" in page_texts(next(tmp_path.glob("downtime-log-*.pdf")))[0]


def test_unknown_form_is_an_unknown_name(tmp_path: Path) -> None:
    catalogue = FormCatalogue(cache_dir=tmp_path)
    with pytest.raises(UnknownNameError, match=r"'no-such-form'.*therapist-note"):
        catalogue.pdf("no-such-form")
    assert UnknownNameError.exit_code == 64


def test_an_unwritable_cache_is_one_clear_error_and_render_still_works(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    catalogue = FormCatalogue(RIVERBEND, cache_dir=blocker / "forms")
    with pytest.raises(PrintServiceError, match="cannot write the form cache"):
        catalogue.pdf("nursing-note")
    assert "Nursing Progress Note" in page_texts(catalogue.render("nursing-note"))[0]


def test_simultaneous_presses_draw_once(tmp_path: Path) -> None:
    catalogue = FormCatalogue(RIVERBEND, cache_dir=tmp_path)
    start = threading.Barrier(6)

    def press() -> Path:
        start.wait(timeout=10)
        return catalogue.pdf("prescriber-note")

    with ThreadPoolExecutor(max_workers=6) as pool:
        paths = list(pool.map(lambda _: press(), range(6)))
    assert len(set(paths)) == 1 and catalogue.render_count == 1

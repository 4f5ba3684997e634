"""Pre-filled progress notes for the schedule's packet: the visit's details on every page, in memory only."""

import os
import subprocess
from datetime import date, time
from pathlib import Path

import pytest

from print_service.errors import UnknownNameError
from print_service.forms import FormsSettings, PracticeSettings, Prefill
from print_service.forms.catalogue import FormCatalogue
from print_service.forms.custom import inspect_custom_pdf
from tests.forms.pdfs import WORD, make_pdf, page_texts

VISIT = Prefill("Doe, Jane", date(2026, 11, 26), time(14, 30), "Dr. Ada Smith, MD", date(1980, 2, 3))


def _all_files(root: Path) -> set[Path]:
    return {Path(d) / f for d, _, files in os.walk(root) for f in files}


@pytest.mark.parametrize("form_id", ["therapist-note", "prescriber-note", "nursing-note"])
def test_note_carries_patient_date_time_and_provider(tmp_path: Path, form_id: str) -> None:
    catalogue = FormCatalogue(PracticeSettings(name="Riverbend"), cache_dir=tmp_path / "cache")
    data = catalogue.render_prefilled(form_id, VISIT)
    texts = page_texts(data)
    assert len(texts) >= 2
    for text in texts:  # both identifiers and the date of service on every page
        assert "Doe, Jane" in text and "02/03/1980" in text and "11/26/2026" in text
    assert "2:30 PM" in texts[0] and "Dr. Ada Smith, MD" in texts[0]
    assert _all_files(tmp_path) == set()  # nothing written anywhere, not even the cache


def test_prefill_without_optional_values_leaves_boxes_blank(tmp_path: Path) -> None:
    catalogue = FormCatalogue(cache_dir=tmp_path)
    text = page_texts(catalogue.render_prefilled("therapist-note", Prefill("Roe, Sam", date(2026, 1, 5))))[0]
    assert "Roe, Sam" in text and "01/05/2026" in text and " PM" not in text and " AM" not in text


def test_blank_cache_is_unaffected_by_a_prefill(tmp_path: Path) -> None:
    catalogue = FormCatalogue(cache_dir=tmp_path)
    blank = catalogue.pdf("therapist-note").read_bytes()
    catalogue.render_prefilled("therapist-note", VISIT)
    assert catalogue.pdf("therapist-note").read_bytes() == blank
    assert "Doe, Jane" not in " ".join(page_texts(blank))


@pytest.mark.parametrize("form_id", ["med-change-log", "downtime-log", "procedure-card"])
def test_only_progress_notes_can_be_prefilled(tmp_path: Path, form_id: str) -> None:
    with pytest.raises(UnknownNameError, match="only progress notes"):
        FormCatalogue(cache_dir=tmp_path).render_prefilled(form_id, VISIT)


def test_a_custom_note_comes_back_as_the_practice_made_it(tmp_path: Path) -> None:
    ours = make_pdf(tmp_path / "ours.pdf", "our note")
    forms = FormsSettings(custom=(inspect_custom_pdf("therapist-note", ours),))
    catalogue = FormCatalogue(cache_dir=tmp_path / "cache", forms=forms)
    assert catalogue.render_prefilled("therapist-note", VISIT) == ours.read_bytes()


def test_prefill_never_shows_the_patient_in_reprs() -> None:
    assert "Doe" not in repr(VISIT) and "Doe" not in str(VISIT)


def test_a_long_name_shrinks_to_fit_its_box(tmp_path: Path) -> None:
    name = "Montgomery-Vanderbilt-Fitzgerald, Alexandra Elisabeth Josephine Maria"
    data = FormCatalogue(cache_dir=tmp_path).render_prefilled("therapist-note", Prefill(name, date(2026, 1, 5)))
    pdf = tmp_path / "prefilled-test-output.pdf"  # a test's fake patient: fine to write for pdftotext
    pdf.write_bytes(data)
    html = subprocess.run(["pdftotext", "-bbox", "-l", "1", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    words = {m[4]: float(m[2]) for m in WORD.findall(html)}
    assert "Maria" in words
    assert words["Maria"] < words["birth"] - 40  # ends inside the name box, left of "Date of birth"


def test_can_prefill_names_the_progress_notes(tmp_path: Path) -> None:
    catalogue = FormCatalogue(cache_dir=tmp_path)
    assert [f for f in catalogue.ids() if catalogue.can_prefill(f)] == [
        "therapist-note", "prescriber-note", "nursing-note"]
    with pytest.raises(UnknownNameError):
        catalogue.can_prefill("intake")

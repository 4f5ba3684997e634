"""The catalogue's public API that printing and the schedule build on."""

from datetime import date, time
from pathlib import Path

import pytest
from pypdf import PdfReader

from print_service.errors import UnknownNameError
from print_service.forms import FormCatalogue, PracticeSettings, Prefill


def _text(data_or_path: bytes | Path) -> str:
    import io

    source = io.BytesIO(data_or_path) if isinstance(data_or_path, bytes) else data_or_path
    return "\n".join(page.extract_text() for page in PdfReader(source).pages)


def test_pdf_is_cached_and_rendered_once(tmp_path: Path) -> None:
    catalogue = FormCatalogue(PracticeSettings(name="Riverbend Behavioral Health"), cache_dir=tmp_path)
    first = catalogue.pdf("therapist-note")
    stamp = first.stat().st_mtime_ns, first.stat().st_ino
    second = catalogue.pdf("therapist-note")
    assert second == first
    assert (second.stat().st_mtime_ns, second.stat().st_ino) == stamp
    assert catalogue.render_count == 1
    assert "Therapist Progress Note" in _text(first)


def test_unknown_form_is_a_usage_error(tmp_path: Path) -> None:
    catalogue = FormCatalogue(cache_dir=tmp_path)
    with pytest.raises(UnknownNameError, match="'no-such-form'"):
        catalogue.pdf("no-such-form")


def test_prefilled_note_carries_the_visit_and_touches_no_disk(tmp_path: Path) -> None:
    catalogue = FormCatalogue(PracticeSettings(name="Riverbend"), cache_dir=tmp_path / "cache")
    data = catalogue.render_prefilled(
        "therapist-note", Prefill("Doe, Jane", date(2026, 11, 26), time(14, 30), "Dr. Ada Smith"))
    text = _text(data)
    assert text.count("Doe, Jane") == len(PdfReader(__import__("io").BytesIO(data)).pages)
    assert "11/26/2026" in text and "2:30 PM" in text and "Dr. Ada Smith" in text
    assert not (tmp_path / "cache").exists()

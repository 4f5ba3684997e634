"""What people see: every word inside the printable area, boxes wide enough for their labels, and
every page rendered to PNG, pure black-and-white-and-grey (look at them: docs/forms/*.png)."""

import os
import re
import subprocess
from pathlib import Path
from typing import cast

import pytest
from PIL import Image

from print_service.forms import Paper, PracticeSettings
from print_service.forms.blocks import Fields
from print_service.forms.builtin import BUILTIN_IDS, builtin_definitions
from print_service.forms.catalogue import FormCatalogue
from print_service.forms.render.pages import MARGIN
from print_service.forms.render.text import text_width
from print_service.forms.settings import ProcedureLinks
from tests.forms.pdfs import WORD

PRACTICE = PracticeSettings(name="Riverbend Behavioral Health", it_contact="Sam Lee, 555-0142")
DOCS = Path(__file__).resolve().parents[2] / "docs" / "forms"
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')


@pytest.mark.parametrize("paper", ["letter", "a4"])
@pytest.mark.parametrize("form_id", BUILTIN_IDS)
def test_every_word_is_inside_the_margins(tmp_path: Path, form_id: str, paper: Paper) -> None:
    pdf = FormCatalogue(PRACTICE, cache_dir=tmp_path, paper=paper).pdf(form_id)
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    pages = html.split("<page ")[1:]
    assert pages
    for page in pages:
        size = PAGE.match("<page " + page)
        assert size is not None
        width, height = float(size.group(1)), float(size.group(2))
        words = WORD.findall(page)
        assert words
        outside = [w[4] for w in words
                   if float(w[0]) < MARGIN - 1 or float(w[2]) > width - MARGIN + 1
                   or float(w[1]) < MARGIN - 20 or float(w[3]) > height - 12]
        assert outside == []


@pytest.mark.parametrize("form_id", BUILTIN_IDS)
def test_every_box_is_wider_than_its_label(form_id: str) -> None:
    definition = builtin_definitions(PRACTICE, ProcedureLinks())[form_id]
    content = 595 - 2 * MARGIN  # A4 portrait, the narrowest page
    for block in (*definition.every_page, *definition.blocks, *definition.sign_off):
        if isinstance(block, Fields):
            total = sum(f.weight for f in block.fields)
            for field in block.fields:
                assert text_width(field.label, 7) + 6 < content * field.weight / total, field.label


@pytest.mark.parametrize("form_id", BUILTIN_IDS)
def test_no_table_header_breaks_a_word(form_id: str) -> None:
    from print_service.forms.blocks import Table
    from print_service.forms.render.blocks import LABEL

    definition = builtin_definitions(PRACTICE, ProcedureLinks())[form_id]
    content = (792 if definition.landscape else 595) - 2 * MARGIN  # the narrower of letter and A4
    for block in definition.blocks:
        if isinstance(block, Table):
            total = sum(c.weight for c in block.columns)
            for column in block.columns:
                room = content * column.weight / total - 5
                for word in column.label.split():
                    assert text_width(word, LABEL, bold=True) <= room, (form_id, column.label, word)


def _png_dir(tmp_path: Path) -> Path:
    # FORMS_PNG_DIR=docs/forms refreshes the pictures in the docs from this test
    return Path(os.environ.get("FORMS_PNG_DIR", tmp_path))


@pytest.mark.parametrize("form_id", BUILTIN_IDS)
def test_pages_render_to_clean_black_and_white_pictures(tmp_path: Path, form_id: str) -> None:
    pdf = FormCatalogue(PRACTICE, cache_dir=tmp_path).pdf(form_id)
    out = _png_dir(tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-gray", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(out / form_id)], check=True)
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(tmp_path / f"{form_id}-colour")], check=True)
    picture = out / f"{form_id}.png"
    assert picture.stat().st_size < 300_000
    for page in sorted(tmp_path.glob(f"{form_id}-colour*.png")):
        with Image.open(page) as image:
            rgb = image.convert("RGB")
            colours = cast(list[tuple[int, tuple[int, int, int]]], rgb.getcolors(maxcolors=1 << 16) or [])
            assert all(r == g == b for _, (r, g, b) in colours), "only black, white and grey"
            dark = sum(n for n, (r, _, _) in colours if r < 128)
            assert 0.005 < dark / (rgb.width * rgb.height) < 0.25, "neither blank nor a block of ink"


def test_the_docs_show_every_form() -> None:
    for form_id in BUILTIN_IDS:
        picture = DOCS / f"{form_id}.png"
        assert picture.is_file(), picture
        assert picture.stat().st_size < 300_000


def test_a_long_address_wraps_inside_the_card(tmp_path: Path) -> None:
    long_url = "https://status.example.org/" + "very-long-path-" * 12
    links = ProcedureLinks(status_page_url=long_url)
    pdf = FormCatalogue(PRACTICE, cache_dir=tmp_path, links=links).pdf("procedure-card")
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    right_edges = [float(w[2]) for w in WORD.findall(html)]
    assert max(right_edges) <= 612 - MARGIN + 1
    assert "very-long-path-" in html


def test_a_long_practice_name_shrinks_to_stay_clear_of_the_page_number(tmp_path: Path) -> None:
    name = "The Riverbend Center for Behavioral Health, Counseling and Psychiatric Services of the Valley"
    pdf = FormCatalogue(PracticeSettings(name=name), cache_dir=tmp_path, paper="a4").pdf("therapist-note")
    html = subprocess.run(["pdftotext", "-bbox", "-l", "1", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    words = WORD.findall(html)
    page_word = next(w for w in words if w[4] == "Page")
    last_word = next(w for w in words if w[4] == "Valley")
    assert abs(float(last_word[1]) - float(page_word[1])) < 3  # on the header line, not wrapped
    assert float(last_word[2]) < float(page_word[0]) - 5

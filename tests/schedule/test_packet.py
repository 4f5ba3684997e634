"""The pre-filled packet: one progress note per appointment, the kind from the provider's role."""

import subprocess
from pathlib import Path

from print_service.forms.catalogue import FormCatalogue
from print_service.schedule.packet import form_for, packet_pages
from tests.fixtures.calendars import NEW_YORK
from tests.schedule.test_render import sample_day

ROLES = {"Dr. Zephyr Quill": "therapist", "Dr. Mirabel Nonesuch": "prescriber", "Nurse  Orla Sample": "nurse"}


def _text(document: bytes, tmp_path: Path) -> str:
    path = tmp_path / "note.pdf"
    path.write_bytes(document)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def test_role_decides_the_note() -> None:
    assert form_for("Dr. Mirabel Nonesuch", ROLES) == "prescriber-note"
    assert form_for("nurse orla  sample", ROLES) == "nursing-note"
    assert form_for("Dr. Unknown Someone", ROLES) == "therapist-note"


def test_one_prefilled_note_per_timed_appointment(tmp_path: Path) -> None:
    catalogue = FormCatalogue(cache_dir=tmp_path / "forms")
    pages = packet_pages(sample_day(), ROLES, catalogue, NEW_YORK)
    assert [p.form_id for p in pages] == ["therapist-note", "nursing-note", "therapist-note", "prescriber-note"]
    assert "Ada Placeholder" not in repr(pages)
    first = _text(pages[0].document, tmp_path)
    assert "Ada Placeholder" in first
    assert "11/02/2026" in first and "9:00 AM" in first
    assert "Dr. Zephyr Quill" in first
    nurse = _text(pages[1].document, tmp_path)
    assert "Cleo Madeup" in nurse and "9:30 AM" in nurse
    assert not any((tmp_path / "forms").rglob("*Placeholder*"))
    for cached in (tmp_path / "forms").rglob("*"):
        if cached.is_file():
            assert b"Ada Placeholder" not in cached.read_bytes()

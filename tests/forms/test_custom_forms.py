"""`[forms]`: the practice's own PDFs replace a built-in form or add a new one, and a file that cannot
serve is a configuration error (exit 78, one line naming the key and the file) before the press: a missing,
unreadable or non-PDF file at every load, a broken or locked PDF when `config check` or `forms` opens it."""

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.config import parse_config
from kiosk.config.sections.forms import open_custom_forms
from kiosk.errors import ConfigError
from kiosk.wiring import catalogue_from_config
from print_service.errors import PrintServiceError
from tests.conftest import RunCli
from tests.forms.pdfs import encrypted_pdf, make_pdf, page_texts

WriteConfig = Callable[..., Path]


def test_custom_form_replaces_a_builtin_and_a_new_id_is_added(
        tmp_path: Path, write_config: WriteConfig, run_cli: RunCli) -> None:
    ours = make_pdf(tmp_path / "therapist.pdf", "Riverbend own therapist note", pages=3)
    intake = make_pdf(tmp_path / "intake.pdf", "Riverbend intake", title="Intake Questionnaire")
    consent = make_pdf(tmp_path / "consent.pdf", "Telehealth consent")
    config = write_config(
        f'[forms]\ntherapist-note = "{ours}"\nintake = "{intake}"\n'
        f'telehealth-consent = {{ path = "{consent}", title = "Telehealth Consent" }}\n')

    listed = run_cli("--config", config, "forms", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    entries = {e["id"]: e for e in json.loads(listed.stdout)}
    assert entries["therapist-note"] == {"id": "therapist-note", "title": "Therapist Progress Note",
                                         "pages": 3, "source": "custom"}
    assert entries["intake"] == {"id": "intake", "title": "Intake Questionnaire", "pages": 1, "source": "custom"}
    assert entries["telehealth-consent"]["title"] == "Telehealth Consent"
    assert entries["prescriber-note"]["source"] == "builtin"
    assert list(entries)[-2:] == ["intake", "telehealth-consent"]

    out = tmp_path / "out.pdf"
    rendered = run_cli("--config", config, "forms", "render", "therapist-note", "-o", out)
    assert rendered.returncode == 0, rendered.stderr
    assert out.read_bytes() == ours.read_bytes()
    assert "Riverbend own therapist note page 3" in page_texts(out)[2]


def _bad_config(tmp_path: Path, write_config: WriteConfig, target: Path) -> Path:
    return write_config(f'[forms]\ntherapist-note = "{target}"\n')


@pytest.mark.parametrize("case, reason", [
    ("missing", "file not found"),
    ("folder", "is a folder"),
    ("text", "not a PDF file"),
    ("truncated", "not a readable PDF"),
    ("encrypted", "password-protected"),
    ("unreadable", "cannot be read"),
])
def test_a_custom_form_that_cannot_serve_is_a_config_error(
        tmp_path: Path, write_config: WriteConfig, run_cli: RunCli, case: str, reason: str) -> None:
    targets = {
        "missing": tmp_path / "nowhere.pdf",
        "folder": tmp_path,
        "text": tmp_path / "notes.pdf",
        "truncated": tmp_path / "broken.pdf",
        "encrypted": tmp_path / "locked.pdf",
        "unreadable": Path("/proc/self/mem"),  # fails to read with EIO even for root
    }
    (tmp_path / "notes.pdf").write_text("this is a text file, not a form\n")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n")
    encrypted_pdf(tmp_path / "locked.pdf")
    config = _bad_config(tmp_path, write_config, targets[case])

    for args in (("config", "check"), ("forms", "list"), ("forms", "render", "therapist-note", "-o", "x.pdf")):
        result = run_cli("--config", config, *args)
        assert result.returncode == 78
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert "forms.therapist-note" in lines[0] and str(targets[case]) in lines[0]
        assert reason in lines[0]
        assert "Traceback" not in result.stderr


@pytest.mark.parametrize("text, expected", [
    ('[forms]\n"Bad_Id" = "/x.pdf"\n', "forms.Bad_Id: expected a form id"),
    ('[forms]\nintake = "relative/intake.pdf"\n', "forms.intake: expected an absolute path"),
    ('[forms]\nintake = 3\n', "forms.intake: expected an absolute path"),
    ('[forms]\nintake = { title = "Intake" }\n', "forms.intake.path: expected an absolute path"),
    ('[forms]\nintake = { path = "/x.pdf", colour = "red" }\n', "forms.intake.colour: unknown key"),
    ('[practice]\nvendor_support_phone = ""\n', "practice.vendor_support_phone: expected a non-empty string"),
    ('[practice]\nphone = "1"\n', "practice.phone: unknown key"),
    ('[practice]\nname = "\u5065\u5eb7 Clinic"\n', "practice.name: expected text in Western European letters"),
    ('[practice]\nit_contact = """Sam\nLee"""\n', "practice.it_contact: expected a single line of text"),
])
def test_bad_forms_and_practice_keys_are_one_line_errors(
        write_config: WriteConfig, run_cli: RunCli, text: str, expected: str) -> None:
    result = run_cli("--config", write_config(text), "config", "check")
    assert result.returncode == 78
    assert expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_loading_checks_the_file_but_opens_it_only_when_used(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n" + b" " * 64)
    (tmp_path / "notes.pdf").write_text("this is a text file, not a form\n" * 4)
    paths = {"state_dir": f"{tmp_path}/state", "runtime_dir": f"{tmp_path}/run"}
    config = parse_config({"forms": {"therapist-note": str(broken)}, "paths": paths}, "config.toml")
    with pytest.raises(ConfigError, match=r"forms\.therapist-note: .*broken\.pdf: not a readable PDF"):
        open_custom_forms(config)
    catalogue = catalogue_from_config(config)
    with pytest.raises(PrintServiceError, match="therapist-note"):
        catalogue.entry("therapist-note")
    with pytest.raises(ConfigError, match="not a PDF file"):
        parse_config({"forms": {"therapist-note": str(tmp_path / "notes.pdf")}}, "config.toml")

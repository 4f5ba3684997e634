"""`downtime-kiosk forms list [--json]` and `forms render ID -o FILE.pdf`."""

import json
from collections.abc import Callable
from pathlib import Path

from tests.conftest import RunCli
from tests.forms.pdfs import LETTER_SIZE, page_sizes, page_texts

WriteConfig = Callable[..., Path]
PRACTICE = '[practice]\nname = "Riverbend Behavioral Health"\nit_contact = "Sam Lee 555-0142"\n'


def test_list_shows_id_title_pages_and_source(write_config: WriteConfig, run_cli: RunCli) -> None:
    result = run_cli("--config", write_config(PRACTICE), "forms", "list")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ID", "TITLE", "PAGES", "SOURCE"]
    assert [line.split()[0] for line in lines[1:]] == [
        "therapist-note", "prescriber-note", "nursing-note", "med-change-log", "downtime-log", "procedure-card"]
    assert "What to do when ICANotes is down" in result.stdout
    assert all(line.split()[-1] == "builtin" for line in lines[1:])


def test_list_json_matches_what_render_produces(tmp_path: Path, write_config: WriteConfig,
                                                run_cli: RunCli) -> None:
    config = write_config(PRACTICE)
    entries = json.loads(run_cli("--config", config, "forms", "list", "--json").stdout)
    assert {tuple(e) for e in entries} == {("id", "title", "pages", "source")}
    for entry in entries:
        out = tmp_path / f"{entry['id']}.pdf"
        result = run_cli("--config", config, "forms", "render", entry["id"], "-o", out)
        assert result.returncode == 0, result.stderr
        texts = page_texts(out)
        assert len(texts) == entry["pages"]
        assert entry["title"] in texts[0] and "Riverbend Behavioral Health" in texts[0]
        assert page_sizes(out)[0] == LETTER_SIZE


def test_render_unknown_id_is_one_line_exit_64(tmp_path: Path, write_config: WriteConfig,
                                               run_cli: RunCli) -> None:
    out = tmp_path / "x.pdf"
    result = run_cli("--config", write_config(), "forms", "render", "intake", "-o", out)
    assert result.returncode == 64
    assert result.stderr.count("\n") == 1 and "unknown form 'intake'" in result.stderr
    assert not out.exists()


def test_render_to_a_place_that_cannot_be_written_is_one_line_exit_1(
        tmp_path: Path, write_config: WriteConfig, run_cli: RunCli) -> None:
    (tmp_path / "file").write_text("")
    result = run_cli("--config", write_config(), "forms", "render", "procedure-card", "-o", tmp_path / "file" / "x.pdf")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "cannot write" in result.stderr


def test_render_works_without_a_writable_state_folder(tmp_path: Path, write_config: WriteConfig,
                                                      run_cli: RunCli) -> None:
    (tmp_path / "state").write_text("")  # state_dir is a file: the cache cannot be used, render still works
    out = tmp_path / "card.pdf"
    result = run_cli("--config", write_config(), "forms", "render", "procedure-card", "-o", out)
    assert result.returncode == 0, result.stderr
    assert "What to do when ICANotes is down" in page_texts(out)[0]


def test_the_card_prints_the_configured_status_addresses_and_contacts(
        tmp_path: Path, write_config: WriteConfig, run_cli: RunCli) -> None:
    config = write_config(
        PRACTICE + '\n[status]\npage_url = "https://status.example.org/icanotes"\n'
        'upload_url = "https://upload.example.org"\nehr_url = ""\n')
    out = tmp_path / "card.pdf"
    assert run_cli("--config", config, "forms", "render", "procedure-card", "-o", out).returncode == 0
    text = " ".join(page_texts(out))
    assert "https://status.example.org/icanotes" in text and "https://upload.example.org" in text
    assert "443-569-8778" in text and "Sam Lee 555-0142" in text
    assert "Riverbend Behavioral Health" in text


def test_forms_render_leaves_the_daemons_cache_alone(tmp_path: Path, write_config: WriteConfig,
                                                       run_cli: RunCli) -> None:
    config = write_config()
    out = tmp_path / "note.pdf"
    assert run_cli("--config", config, "forms", "render", "nursing-note", "-o", out).returncode == 0
    assert list((tmp_path / "state" / "forms").glob("*.pdf")) == []  # no root-owned files for the daemon to trip on

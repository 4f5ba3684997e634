"""`printing.paper` reaches the forms through the configuration: A4 when asked, Letter by default."""

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import RunCli
from tests.forms.pdfs import A4_SIZE, LETTER_SIZE, page_sizes

WriteConfig = Callable[..., Path]


@pytest.mark.parametrize("printing, size", [
    ('[printing]\npaper = "a4"\n', A4_SIZE),
    ('[printing]\npaper = "letter"\n', LETTER_SIZE),
    ("", LETTER_SIZE),
])
def test_forms_follow_printing_paper(tmp_path: Path, write_config: WriteConfig, run_cli: RunCli,
                                     printing: str, size: tuple[int, int]) -> None:
    config = write_config(printing)
    for form_id in ("therapist-note", "downtime-log", "procedure-card"):
        out = tmp_path / f"{form_id}.pdf"
        result = run_cli("--config", config, "forms", "render", form_id, "-o", out)
        assert result.returncode == 0, result.stderr
        assert set(page_sizes(out)) == {size}

"""The soak bench still runs (a few hundred cycles; the real figures come from bench/status_soak.py)."""

import pytest

from bench import status_soak


def test_soak_runs_and_reports(capsys: pytest.CaptureFixture[str]) -> None:
    assert status_soak.main(["--cycles", "150", "--baseline", "3"]) == 0
    out = capsys.readouterr().out
    assert "150 poll cycles in" in out
    assert "memory growth after warm-up" in out and "open file descriptors" in out
    assert "RESULT: within targets" in out

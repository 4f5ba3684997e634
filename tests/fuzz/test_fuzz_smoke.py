"""The bounded fuzz run (bench/fuzz.py) in a short budget: 0 tracebacks, 0 hangs, 0 canary hits, RSS in bounds.

The full run (about four minutes) is `.venv/bin/python -m bench.fuzz`; this one gives each target
three seconds, enough to reach every reader's error paths with the fixed seed.
"""

import pytest

from bench.fuzz import Tally, fuzz, main, mutate


@pytest.mark.slow
def test_a_short_fuzz_run_meets_the_goals(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--seconds-per-target", "3", "--seed", "11"]) == 0
    out = capsys.readouterr().out
    assert "0 tracebacks, 0 hangs, 0 canary hits" in out
    for target in ("config", "ics", "csv", "pdf", "status-json"):
        assert target in out


def test_the_fuzzer_counts_what_escapes() -> None:
    import random

    def fragile(data: bytes) -> str | None:
        if b"\x00" in data:
            raise KeyError("boom")
        return "Canarius Phitestova" if b"," in data else None

    tally: Tally = fuzz("probe", b"a,b\nc,d\n", fragile, check_canary=True, seconds=0.5, rng=random.Random(1))
    assert tally.tried > 10 and tally.tracebacks.get("KeyError", 0) > 0 and tally.canary_hits > 0
    assert mutate(b"seed", random.Random(2)) != b"seed"

"""The bounded fuzz run (bench/fuzz.py) in a short budget: 0 tracebacks, 0 hangs, 0 canary hits, RSS in bounds.

The full run (about four minutes) is `.venv/bin/python -m bench.fuzz`; this one gives each target
three seconds, enough to reach every reader's error paths with the fixed seed.
"""

import subprocess
import sys

import pytest

from bench.fuzz import Tally, fuzz, mutate
from tests.conftest import REPO, cli_env


@pytest.mark.slow
def test_a_short_fuzz_run_meets_the_goals() -> None:
    # a process of its own: its peak RSS is the fuzz run's, not this test session's
    result = subprocess.run([sys.executable, "-m", "bench.fuzz", "--seconds-per-target", "3", "--seed", "11"],
                            capture_output=True, text=True, env=cli_env(), cwd=REPO, timeout=240, check=False)
    out = result.stdout
    assert result.returncode == 0, out + result.stderr[-2000:]
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

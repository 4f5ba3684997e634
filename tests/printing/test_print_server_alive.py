"""The private-cupsd fixture notices a print server that a test killed, and names that test."""

import pytest

from tests.conftest import REPO

INNER_TESTS = '''
import os
import signal


def test_that_crashes_cupsd(cupsd):
    os.kill(cupsd.pid, signal.SIGSEGV)


def test_that_runs_after(cupsd):
    assert cupsd.death() is None
'''


def test_a_test_that_kills_cupsd_fails_by_name_and_the_next_one_gets_a_live_cupsd(
        pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONPATH", str(REPO))
    pytester.makepyfile(test_inner=INNER_TESTS)
    result = pytester.runpytest_subprocess("-p", "tests.fixtures.cupsd", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines([
        "*ERROR at teardown of test_that_crashes_cupsd*",
        "*test_inner.py::test_that_crashes_cupsd killed the private print server: cupsd (pid *) killed by signal 11*",
    ])

"""Hangs and crashes on the booted box (stage 1): a stopped (hung) watch daemon stops pinging systemd's watchdog
and is restarted; the screen killed with SIGSEGV comes back."""

import re

import pytest

from tests.appliance.boot.conftest import FirstBooted
from tests.appliance.boot.machine import Boot

pytestmark = [pytest.mark.boot, pytest.mark.timeout(3600)]


def restart(boot: Boot, unit: str) -> tuple[int, int]:
    """Seconds until `unit` had a new main process, and its restart count; fails when it never came back."""
    found = boot.wait_for(rf"^(not-)?restarted {re.escape(unit)}(?: after (\d+)s restarts=(\d+))?", 0)
    assert found.group(1) is None, found.group(0)
    return int(found.group(2)), int(found.group(3))


def test_a_hung_daemon_is_restarted_by_the_watchdog(first_booted: FirstBooted) -> None:
    boot = first_booted.stage.last
    seconds, restarts = restart(boot, "downtime-kiosk-watch.service")
    assert 20 <= seconds <= 150 and restarts >= 1
    assert int(boot.value("watchdog-log")) >= 1


def test_a_crashed_screen_comes_back(first_booted: FirstBooted) -> None:
    _, restarts = restart(first_booted.stage.last, "downtime-kiosk-ui.service")
    assert restarts >= 1

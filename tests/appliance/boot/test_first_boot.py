"""First boot of a freshly flashed card: the setup installs the practice's files, the services run under
their sandboxes with a real PID 1, and the state file follows the host's status page."""

import json
import time

import pytest

from tests.appliance.boot import probes
from tests.appliance.boot.conftest import CardFactory
from tests.appliance.boot.fixtures_world import outage
from tests.appliance.boot.world import HostWorld

pytestmark = [pytest.mark.boot, pytest.mark.timeout(1800)]

POLL, CONFIRM = 20, 10   # as guest_config(); probes time out after 30 s (TCG under load)
PROBE = f"""
{probes.REPORT_UNITS}
{probes.PRINTERS}
say "key $(stat -c '%a %U %s' /etc/downtime-kiosk/schedule.key)"
say "config $(cmp -s /boot/firmware/downtime-kiosk.toml /etc/downtime-kiosk/config.toml && echo installed)"
{probes.FOLLOW_LEVEL}
follow_level 240
dump {probes.STATE}
systemctl poweroff
"""


def test_first_boot_sets_up_the_box_and_follows_the_status_page(card: CardFactory, world: HostWorld) -> None:
    machine = card(PROBE)
    boot = machine.power_on()
    try:
        boot.wait_for(r"^done|^level ", 420)
        assert boot.value("system") == "running", "\n".join(boot.lines())
        assert boot.value("failed") == ""
        for unit in probes.UNITS:
            assert boot.value(f"active {unit}") == "active", unit
        assert "downtime-kiosk: socket://10.0.2.100:9100" in boot.value("printers")
        assert boot.value("default-printer").endswith("downtime-kiosk")
        assert boot.value("key") == "600 root 45"
        assert boot.value("config") == "installed"
        boot.wait_for(r"^level operational$", 300)
        outage(world)
        switched = time.monotonic()
        boot.wait_for(r"^level outage$", POLL + 2 * CONFIRM + 2 * 30 + 60)
        followed = time.monotonic() - switched
        assert followed <= POLL + 2 * CONFIRM + 2 * 30 + 60
        assert boot.wait_exit(420) == 0
        state = json.loads(boot.file(probes.STATE) or b"{}")
        assert state["level"] == "outage"
        assert state["config"]["error"] is None
        assert world.status.page.requests, "the guest never reached the host's status page"
    finally:
        if boot.process.poll() is None:
            boot.power_cut()

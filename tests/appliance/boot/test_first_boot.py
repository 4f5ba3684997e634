"""First boot of a freshly flashed card (stage 1): the setup installs the practice's files, the services run
under their sandboxes with a real PID 1, and the state file follows the host's status page."""

import hashlib
import json

import pytest

from tests.appliance.boot import checks, probes
from tests.appliance.boot.conftest import FirstBooted
from tests.appliance.boot.world import guest_config

pytestmark = [pytest.mark.boot, pytest.mark.timeout(3600)]


def test_first_boot_sets_up_the_box(first_booted: FirstBooted) -> None:
    boot = first_booted.stage.last
    checks.assert_set_up(boot)
    assert boot.value("default-printer").endswith("downtime-kiosk")
    assert boot.value("key") == "600 root 45"
    assert boot.value("config") == "installed"
    assert boot.value("installed") == hashlib.sha256(guest_config().encode()).hexdigest()
    assert first_booted.stage.exit_codes == [0]


def test_the_state_file_follows_the_host_status_page(first_booted: FirstBooted) -> None:
    stage = first_booted.stage
    # the stage waited at most FOLLOW_SECONDS (a poll, the confirmations, two slow probes) for the outage
    assert "follow_problem" not in stage.notes, stage.notes.get("follow_problem")
    state = json.loads(stage.last.file(probes.STATE) or b"{}")
    assert state["level"] == "outage"
    assert state["config"]["error"] is None
    assert stage.jobs == [], "nothing should print at the first boot"

"""A wrong configuration put on the card later: the box keeps the last good one and the state file's `config`
block carries the one-line error the setup found."""

import hashlib
import json

import pytest

from tests.appliance.boot import image, probes
from tests.appliance.boot.conftest import CardFactory
from tests.appliance.boot.world import HostWorld, guest_config

pytestmark = [pytest.mark.boot, pytest.mark.timeout(1800)]

FIRST = """
say "installed $(sha256sum /etc/downtime-kiosk/config.toml | cut -d' ' -f1)"
systemctl poweroff
"""

AFTER_EDIT = f"""
say "installed $(sha256sum /etc/downtime-kiosk/config.toml | cut -d' ' -f1)"
say "setup $(systemctl show -p ExecMainStatus --value downtime-kiosk-setup.service)"
end=$(( $(date +%s) + 120 ))
while [ "$(date +%s)" -lt "$end" ]; do
  python3 -c 'import json, sys; sys.exit(json.load(open("{probes.STATE}"))["config"]["error"] is None)' 2>/dev/null \\
    && break
  sleep 2
done
dump {probes.STATE}
systemctl poweroff
"""

BAD = guest_config().replace("poll_seconds = 20", 'poll_seconds = "often"')


def test_a_bad_file_on_the_card_keeps_the_last_good_configuration(card: CardFactory, world: HostWorld) -> None:
    good = hashlib.sha256(guest_config().encode()).hexdigest()
    machine = card(FIRST)
    boot = machine.power_on()
    try:
        assert boot.wait_exit(600) == 0
        assert boot.value("installed") == good
        machine.finished(boot)
        image.fat_write(machine.image, {"downtime-kiosk.toml": BAD, "boot-test.sh": AFTER_EDIT})
        world.status.page.requests.clear()
        boot = machine.power_on()
        assert boot.wait_exit(600) == 0
        assert boot.value("installed") == good
        assert boot.value("setup") == "78"
        state = json.loads(boot.file(probes.STATE) or b"{}")
        error = state["config"]["error"]
        assert error and "poll_seconds" in error and "\n" not in error, state["config"]
        assert state["config"]["source"] == "/boot/firmware/downtime-kiosk.toml"
        assert state["level"] == "operational"
        assert world.status.page.requests, "the last good configuration's status page was not polled"
    finally:
        if boot.process.poll() is None:
            boot.power_cut()

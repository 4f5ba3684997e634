"""The Pi (arm64 on QEMU's raspi3b, Debian's kernel and the Pi 3 B device tree): the first boot with an RGB LED
and the button on the SoC's GPIO (gpiochip0, pinctrl-bcm2835) in its configuration.

Not here yet: the LED's lines and the button's line. The probe samples them (stages.PI_FIRST_BOOT), but the watch
daemon does not get lgpio's factory in the emulated Pi yet (docs/appliance.md §12)."""

import json

import pytest

from tests.appliance.boot import probes
from tests.appliance.boot.conftest import FirstBooted

pytestmark = [pytest.mark.boot, pytest.mark.timeout(3600)]


def test_the_pi_sets_up_and_runs(pi_first_booted: FirstBooted) -> None:
    boot = pi_first_booted.stage.last
    assert boot.value("system") == "running", "\n".join(boot.lines())
    assert boot.value("failed") == ""
    for unit in probes.UNITS:
        if unit != "downtime-kiosk-ui.service":
            assert boot.value(f"active {unit}") == "active", unit
    assert "downtime-kiosk: socket://10.0.2.100:9100" in boot.value("printers")
    assert boot.value("revision") == "00a02082"      # as the firmware would have said: gpiozero knows the board
    assert "pinctrl-bcm2835" in boot.value("chip") and "(54 lines)" in boot.value("chip")
    assert pi_first_booted.stage.exit_codes == [0]


def test_the_pi_state_follows_the_host_page(pi_first_booted: FirstBooted) -> None:
    stage = pi_first_booted.stage
    assert "follow_problem" not in stage.notes, stage.notes.get("follow_problem")
    assert json.loads(stage.last.file(probes.STATE) or b"{}")["level"] == "outage"

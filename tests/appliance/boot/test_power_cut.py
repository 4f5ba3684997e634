"""A power cut just before the evening print: the box is killed (SIGKILL) at 17:29 and comes back at 18:10.
The timer's Persistent= stamp lives on KIOSKDATA, so the missed print runs once at boot; the state there
(schedule cache, downtime log, nightly record) survives."""

import json

import pytest

from tests.appliance.boot import image, probes
from tests.appliance.boot.conftest import CardFactory
from tests.appliance.boot.fixtures_world import outage
from tests.appliance.boot.schedule_world import (
    MONDAY_PATIENTS,
    SUNDAY_1500,
    SUNDAY_1700,
    SUNDAY_1810,
    job_text,
    monday_calendar,
)
from tests.appliance.boot.world import HostWorld
from tests.fixtures.http_server import Reply

pytestmark = [pytest.mark.boot, pytest.mark.timeout(2400)]

BEFORE_CUT = f"""
{probes.FOLLOW_LEVEL}
follow_level 90
dump {probes.STATE}
sync
say "ready-for-cut"
sleep 600
"""

AFTER_CUT = f"""
{probes.WAIT_NIGHTLY}
wait_nightly 600
sleep 10
dump {probes.STATE}
dump {probes.NIGHTLY_RECORD}
dump {probes.DOWNTIME_LOG}
systemctl poweroff
"""


def test_power_cut_before_the_print_catches_up_once_after_boot(card: CardFactory, world: HostWorld) -> None:
    world.serve_calendar(monday_calendar())
    outage(world)
    machine = card("systemctl poweroff\n")
    boot = machine.power_on(SUNDAY_1500)     # the card's first boot: setup, read-only root, reboot
    try:
        assert boot.wait_exit(900) == 0
        image.fat_write(machine.image, {"boot-test.sh": BEFORE_CUT})
        boot = machine.power_on(SUNDAY_1700)
        boot.wait_for(r"^level outage$", 300)
        boot.wait_for(r"^ready-for-cut$", 300)
        clock = boot.value("clock")
        assert clock < "2026-12-06T17:30", f"the guest reached {clock} before the cut: no print should have happened"
        boot.power_cut()
        assert world.printer.jobs() == []
        image.fat_write(machine.image, {"boot-test.sh": AFTER_CUT})
        world.status.reset()
        world.calendar.route("/clinic.ics", Reply(503))   # the print must come from the encrypted cache
        boot = machine.power_on(SUNDAY_1810)
        assert boot.wait_exit(900) == 0
        assert boot.value("nightly") == "inactive success"
        jobs = world.printer.jobs()
        assert len(jobs) == 1, [job.name for job in jobs]
        for patient in MONDAY_PATIENTS:
            assert patient in job_text(jobs[0])
        assert json.loads(boot.file(probes.NIGHTLY_RECORD) or b"{}")["date"] == "2026-12-07"
        log = json.loads(boot.file(probes.DOWNTIME_LOG) or b"[]")
        assert "outage" in json.dumps(log), log
    finally:
        if boot.process.poll() is None:
            boot.power_cut()

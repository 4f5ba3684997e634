"""The evening print on a booted box: systemd's timer (moved by the generator to schedule.print_at) starts the
nightly print, which fetches the host's calendar and sends Monday's schedule to the host's AppSocket printer."""

import json

import pytest

from tests.appliance.boot import image, probes
from tests.appliance.boot.conftest import CardFactory
from tests.appliance.boot.schedule_world import MONDAY_PATIENTS, SUNDAY_1500, SUNDAY_1728, job_text, monday_calendar
from tests.appliance.boot.world import HostWorld

pytestmark = [pytest.mark.boot, pytest.mark.timeout(1800)]

FIRST_BOOT = "systemctl poweroff\n"
PROBE = f"""
say "timer $(systemctl show -p TimersCalendar --value downtime-kiosk-nightly.timer)"
{probes.WAIT_NIGHTLY}
wait_nightly 600
sleep 10
dump {probes.NIGHTLY_RECORD}
systemctl poweroff
"""


def test_sunday_evening_prints_mondays_schedule_once(card: CardFactory, world: HostWorld) -> None:
    world.serve_calendar(monday_calendar())
    machine = card(FIRST_BOOT)
    boot = machine.power_on(SUNDAY_1500)
    try:
        assert boot.wait_exit(900) == 0
        image.fat_write(machine.image, {"boot-test.sh": PROBE})
        boot = machine.power_on(SUNDAY_1728)
        assert boot.wait_exit(900) == 0
        assert "17:30:00" in boot.value("timer")
        assert boot.value("nightly") == "inactive success"
        record = json.loads(boot.file(probes.NIGHTLY_RECORD) or b"{}")
        assert record["date"] == "2026-12-07", record
        jobs = world.printer.jobs()
        assert len(jobs) == 1, [job.name for job in jobs]
        text = job_text(jobs[0])
        for patient in MONDAY_PATIENTS:
            assert patient in text
        assert "December 7" in text or "2026-12-07" in text, text[:400]
    finally:
        if boot.process.poll() is None:
            boot.power_cut()

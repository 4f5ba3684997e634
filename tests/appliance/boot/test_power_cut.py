"""A power cut just before the evening print (stage 3): the box is killed (SIGKILL) before 17:30 and comes back at
18:10. The timer's Persistent= stamp lives on KIOSKDATA, so the missed print runs once at boot, from the encrypted
cache (the calendar answers 503); the state there (downtime log, nightly record) survives."""

import json

import pytest

from tests.appliance.boot import probes, stages
from tests.appliance.boot.schedule_world import MONDAY_PATIENTS, job_text

pytestmark = [pytest.mark.boot, pytest.mark.timeout(3600)]


def test_power_cut_before_the_print_catches_up_once_after_boot(power_cut: stages.Stage) -> None:
    assert "cut_problem" not in power_cut.notes, power_cut.notes.get("cut_problem")
    assert [boot.value("root") for boot in power_cut.boots] == ["overlay", "overlay"]
    clock = power_cut.boots[0].value("clock")
    assert clock < "2026-12-06T17:30", f"the guest reached {clock} before the cut: no print should have happened"
    assert power_cut.notes["jobs_before_cut"] == 0
    boot = power_cut.last
    assert power_cut.exit_codes[-1] == 0
    assert boot.value("nightly") == "inactive success"
    assert len(power_cut.jobs) == 1, [job.name for job in power_cut.jobs]
    for patient in MONDAY_PATIENTS:
        assert patient in job_text(power_cut.jobs[0])
    assert json.loads(boot.file(probes.NIGHTLY_RECORD) or b"{}")["date"] == "2026-12-07"
    log = json.loads(boot.file(probes.DOWNTIME_LOG) or b"[]")
    assert "outage" in json.dumps(log), log

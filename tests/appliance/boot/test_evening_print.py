"""The evening print on a booted box (stage 2): systemd's timer (moved by the generator to schedule.print_at)
starts the nightly print, which fetches the host's calendar and sends Monday's schedule to the host's AppSocket
printer, once."""

import json

import pytest

from tests.appliance.boot import probes, stages
from tests.appliance.boot.schedule_world import MONDAY_PATIENTS, job_text

pytestmark = [pytest.mark.boot, pytest.mark.timeout(3600)]


def test_sunday_evening_prints_mondays_schedule_once(evening: stages.Stage) -> None:
    boot = evening.last
    assert evening.exit_codes == [0]
    assert boot.value("root") == "overlay"
    assert "17:30:00" in boot.value("timer")
    assert boot.value("nightly") == "inactive success"
    record = json.loads(boot.file(probes.NIGHTLY_RECORD) or b"{}")
    assert record["date"] == "2026-12-07", record
    assert len(evening.jobs) == 1, [job.name for job in evening.jobs]
    text = job_text(evening.jobs[0])
    for patient in MONDAY_PATIENTS:
        assert patient in text
    assert "December 7" in text or "2026-12-07" in text, text[:400]

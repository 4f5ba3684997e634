"""A wrong configuration put on the card later (stage 2): the box keeps the last good one and the state file's
`config` block carries the one-line error the setup found."""

import hashlib
import json

import pytest

from tests.appliance.boot import probes, stages
from tests.appliance.boot.world import guest_config

pytestmark = [pytest.mark.boot, pytest.mark.timeout(3600)]


def test_a_bad_file_on_the_card_keeps_the_last_good_configuration(evening: stages.Stage) -> None:
    boot = evening.last
    assert boot.value("installed") == hashlib.sha256(guest_config().encode()).hexdigest()
    assert boot.value("setup") == "78"
    state = json.loads(boot.file(probes.STATE) or b"{}")
    error = state["config"]["error"]
    assert error and "poll_seconds" in error and "\n" not in error, state["config"]
    assert state["config"]["source"] == "/boot/firmware/downtime-kiosk.toml"
    assert state["level"] == "operational"
    assert int(evening.notes["page_requests"]) > 0, "the last good configuration's status page was not polled"

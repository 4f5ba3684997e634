"""After the first boot the root file system is a RAM overlay over the read-only card: what stage 1 wrote outside
/persist is gone at the next boot (stage 2), what the kiosk keeps (its state folder, bound from KIOSKDATA) stays."""

import pytest

from tests.appliance.boot import image, stages
from tests.appliance.boot.conftest import FirstBooted

pytestmark = [pytest.mark.boot, pytest.mark.timeout(3600)]


def test_the_first_boot_switches_the_root_to_an_overlay(first_booted: FirstBooted) -> None:
    boot = first_booted.stage.last
    assert boot.value("root") == "overlay"
    assert boot.value("persist") == "/dev/vda3"
    assert boot.value("state-on").startswith("/dev/vda3")
    assert image.ext4_read(first_booted.machine.image, image.ROOT, "/etc/downtime-kiosk/read-only-root") is None


def test_the_root_forgets_writes_and_persist_keeps_them(first_booted: FirstBooted, evening: stages.Stage) -> None:
    boot = evening.last
    assert boot.value("root") == "overlay"
    assert boot.value("outside") == "gone"
    assert boot.value("inside") == "kept"
    card = first_booted.machine.image
    assert image.ext4_read(card, image.DATA, "/state/boot-test-inside") == b"kept\n"
    assert image.ext4_read(card, image.ROOT, "/etc/boot-test-outside") is None

"""After the first boot the root file system is a RAM overlay over the read-only card: what is written outside
/persist is gone at the next boot, what the kiosk keeps (its state folder, bound from KIOSKDATA) stays."""

import pytest

from tests.appliance.boot import image
from tests.appliance.boot.conftest import CardFactory

pytestmark = [pytest.mark.boot, pytest.mark.timeout(1800)]

WRITE = """
say "persist $(findmnt -n -o SOURCE /persist)"
say "state-on $(findmnt -n -o SOURCE --target /var/lib/downtime-kiosk)"
echo "written at first boot" > /etc/boot-test-outside
echo "kept" > /var/lib/downtime-kiosk/boot-test-inside
chown downtime-kiosk: /var/lib/downtime-kiosk/boot-test-inside
sync
systemctl reboot
"""

READ = """
say "outside $(cat /etc/boot-test-outside 2>/dev/null || echo gone)"
say "inside $(cat /var/lib/downtime-kiosk/boot-test-inside 2>/dev/null || echo gone)"
systemctl poweroff
"""


def test_the_root_forgets_writes_and_persist_keeps_them(card: CardFactory) -> None:
    machine = card(WRITE)
    boot = machine.power_on()
    try:
        assert boot.value("root") == "overlay"
        assert boot.value("persist") == "/dev/vda3"
        assert boot.value("state-on").startswith("/dev/vda3")
        boot.wait_exit(600)
        machine.finished(boot)
        image.fat_write(machine.image, {"boot-test.sh": READ})
        boot = machine.power_on()
        assert boot.wait_exit(600) == 0
        assert boot.value("root") == "overlay"
        assert boot.value("outside") == "gone"
        assert boot.value("inside") == "kept"
        assert image.ext4_read(machine.image, image.DATA, "/state/boot-test-inside") == b"kept\n"
        assert image.ext4_read(machine.image, image.ROOT, "/etc/boot-test-outside") is None
    finally:
        if boot.process.poll() is None:
            boot.power_cut()

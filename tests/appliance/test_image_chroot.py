"""install.sh in image mode (what the pi-gen stage runs), with the wall screen, in a fresh Debian Trixie root:
no schedule key baked into the image (each card makes its own at first boot), the read-only root requested for
first boot, every unit enabled, Kivy at the tested version from Debian's python3-kivy, and a second run that
changes nothing. (The image itself is arm64 and built under qemu; this root is this machine's architecture.)
"""

import json
from collections.abc import Iterator

import pytest

from tests.appliance.rootfs import Installed, chroot, install_twice, prepared_root

pytestmark = pytest.mark.slow

UNITS = ("downtime-kiosk-setup.service", "downtime-kiosk-watch.service", "downtime-kiosk-ui.service",
         "downtime-kiosk-nightly.timer")


@pytest.fixture(scope="module")
def image(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    with prepared_root(tmp_path_factory.mktemp("image")) as root:
        (root / "boot/firmware/cmdline.txt").write_text("console=serial0,115200 root=PARTUUID=abc rootwait\n")
        yield install_twice(root, "--image")


def test_image_install_succeeds_and_is_idempotent(image: Installed) -> None:
    assert image.first_rc == 0, image.first[-3000:]
    assert image.second_rc == 0, image.second[-3000:]
    assert image.changed_by_second_run == {}
    assert "install.sh: nothing changed" in image.second


def test_no_schedule_key_is_baked_into_the_image(image: Installed) -> None:
    assert not (image.root / "etc/downtime-kiosk/schedule.key").exists()
    assert "created a new schedule key" not in image.first  # the setup runs at first boot, not at build time


def test_read_only_root_is_requested_for_first_boot(image: Installed) -> None:
    assert (image.root / "etc/downtime-kiosk/read-only-root").is_file()


def test_console_never_blanks(image: Installed) -> None:
    cmdline = (image.root / "boot/firmware/cmdline.txt").read_text()
    assert cmdline.count("\n") == 1  # still one line
    assert cmdline.split()[-2:] == ["consoleblank=0", "vt.global_cursor_default=0"]


@pytest.mark.parametrize("unit", UNITS)
def test_every_unit_enabled(image: Installed, unit: str) -> None:
    assert chroot(image.root, "systemctl", "--root=/", "is-enabled", unit).stdout.strip() == "enabled"


def test_kivy_is_the_tested_version_from_debian(image: Installed) -> None:
    code = ("import json, importlib.metadata as m, kivy; "
            "print(json.dumps({'version': m.version('kivy'), 'file': kivy.__file__}))")
    result = chroot(image.root, "/usr/bin/env", "KIVY_NO_ARGS=1", "KIVY_HOME=/tmp/kivy-home", "KIVY_NO_FILELOG=1",
                    "/opt/downtime-kiosk/venv/bin/python", "-c", code)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["version"] == "2.3.1"
    assert found["file"].startswith("/usr/lib/python3/dist-packages/kivy/")

"""The first-boot setup runs as root on files others prepared: attacks in a temporary root.

The real script runs (as root, as on the box) with DOWNTIME_KIOSK_SETUP_ROOT pointing at a
scratch root, the real `downtime-kiosk config check` from this checkout, and the account
`daemon` standing in for the service account; printer queues go to the private cupsd.
"""

import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.ui.pin import hash_pin
from tests.conftest import REPO
from tests.fixtures.cupsd import PrivateCupsd

SETUP = REPO / "image_build" / "files" / "downtime-kiosk-setup"
UNIT = REPO / "systemd" / "downtime-kiosk-setup.service"
ACCOUNT = "daemon"


class Box:
    """A scratch root: boot partition, /etc/downtime-kiosk, the state dir; `run()` runs the setup."""

    def __init__(self, root: Path, extra_env: dict[str, str] | None = None) -> None:
        self.root = root
        self.boot = root / "boot" / "firmware"
        self.boot.mkdir(parents=True)
        self.etc = root / "etc" / "downtime-kiosk"
        self.state = root / "var" / "lib" / "downtime-kiosk"
        self.state.parent.mkdir(parents=True)
        kiosk = root / "kiosk"
        kiosk.write_text(f'#!/bin/sh\nPYTHONPATH={REPO} exec {sys.executable} -m kiosk "$@"\n')
        kiosk.chmod(0o755)
        self.env = {**os.environ, "DOWNTIME_KIOSK_SETUP_ROOT": str(root), "DOWNTIME_KIOSK_SETUP_KIOSK": str(kiosk),
                    "DOWNTIME_KIOSK_SETUP_USER": ACCOUNT, **(extra_env or {})}

    def config(self, text: str = "") -> Path:
        path = self.boot / "downtime-kiosk.toml"
        path.write_text(f'[paths]\nstate_dir = "{self.state}"\nruntime_dir = "{self.root}/run"\n'
                        f'key_file = "{self.root}/keys/schedule.key"\n{text}')
        return path

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["bash", str(SETUP), *args], capture_output=True, text=True, env=self.env,
                              timeout=60, check=False)


@pytest.fixture
def box(tmp_path: Path) -> Box:
    return Box(tmp_path / "root")


def _owner_and_mode(path: Path) -> tuple[int, int, int]:
    info = os.lstat(path)
    return info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)


def test_a_link_the_service_account_made_is_never_followed(box: Box) -> None:
    box.config()
    assert box.run().returncode == 0, box.run().stderr
    target = box.root / "etc-target"  # stands for /etc
    target.mkdir(mode=0o755)
    (target / "passwd").write_text("root:x:0:0\n")
    (target / "config.json").write_text("keep me\n")
    before = _owner_and_mode(target)
    # what the service account can do in its own state dir
    (box.state / "alerts").symlink_to(target)
    (box.state / "config-error.json").symlink_to(target / "passwd")
    box.config("[status]\npoll_seconds = -1\n")  # any boot with a configuration error
    result = box.run()
    assert result.returncode == 78
    assert "alerts is not a plain folder" in result.stderr
    assert _owner_and_mode(target) == before  # /etc was not handed to the account
    assert sorted(p.name for p in target.iterdir()) == ["config.json", "passwd"]
    assert (target / "passwd").read_text() == "root:x:0:0\n"
    error_file = box.state / "config-error.json"
    assert not error_file.is_symlink() and "status.poll_seconds" in error_file.read_text()  # the link was replaced
    assert _owner_and_mode(error_file) == (1, 1, 0o600)
    box.config()  # fixed: clearing the error must not delete through the link either
    assert box.run().returncode == 0
    assert (target / "config.json").read_text() == "keep me\n"
    assert not error_file.exists()


def test_fifos_and_devices_on_the_boot_partition_never_hang_it(box: Box) -> None:
    from tests.fixtures.calendars import snapshot_pdf

    forms = box.boot / "forms"
    forms.mkdir()
    (forms / "intake.pdf").write_bytes(snapshot_pdf("Intake"))
    os.mkfifo(forms / "hang.pdf")
    (forms / "shadow.pdf").symlink_to("/etc/shadow")
    box.config(f'[forms]\nintake = "{box.etc}/forms/intake.pdf"\n')
    result = box.run()
    assert result.returncode == 0, result.stderr
    assert "skipped what is not a regular file of at most 20971520 bytes: " in result.stderr
    assert sorted(p.name for p in (box.etc / "forms").iterdir()) == ["intake.pdf"]
    config = box.boot / "downtime-kiosk.toml"
    config.unlink()
    os.mkfifo(config)
    result = box.run()
    assert result.returncode == 78
    assert "expected a regular file of at most 1024 KB" in result.stderr


def test_a_huge_toml_is_refused(box: Box) -> None:
    box.config("# padding\n" * 110_000)
    result = box.run()
    assert result.returncode == 78
    assert "expected a regular file of at most 1024 KB" in result.stderr
    assert not (box.etc / "config.toml").exists()


def test_the_pin_hash_moves_off_the_boot_partition(box: Box) -> None:
    pin_hash = hash_pin("246810")
    toml = box.config(f'[ui]\npin_hash = "{pin_hash}"\nlock_seconds = 30\n')
    result = box.run()
    assert result.returncode == 0, result.stderr
    assert (box.etc / "pin.hash").read_text().strip() == pin_hash
    assert _owner_and_mode(box.etc / "pin.hash")[2] == 0o600
    assert "pin_hash =" not in toml.read_text() and "lock_seconds = 30" in toml.read_text()
    assert "pin_hash =" not in (box.etc / "config.toml").read_text()
    assert box.run().returncode == 0 and (box.etc / "pin.hash").read_text().strip() == pin_hash  # stays
    box.config('[ui]\npin_hash = ""\n')
    assert box.run().returncode == 0
    assert (box.etc / "pin.hash").read_text() == ""


@pytest.mark.parametrize(("line", "complaint"), [
    ("-E ipp://printer.invalid/ipp/print", "queue name '-E'"),
    ("front/desk ipp://printer.invalid/ipp/print", "queue name 'front/desk'"),
    ("desk -v", "printer address '-v'"),
])
def test_queue_names_follow_cups_and_never_start_with_a_dash(box: Box, cupsd: PrivateCupsd, line: str,
                                                             complaint: str) -> None:
    box.env.update(cupsd.env)
    box.config()
    (box.boot / "downtime-kiosk-printer.txt").write_text(f"# the front desk printer\n{line}\n")
    result = box.run()
    assert result.returncode == 1
    assert complaint in result.stderr
    assert "-E" not in cupsd.run("lpstat", "-p", check=False).stdout.split()


def test_a_good_queue_name_is_added(box: Box, cupsd: PrivateCupsd) -> None:
    box.env.update(cupsd.env)
    box.config()
    folder = cupsd.root / "captures" / "setup-desk"
    folder.mkdir(parents=True, exist_ok=True)
    (box.boot / "downtime-kiosk-printer.txt").write_text(f"front-desk.2 capture:{folder}\n")
    result = box.run()
    assert result.returncode == 0, result.stderr
    assert f"device for front-desk.2: capture:{folder}" in cupsd.run("lpstat", "-v", "front-desk.2").stdout


def test_unknown_options_are_refused(box: Box) -> None:
    result = box.run("--bogus")
    assert result.returncode == 64 and "unknown option '--bogus'" in result.stderr


def test_the_prepare_step_only_makes_the_two_folders(box: Box) -> None:
    box.config()
    result = box.run("--prepare")
    assert result.returncode == 0, result.stderr
    assert box.etc.is_dir() and box.state.is_dir()
    assert _owner_and_mode(box.state)[2] == 0o700
    assert not (box.etc / "config.toml").exists()
    assert not (box.etc / "schedule.key").exists()


def test_the_read_only_root_step_without_its_marker_installs_nothing(box: Box) -> None:
    box.config()
    result = box.run("--read-only-root")
    assert result.returncode == 0, result.stderr
    for made_by_the_setup in ("config.toml", "schedule.key", "schedule.secret", "pin.hash"):
        assert not (box.etc / made_by_the_setup).exists(), made_by_the_setup
    assert "read-only root" not in result.stdout + result.stderr


def test_a_setup_that_failed_leaves_the_read_only_switch_for_later(box: Box) -> None:
    """Without the unit (install.sh's way), a failed setup must not switch either: the marker stays."""
    box.config("[status]\npoll_seconds = \"often\"\n")
    box.etc.mkdir(parents=True)
    marker = box.etc / "read-only-root"
    marker.write_text("switch the root file system to a read-only overlay at first boot\n")
    result = box.run()
    assert result.returncode == 78, result.stderr
    assert marker.exists() and "read-only root" not in result.stderr
    box.config()   # a good one: now the switch is tried (and, with no KIOSKDATA here, given up with a reason)
    result = box.run()
    assert "read-only root not switched on: no KIOSKDATA partition" in result.stderr
    assert not marker.exists()


def _exposure() -> float:
    result = subprocess.run(["systemd-analyze", "security", "--offline=true", str(UNIT)], capture_output=True,
                            text=True, check=False, timeout=60)
    found = re.search(r"Overall exposure level for \S+: (\d+\.\d+)", result.stdout)
    assert found, result.stdout + result.stderr
    return float(found.group(1))


def test_the_setup_unit_is_sandboxed_with_a_start_timeout() -> None:
    assert _exposure() <= 5.0
    text = UNIT.read_text()
    assert re.search(r"^TimeoutStartSec=\d+", text, re.MULTILINE)
    assert "ExecStartPre=+/opt/downtime-kiosk/bin/downtime-kiosk-setup --prepare" in text
    assert "ExecStart=/opt/downtime-kiosk/bin/downtime-kiosk-setup --no-read-only-root" in text
    assert "ExecStartPost=+/opt/downtime-kiosk/bin/downtime-kiosk-setup --read-only-root" in text


def test_an_unchanged_configuration_is_not_checked_again(tmp_path: Path) -> None:
    box = Box(tmp_path / "root")
    checks = tmp_path / "checks.log"
    kiosk = box.root / "kiosk"
    kiosk.write_text(f'#!/bin/sh\necho "$*" >> {checks}\nPYTHONPATH={REPO} exec {sys.executable} -m kiosk "$@"\n')
    box.config('[status]\npage_url = "https://status.example.org"\n')
    assert box.run().returncode == 0
    assert checks.read_text().count("config check") == 1
    second = box.run()
    assert second.returncode == 0 and "nothing to change" in second.stdout, second.stderr
    assert checks.read_text().count("config check") == 1   # the same file as installed: not started again
    (box.etc / "config.toml").chmod(0o666)                  # the installed copy tampered with: checked, put back
    assert box.run().returncode == 0
    assert checks.read_text().count("config check") == 2
    assert stat.S_IMODE((box.etc / "config.toml").stat().st_mode) == 0o640
    box.config('[status]\npage_url = "https://status.example.net"\n')
    assert box.run().returncode == 0
    assert checks.read_text().count("config check") == 3

"""install.sh in a real Debian Trixie root file system (debootstrap + chroot, no qemu, no systemd running):
units installed and enabled, the package importable, `status --json` against status servers on 127.0.0.1,
a bad configuration on the "boot partition" reported where the screen shows it, and a second run that
changes nothing. Kivy is left out (`--skip-kivy`): the wall screen has its own tests, and a PyPI download
inside the chroot would make this test slow and dependent on PyPI.
"""

import base64
import functools
import json
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.appliance.rootfs import Installed, chroot, install_twice, prepared_root
from tests.fixtures.http_server import LocalHTTPServer, Reply

pytestmark = pytest.mark.slow

SETUP = "/opt/downtime-kiosk/bin/downtime-kiosk-setup"
KIOSK = "/usr/local/bin/downtime-kiosk"
ENABLED = {
    "downtime-kiosk-setup.service": "multi-user.target.wants",
    "downtime-kiosk-watch.service": "multi-user.target.wants",
    "downtime-kiosk-nightly.timer": "timers.target.wants",
}


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    with prepared_root(tmp_path_factory.mktemp("appliance")) as root:
        yield install_twice(root, "--skip-kivy")


def test_install_succeeds(installed: Installed) -> None:
    assert installed.first_rc == 0, installed.first[-3000:]
    assert "enabled downtime-kiosk-watch.service" in installed.first


def test_second_run_changes_nothing(installed: Installed) -> None:
    assert installed.second_rc == 0, installed.second[-3000:]
    assert installed.changed_by_second_run == {}
    assert "install.sh: nothing changed" in installed.second


def test_plain_debians_old_gpiozero_is_reported(installed: Installed) -> None:
    # Trixie's python3-gpiozero is 1.6.2; the LED and the button need gpiozero 2 (Raspberry Pi OS has 2.0.1)
    assert "install.sh: gpiozero 1.6.2 is older than 2.0 (pyproject.toml)" in installed.first


@pytest.mark.parametrize(("unit", "wants"), ENABLED.items())
def test_units_installed_and_enabled(installed: Installed, unit: str, wants: str) -> None:
    assert (installed.root / "etc/systemd/system" / unit).is_file()
    link = installed.root / "etc/systemd/system" / wants / unit
    assert link.is_symlink(), f"{unit} is not enabled"
    assert chroot(installed.root, "systemctl", "--root=/", "is-enabled", unit).stdout.strip() == "enabled"


def test_screen_unit_installed_but_not_enabled_without_kivy(installed: Installed) -> None:
    assert (installed.root / "etc/systemd/system/downtime-kiosk-ui.service").is_file()
    state = chroot(installed.root, "systemctl", "--root=/", "is-enabled", "downtime-kiosk-ui.service").stdout
    assert state.strip() == "disabled"


@pytest.mark.parametrize("unit", [*ENABLED, "downtime-kiosk-ui.service", "downtime-kiosk-nightly.service"])
def test_trixie_systemd_verifies_the_installed_units(installed: Installed, unit: str) -> None:
    # the target's systemd (257), not only this machine's (252), against the installed programs
    result = chroot(installed.root, "systemd-analyze", "verify", "--man=no", f"/etc/systemd/system/{unit}")
    assert (result.returncode, result.stderr) == (0, "")


@pytest.mark.parametrize(("unit", "limit"), [("downtime-kiosk-watch.service", 2.5),
                                             ("downtime-kiosk-nightly.service", 2.5),
                                             ("downtime-kiosk-ui.service", 4.5)])
def test_trixie_systemd_rates_the_exposure_within_limits(installed: Installed, unit: str, limit: float) -> None:
    result = chroot(installed.root, "systemd-analyze", "security", "--offline=true",
                    f"--threshold={round(limit * 10)}", f"/etc/systemd/system/{unit}")
    assert result.returncode == 0, result.stdout[-600:]


def test_generator_and_setup_are_installed_executable(installed: Installed) -> None:
    for path in ("usr/local/lib/systemd/system-generators/downtime-kiosk-generator", SETUP.lstrip("/")):
        assert (installed.root / path).stat().st_mode & 0o111, path


def test_appliance_settings_are_in_place(installed: Installed) -> None:
    root = installed.root
    assert "RuntimeWatchdogSec=" in (root / "etc/systemd/system.conf.d/50-downtime-kiosk-watchdog.conf").read_text()
    assert "SystemMaxUse=" in (root / "etc/systemd/journald.conf.d/50-downtime-kiosk.conf").read_text()
    assert "PreserveJobFiles No" in (root / "etc/cups/cupsd.conf").read_text().splitlines()
    assert 'Unattended-Upgrade "1"' in (root / "etc/apt/apt.conf.d/20auto-upgrades").read_text()


def test_service_user_and_groups(installed: Installed) -> None:
    groups = chroot(installed.root, "id", "-nG", "downtime-kiosk").stdout.split()
    assert {"gpio", "lpadmin", "video", "render", "input"} <= set(groups)


def test_schedule_key_made_on_the_box_and_private(installed: Installed) -> None:
    key = installed.root / "etc/downtime-kiosk/schedule.key"  # = paths.key_file's default
    assert len(base64.b64decode(key.read_text().strip(), validate=True)) == 32  # as schedule.keys decodes it
    assert (key.stat().st_mode & 0o777, key.stat().st_uid) == (0o600, 0)
    secret = installed.root / "etc/downtime-kiosk/schedule.secret"
    assert (secret.stat().st_mode & 0o777, secret.stat().st_uid) == (0o600, 0)


def test_schedule_code_reads_the_key_the_setup_made(installed: Installed) -> None:
    code = ("from pathlib import Path; from print_service.schedule.keys import load_key; "
            "print(len(load_key(Path('/etc/downtime-kiosk/schedule.key'), {})))")
    result = chroot(installed.root, "/opt/downtime-kiosk/venv/bin/python", "-c", code)
    assert (result.returncode, result.stdout.strip()) == (0, "32"), result.stderr


def test_print_at_from_the_boot_partition_moves_the_timer(installed: Installed) -> None:
    boot = installed.root / "boot/firmware/downtime-kiosk.toml"
    boot.write_text('[schedule]\nprint_at = "18:45"\n')
    try:
        result = chroot(installed.root, SETUP)
        assert result.returncode == 0, result.stdout + result.stderr
        generated = chroot(installed.root, "/usr/local/lib/systemd/system-generators/downtime-kiosk-generator",
                           "/tmp/generated", "/tmp/generated-early", "/tmp/generated-late")
        assert generated.returncode == 0, generated.stderr
        drop_in = installed.root / "tmp/generated/downtime-kiosk-nightly.timer.d/50-print-at.conf"
        assert drop_in.read_text().splitlines()[-1] == "OnCalendar=*-*-* 18:45:00"
    finally:
        boot.unlink()


def test_package_and_dependencies_import_from_debian_packages(installed: Installed) -> None:
    code = ("import kiosk, print_service, httpx, cups, gpiozero, systemd.daemon, reportlab, pypdf, icalendar, "
            "recurring_ical_events, cryptography, sys; "
            "print(sys.version_info[:2], httpx.__file__)")
    result = chroot(installed.root, "/opt/downtime-kiosk/venv/bin/python", "-c", code)
    assert result.returncode == 0, result.stderr
    assert "/usr/lib/python3/dist-packages/httpx" in result.stdout  # from apt, not PyPI


@pytest.fixture(scope="module")
def status_servers() -> Iterator[dict[str, LocalHTTPServer]]:
    """An Instatus-shaped status page, the EHR, the upload site and a canary, all healthy, on 127.0.0.1."""
    servers = {name: LocalHTTPServer() for name in ("page", "ehr", "upload", "canary")}
    servers["page"].route("/summary.json", Reply(json={"page": {"name": "ICANotes", "url": "https://status.test",
                                                                 "status": "UP"}}))
    servers["page"].route("/v2/components.json", Reply(json={"components": [
        {"id": "ckehr", "name": "EHR", "description": "", "status": "OPERATIONAL", "group": None}]}))
    servers["ehr"].route("/", Reply(302, headers={"Location": "/login"}))
    servers["ehr"].route("/login", Reply(200, body="<html>login</html>", content_type="text/html"))
    servers["upload"].route("/", Reply(200, body="<html>upload</html>", content_type="text/html"))
    servers["canary"].route("/generate_204", Reply(204))
    yield servers
    for server in servers.values():
        server.close()


def test_status_json_inside_the_root_against_loopback(installed: Installed,
                                                      status_servers: dict[str, LocalHTTPServer]) -> None:
    config = installed.root / "etc/downtime-kiosk/status-test.toml"
    config.write_text(
        "[status]\n"
        f'page_url = "{status_servers["page"].url}"\nprovider = "instatus"\n'
        f'ehr_url = "{status_servers["ehr"].url}/"\nupload_url = "{status_servers["upload"].url}/"\n'
        f'internet_urls = ["{status_servers["canary"].url}/generate_204"]\ntimeout_seconds = 5\n'
        "[paths]\nstate_dir = \"/tmp/kiosk-state\"\nruntime_dir = \"/tmp/kiosk-run\"\n")
    result = chroot(installed.root, KIOSK, "--config", "/etc/downtime-kiosk/status-test.toml", "status", "--json",
                    timeout=120)
    assert result.returncode == 0, result.stderr
    snapshot = json.loads(result.stdout)
    assert snapshot["level"] == "operational"
    assert snapshot["page"]["name"] == "ICANotes"
    assert any(request.path.startswith("/summary.json") for request in status_servers["page"].requests)


def test_every_form_renders_with_the_debian_libraries(installed: Installed) -> None:
    # Debian's reportlab and pypdf are older than the tests' PyPI versions: draw every form with them
    config = installed.root / "etc/downtime-kiosk/forms-test.toml"
    config.write_text('[paths]\nstate_dir = "/tmp/kiosk-forms-state"\nruntime_dir = "/tmp/kiosk-forms-run"\n')
    listing = chroot(installed.root, KIOSK, "--config", "/etc/downtime-kiosk/forms-test.toml", "forms", "list")
    assert listing.returncode == 0, listing.stderr
    form_ids = [line.split()[0] for line in listing.stdout.splitlines()[1:] if line.strip()]
    assert "procedure-card" in form_ids
    for form_id in form_ids:
        result = chroot(installed.root, KIOSK, "--config", "/etc/downtime-kiosk/forms-test.toml", "forms", "render",
                        form_id, "-o", f"/tmp/{form_id}.pdf", timeout=120)
        assert result.returncode == 0, f"{form_id}: {result.stderr}"
        pdf = installed.root / "tmp" / f"{form_id}.pdf"
        pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert "Pages:" in pages, form_id


def boot_config(installed: Installed, text: str) -> Path:
    path = installed.root / "boot/firmware/downtime-kiosk.toml"
    path.write_text(text)
    return path


def test_bad_boot_config_is_reported_where_the_screen_reads_it(installed: Installed) -> None:
    root = installed.root
    good = '[status]\npage_url = "https://status.example.org"\n'
    boot_config(installed, good)
    assert chroot(root, SETUP).returncode == 0
    assert (root / "etc/downtime-kiosk/config.toml").read_text() == good

    boot_config(installed, '[status]\npage_url = "status dot example"\n')
    result = chroot(root, SETUP)
    assert result.returncode == 78
    assert "status.page_url" in result.stderr
    error = json.loads((root / "var/lib/downtime-kiosk/config-error.json").read_text())
    assert error["source"] == "/boot/firmware/downtime-kiosk.toml"
    assert "status.page_url" in error["error"]
    alert = json.loads((root / "var/lib/downtime-kiosk/alerts/config.json").read_text())
    assert alert["kind"] == "config"
    assert "status.page_url" in alert["message"]
    assert (root / "etc/downtime-kiosk/config.toml").read_text() == good  # the last good one stays

    boot_config(installed, good)
    assert chroot(root, SETUP).returncode == 0
    assert not (root / "var/lib/downtime-kiosk/config-error.json").exists()
    assert not (root / "var/lib/downtime-kiosk/alerts/config.json").exists()


def test_broken_toml_on_the_boot_partition_is_reported(installed: Installed) -> None:
    boot_config(installed, "[status\npage_url = ")
    result = chroot(installed.root, SETUP)
    assert result.returncode == 78
    assert "not valid TOML" in result.stderr
    assert (installed.root / "var/lib/downtime-kiosk/config-error.json").exists()
    (installed.root / "boot/firmware/downtime-kiosk.toml").unlink()


def test_setup_twice_changes_nothing(installed: Installed) -> None:
    boot_config(installed, '[status]\npage_url = "https://status.example.org"\n')
    chroot(installed.root, SETUP)
    result = chroot(installed.root, SETUP)
    assert result.returncode == 0
    assert "nothing to change" in result.stdout


def test_forms_folder_is_installed_for_the_service_to_read(installed: Installed) -> None:
    forms = installed.root / "boot/firmware/forms"
    forms.mkdir()
    (forms / "intake.pdf").write_bytes(b"%PDF-1.4 stand-in\n")
    try:
        result = chroot(installed.root, SETUP)
        installed_pdf = installed.root / "etc/downtime-kiosk/forms/intake.pdf"
        assert installed_pdf.read_bytes() == b"%PDF-1.4 stand-in\n", result.stdout + result.stderr
        assert installed_pdf.stat().st_mode & 0o777 == 0o640
        owner = chroot(installed.root, "stat", "-c", "%U:%G", "/etc/downtime-kiosk/forms/intake.pdf").stdout
        assert owner.strip() == "root:downtime-kiosk"
        assert "nothing to change" in chroot(installed.root, SETUP).stdout
    finally:
        shutil.rmtree(forms)


@pytest.fixture
def cupsd_in_root(installed: Installed) -> Iterator[Path]:
    """The root's own cupsd, in the foreground, on its local socket only (the host's port 631 stays free)."""
    root = installed.root
    conf = root / "etc/cups/cupsd.conf"
    original = conf.read_text()
    conf.write_text("\n".join(line for line in original.splitlines() if not line.startswith("Listen localhost"))
                    + "\n")
    (root / "run/cups").mkdir(parents=True, exist_ok=True)
    process = subprocess.Popen(["chroot", str(root), "/usr/sbin/cupsd", "-f"], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while chroot(root, "lpstat", "-r").stdout.strip() != "scheduler is running":
            assert process.poll() is None, "cupsd exited"
            assert time.monotonic() < deadline, "cupsd did not start"
            time.sleep(0.2)
        yield root
    finally:
        process.terminate()
        process.wait(timeout=15)
        conf.write_text(original)


def printer_file(installed: Installed, text: str) -> None:
    (installed.root / "boot/firmware/downtime-kiosk-printer.txt").write_text(text)


def test_cupsd_accepts_the_installed_configuration(installed: Installed) -> None:
    result = chroot(installed.root, "/usr/sbin/cupsd", "-t")
    assert result.returncode == 0, result.stderr
    assert "is OK" in result.stdout + result.stderr
    assert "Unknown directive" not in result.stdout + result.stderr  # PreserveJobFiles is a cupsd.conf directive


def test_printer_file_adds_the_default_queue(cupsd_in_root: Path, installed: Installed) -> None:
    printer_file(installed, "# the printer by the front desk\nfrontdesk socket://127.0.0.1:9100\n")
    try:
        result = chroot(cupsd_in_root, SETUP)
        assert result.returncode == 0, result.stdout + result.stderr
        assert chroot(cupsd_in_root, "lpstat", "-v", "frontdesk").stdout.strip() == \
            "device for frontdesk: socket://127.0.0.1:9100"
        assert "frontdesk" in chroot(cupsd_in_root, "lpstat", "-d").stdout
        assert "nothing to change" in chroot(cupsd_in_root, SETUP).stdout  # the same file again: no change
    finally:
        (installed.root / "boot/firmware/downtime-kiosk-printer.txt").unlink()


class RawPrinter:
    """A network printer's raw port (JetDirect, port 9100 style) on 127.0.0.1 that keeps what it receives."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.jobs: list[bytes] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return
            with connection:
                self.jobs.append(b"".join(iter(functools.partial(connection.recv, 65536), b"")))

    def close(self) -> None:
        self._listener.close()


def test_prints_a_form_through_the_roots_cupsd(cupsd_in_root: Path, installed: Installed) -> None:
    printer = RawPrinter()
    printer_file(installed, f"frontdesk socket://127.0.0.1:{printer.port}\n")
    try:
        assert chroot(cupsd_in_root, SETUP).returncode == 0
        (cupsd_in_root / "etc/downtime-kiosk/print-test.toml").write_text(
            '[paths]\nstate_dir = "/tmp/kiosk-print-state"\nruntime_dir = "/tmp/kiosk-print-run"\n')
        result = chroot(cupsd_in_root, KIOSK, "--config", "/etc/downtime-kiosk/print-test.toml", "print",
                        "procedure-card", "--printer", "frontdesk", "--wait", timeout=120)
        assert result.returncode == 0, result.stdout + result.stderr
        deadline = time.monotonic() + 10  # the printer keeps the job once CUPS' backend closes the connection
        while not printer.jobs and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(printer.jobs) == 1
        assert printer.jobs[0].startswith(b"%PDF-")
    finally:
        printer.close()
        (installed.root / "boot/firmware/downtime-kiosk-printer.txt").unlink()


def test_unreachable_ipp_printer_is_reported(cupsd_in_root: Path, installed: Installed) -> None:
    printer_file(installed, "ipp://127.0.0.1:1/ipp/print\n")
    try:
        result = chroot(cupsd_in_root, SETUP)
        assert result.returncode == 1
        assert "could not add printer 'downtime-kiosk' at ipp://127.0.0.1:1/ipp/print" in result.stderr
    finally:
        (installed.root / "boot/firmware/downtime-kiosk-printer.txt").unlink()


def test_read_only_root_needs_the_data_partition(installed: Installed) -> None:
    marker = installed.root / "etc/downtime-kiosk/read-only-root"
    marker.write_text("switch the root file system to a read-only overlay at first boot\n")
    result = chroot(installed.root, SETUP, "--read-only-root")
    assert "read-only root not switched on: no KIOSKDATA partition" in result.stderr
    assert not marker.exists()
    assert "KIOSKDATA" not in (installed.root / "etc/fstab").read_text()

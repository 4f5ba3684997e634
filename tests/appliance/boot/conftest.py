"""Fixtures of the boot tests: the image built once per session (image_build/build.sh --base debian), a copy
with the boot-test probe units added, the host world, and the card taken through its stages (stages.py)."""

import os
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from tests.appliance.boot import image, stages
from tests.appliance.boot.machine import AMD64, RASPI3B, SCREEN, VIRT, Arch, Machine
from tests.appliance.boot.schedule_world import monday_calendar
from tests.appliance.boot.world import PRINTER_FILE, VIRT_BUTTON_LINE, HostWorld, guest_config, pi_config, virt_config
from tests.appliance.units import REPO

GUEST = Path(__file__).parent / "guest"
PROBE_DIR = "/usr/local/lib/downtime-kiosk-boot-test"
UNIT_DIR = "/etc/systemd/system"
# the probe's units, and the target each is enabled in (None: started by another, the relay's socket)
PROBE_UNITS = {"downtime-kiosk-boot-test.service": "multi-user.target",
               "downtime-kiosk-boot-test-relay.socket": "sockets.target",
               "downtime-kiosk-boot-test-relay.service": None}

# Stages 2 and 3 boot with no screen attached (stage 1 proves the screen), and so without the screen's process:
# under TCG, Kivy drawing with llvmpipe on QEMU's default VGA took much of a core from the box being tested.
NO_SCREEN = "systemd.mask=downtime-kiosk-ui.service"

# Each build and stage of this session: its wall seconds, and for a stage what each boot cost its guest; printed
# at the session's end (docs/appliance.md's figures).
FIGURES: dict[str, str] = {}


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The session's build and stage times, for docs/appliance.md §12-13."""
    if FIGURES:
        terminalreporter.write_sep("=", "boot figures (wall seconds; each boot's guest: uptime, CPU seconds)")
        for name, figures in FIGURES.items():
            terminalreporter.write_line(f"{name}: {figures}")


@dataclass(frozen=True)
class Built:
    """What build.sh produced for one architecture."""

    folder: Path
    seconds: float

    @property
    def image(self) -> Path:
        """The disk image."""
        return self.folder / "downtime-kiosk.img"


def build(arch: str, out: Path, *options: str) -> Built:
    """Run the Debian build with `options` (or take DOWNTIME_KIOSK_BOOT_IMAGES/<arch>, built before with the same
    options, when set)."""
    prebuilt = os.environ.get("DOWNTIME_KIOSK_BOOT_IMAGES")
    if prebuilt:
        return Built(Path(prebuilt) / arch, 0.0)
    started = time.monotonic()
    done = subprocess.run(["nice", "-n", "5", str(REPO / "image_build/build.sh"), "--base", "debian", "--arch", arch,
                           *options, "--out", str(out)], capture_output=True, text=True, check=False, timeout=3600)
    (out.parent / f"build-{arch}.log").write_text(done.stdout + done.stderr)
    assert done.returncode == 0, f"build.sh failed ({done.returncode}):\n{done.stdout[-3000:]}{done.stderr[-3000:]}"
    built = Built(out, time.monotonic() - started)
    FIGURES[f"image build ({arch})"] = f"{built.seconds:.0f} s"
    return built


def add_probe(source: Path, dest: Path) -> Path:
    """A copy of the built image with the boot-test units (enabled) and their scripts in its root."""
    image.copy_image(source, dest)
    files: dict[str, tuple[bytes | str, int]] = {
        f"{PROBE_DIR}/run-probe.sh": ((GUEST / "run-probe.sh").read_text(), 0o755),
    }
    links = {}
    for unit, target in PROBE_UNITS.items():
        files[f"{UNIT_DIR}/{unit}"] = ((GUEST / unit).read_text(), 0o644)
        if target is not None:
            links[f"{UNIT_DIR}/{target}.wants/{unit}"] = f"{UNIT_DIR}/{unit}"
    subprocess.run(["debugfs", "-w", "-R", f"mkdir {PROBE_DIR}", f"{dest}?offset={image.partitions(dest)[1].offset}"],
                   capture_output=True, check=False)
    image.ext4_write(dest, image.ROOT, files, links)
    return dest


@pytest.fixture(scope="session")
def amd64_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The amd64 image, built once per session."""
    missing = image.have_tools()
    assert not missing, f"boot tests need these host tools (bash .ci/boot installs them): {missing}"
    return build("amd64", tmp_path_factory.mktemp("build") / "amd64")


@pytest.fixture(scope="session")
def amd64_probe_image(amd64_build: Built, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built amd64 image plus the probe units."""
    return add_probe(amd64_build.image, tmp_path_factory.mktemp("probe") / "downtime-kiosk.img")


@pytest.fixture(scope="session")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HostWorld]:
    """The practice's world on 127.0.0.1 for the whole session: healthy, serving Monday's calendar."""
    started = HostWorld.start(tmp_path_factory.mktemp("world"))
    started.serve_calendar(monday_calendar())
    yield started
    started.close()


def flash(source: Path, folder: Path, build: Built, world: HostWorld, probe: str, *,
          extra: list[str] | None = None, arch: Arch = AMD64, config: str | None = None,
          dtb: Path | None = None) -> Machine:
    """A card: a copy of `source` with the practice's files (and the probe) on its boot partition, in a machine
    (`extra`: more QEMU arguments, e.g. a screen)."""
    folder.mkdir(parents=True, exist_ok=True)
    card_image = image.copy_image(source, folder / "card.img")
    image.fat_write(card_image, {"downtime-kiosk.toml": config or guest_config(),
                                 "downtime-kiosk-printer.txt": PRINTER_FILE, "boot-test.sh": probe})
    if arch.disk == "sd":
        image.sd_card(card_image)
    return Machine(card_image, build.folder / "vmlinuz", build.folder / "initrd.img", folder, world.forwards(), arch,
                   extra=list(extra or []), dtb=dtb)


def _timed(name: str, stage: stages.Stage) -> stages.Stage:
    """`stage`, its wall time and its boots' own figures noted in FIGURES."""
    FIGURES[name] = "; ".join([f"{stage.seconds:.0f} s", *stage.guest_figures()])
    return stage


@dataclass
class FirstBooted:
    """The card after stage 1, and what stage 1 reported."""

    machine: Machine
    stage: stages.Stage

    def copy(self, folder: Path, kernel_extra: str = "") -> Machine:
        """Another card in the same state (the clock where stage 1 left it), with no extra devices."""
        folder.mkdir(parents=True, exist_ok=True)
        return replace(self.machine, image=image.copy_image(self.machine.image, folder / "card.img"), folder=folder,
                       boots=0, extra=[], kernel_extra=kernel_extra)


@pytest.fixture(scope="session")
def first_booted(amd64_build: Built, amd64_probe_image: Path, world: HostWorld,
                 tmp_path_factory: pytest.TempPathFactory) -> FirstBooted:
    """Stage 1: a freshly flashed card booted for the first time."""
    machine = flash(amd64_probe_image, tmp_path_factory.mktemp("stage1"), amd64_build, world, stages.FIRST_BOOT,
                    extra=SCREEN)
    return FirstBooted(machine, _timed("stage 1, first boot (amd64)", stages.first_boot(machine, world)))


@pytest.fixture(scope="session")
def evening(first_booted: FirstBooted, world: HostWorld, tmp_path_factory: pytest.TempPathFactory) -> stages.Stage:
    """Stage 2: the evening after the first boot, with a wrong configuration on the card."""
    card = first_booted.copy(tmp_path_factory.mktemp("stage2"), NO_SCREEN)
    return _timed("stage 2, the evening", stages.evening(card, world))


@pytest.fixture(scope="session")
def power_cut(first_booted: FirstBooted, world: HostWorld, tmp_path_factory: pytest.TempPathFactory) -> stages.Stage:
    """Stage 3: a power cut just before the evening print."""
    card = first_booted.copy(tmp_path_factory.mktemp("stage3"), NO_SCREEN)
    return _timed("stage 3, the power cut", stages.power_cut(card, world))


PI_3B_REVISION = 0xA02082   # what a Raspberry Pi 3 Model B's firmware reports


@pytest.fixture(scope="session")
def arm64_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The arm64 image (lgpio built in, as python3-lgpio on Raspberry Pi OS), built once per session.

    An LED-only box (--no-screen): Debian's vc4 driver does not bind under QEMU's raspi3b, so the emulated Pi has
    no screen to show (the screen is proven on amd64), and leaving Kivy and Mesa out of the base built under
    qemu-user saves a third of its packages."""
    missing = image.have_tools("arm64")
    assert not missing, f"the Pi's boot tests need these host tools (bash .ci/boot installs them): {missing}"
    return build("arm64", tmp_path_factory.mktemp("build") / "arm64", "--no-screen")


@pytest.fixture(scope="session")
def pi_first_booted(arm64_build: Built, world: HostWorld, tmp_path_factory: pytest.TempPathFactory) -> FirstBooted:
    """The Pi's first boot on QEMU's raspi3b, with the LED and the button wired (stages.pi_first_boot)."""
    folder = tmp_path_factory.mktemp("pi")
    probe_image = add_probe(arm64_build.image, folder / "probe.img")
    dtb = image.pi_device_tree(arm64_build.folder / "bcm2837-rpi-3-b.dtb", folder / "pi.dtb", PI_3B_REVISION)
    machine = flash(probe_image, folder / "card", arm64_build, world, stages.PI_FIRST_BOOT, arch=RASPI3B,
                    config=pi_config(), dtb=dtb)
    return FirstBooted(machine, _timed("the Pi's first boot (raspi3b)", stages.pi_first_boot(machine, world)))


@pytest.fixture(scope="session")
def pi_pressed(pi_first_booted: FirstBooted, world: HostWorld,
               tmp_path_factory: pytest.TempPathFactory) -> stages.Stage:
    """The Pi's card after its first boot, moved to QEMU's virt board (whose GPIO inputs the host can set) with
    the LED and the button on that board's lines, and its button pressed (stages.pi_press)."""
    folder = tmp_path_factory.mktemp("pi-virt")
    card = pi_first_booted.copy(folder)
    image.fat_write(card.image, {"downtime-kiosk.toml": virt_config(), "boot-test.sh": stages.PI_PRESS})
    dtb = image.virt_device_tree(VIRT.qemu, VIRT.machine, folder / "virt.dtb", PI_3B_REVISION)
    machine = replace(card, arch=VIRT, dtb=dtb, pulled_up=(VIRT_BUTTON_LINE,))
    return _timed("the button pressed (virt)", stages.pi_press(machine, world))

"""Fixtures of the boot tests: the image built once per session (image_build/build.sh --base debian), a copy
with the boot-test probe units added, the host world, and one card (image copy) per test."""

import os
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.appliance.boot import image
from tests.appliance.boot.machine import AMD64, Arch, Machine
from tests.appliance.boot.world import PRINTER_FILE, HostWorld, guest_config
from tests.appliance.units import REPO

GUEST = Path(__file__).parent / "guest"
PROBE_DIR = "/usr/local/lib/downtime-kiosk-boot-test"
UNIT_DIR = "/etc/systemd/system"
PROBE_UNITS = ("downtime-kiosk-boot-test.service", "downtime-kiosk-boot-test-relay.service")


@dataclass(frozen=True)
class Built:
    """What build.sh produced for one architecture."""

    folder: Path
    seconds: float

    @property
    def image(self) -> Path:
        """The disk image."""
        return self.folder / "downtime-kiosk.img"


def build(arch: str, out: Path) -> Built:
    """Run the Debian build (or take DOWNTIME_KIOSK_BOOT_IMAGES/<arch>, built before, when set)."""
    prebuilt = os.environ.get("DOWNTIME_KIOSK_BOOT_IMAGES")
    if prebuilt:
        return Built(Path(prebuilt) / arch, 0.0)
    started = time.monotonic()
    done = subprocess.run(["nice", "-n", "5", str(REPO / "image_build/build.sh"), "--base", "debian", "--arch", arch,
                           "--out", str(out)], capture_output=True, text=True, check=False, timeout=3600)
    (out.parent / f"build-{arch}.log").write_text(done.stdout + done.stderr)
    assert done.returncode == 0, f"build.sh failed ({done.returncode}):\n{done.stdout[-3000:]}{done.stderr[-3000:]}"
    return Built(out, time.monotonic() - started)


def add_probe(source: Path, dest: Path) -> Path:
    """A copy of the built image with the boot-test units (enabled) and their scripts in its root."""
    image.copy_image(source, dest)
    files: dict[str, tuple[bytes | str, int]] = {
        f"{PROBE_DIR}/relay.py": ((GUEST / "relay.py").read_text(), 0o755),
        f"{PROBE_DIR}/run-probe.sh": ((GUEST / "run-probe.sh").read_text(), 0o755),
    }
    links = {}
    for unit in PROBE_UNITS:
        files[f"{UNIT_DIR}/{unit}"] = ((GUEST / unit).read_text(), 0o644)
        links[f"{UNIT_DIR}/multi-user.target.wants/{unit}"] = f"{UNIT_DIR}/{unit}"
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


@pytest.fixture
def world(tmp_path: Path) -> Iterator[HostWorld]:
    """The practice's world on 127.0.0.1, healthy."""
    started = HostWorld.start(tmp_path)
    yield started
    started.close()


CardFactory = Callable[..., Machine]


@pytest.fixture
def card(amd64_build: Built, amd64_probe_image: Path, world: HostWorld, tmp_path: Path) -> CardFactory:
    """A freshly flashed card with the practice's files on its boot partition, in a machine."""

    def make(probe: str, *, config: str | None = None, printer: str | None = PRINTER_FILE,
             arch: Arch = AMD64) -> Machine:
        card_image = image.copy_image(amd64_probe_image, tmp_path / "card.img")
        files = {"downtime-kiosk.toml": config if config is not None else guest_config(), "boot-test.sh": probe}
        if printer is not None:
            files["downtime-kiosk-printer.txt"] = printer
        image.fat_write(card_image, files)
        return Machine(card_image, amd64_build.folder / "vmlinuz", amd64_build.folder / "initrd.img", tmp_path,
                       world.forwards(), arch)

    return make

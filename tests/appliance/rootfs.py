"""A Debian Trixie root file system (debootstrap, minbase, this machine's architecture) to install the
appliance into with chroot, as on a freshly flashed Raspberry Pi OS Lite, but without qemu.

The debootstrap result is cached as a tarball outside the repository ($DOWNTIME_KIOSK_TEST_CACHE, default
/var/cache/downtime-kiosk-test), and so are the .deb files apt downloads, so a second run needs no network
for the base system and takes seconds to unpack. Needs root (chroot, mount), as CI runs.
"""

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.appliance.units import REPO

RELEASE = "trixie"
MIRROR = os.environ.get("DOWNTIME_KIOSK_TEST_MIRROR", "http://deb.debian.org/debian")
CACHE = Path(os.environ.get("DOWNTIME_KIOSK_TEST_CACHE", "/var/cache/downtime-kiosk-test"))
SOURCE_IN_ROOT = "usr/src/downtime-kiosk"
INSTALL = f"/{SOURCE_IN_ROOT}/image_build/install.sh"
SHIPPED = ("kiosk", "print_service", "pyproject.toml", "README.md", "systemd", "image_build", "docs")
# Not part of what install.sh may change: kernel file systems, scratch, the bind-mounted apt cache, our copy.
NOT_COMPARED = ("proc", "dev", "sys", "run", "tmp", "var/cache/apt/archives", SOURCE_IN_ROOT)


def architecture() -> str:
    """This machine's Debian architecture (amd64 in CI)."""
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()


def base_tarball() -> Path:
    """The cached minbase root file system, made with debootstrap on first use."""
    tarball = CACHE / f"{RELEASE}-{architecture()}-minbase.tar"
    if tarball.exists():
        return tarball
    CACHE.mkdir(parents=True, exist_ok=True)
    scratch = CACHE / f"bootstrap-{os.getpid()}"
    shutil.rmtree(scratch, ignore_errors=True)
    try:
        subprocess.run(["debootstrap", "--variant=minbase", RELEASE, str(scratch), MIRROR],
                       check=True, capture_output=True, timeout=600)
        partial = tarball.with_suffix(".partial")
        subprocess.run(["tar", "-C", str(scratch), "-cf", str(partial), "."], check=True, timeout=300)
        partial.rename(tarball)
    finally:
        with contextlib.suppress(FileNotFoundError):
            subprocess.run(["umount", "-l", str(scratch / "proc")], capture_output=True, check=False)
        shutil.rmtree(scratch, ignore_errors=True)
    return tarball


@contextlib.contextmanager
def prepared_root(where: Path) -> Iterator[Path]:
    """Unpack the base system into `where`, mount /proc and the apt cache, copy this checkout in."""
    root = where / "rootfs"
    root.mkdir()
    subprocess.run(["tar", "-C", str(root), "-xf", str(base_tarball())], check=True, timeout=300)
    archives = CACHE / "apt-archives"
    (archives / "partial").mkdir(parents=True, exist_ok=True)
    mounts = [root / "proc", root / "var/cache/apt/archives"]
    subprocess.run(["mount", "-t", "proc", "proc", str(mounts[0])], check=True)
    try:
        subprocess.run(["mount", "--bind", str(archives), str(mounts[1])], check=True)
        (root / "boot/firmware").mkdir(parents=True)
        copy_checkout(root / SOURCE_IN_ROOT)
        yield root
    finally:
        for mount in reversed(mounts):
            subprocess.run(["umount", "-l", str(mount)], capture_output=True, check=False)


def copy_checkout(dest: Path) -> None:
    """What install.sh needs from the repository (as the pi-gen stage copies it)."""
    dest.mkdir(parents=True)
    for name in SHIPPED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, dest / name, symlinks=True,
                            ignore=shutil.ignore_patterns("work", "deploy"))  # __pycache__ kept: a dev checkout has it
        else:
            shutil.copy2(source, dest / name)


def chroot(root: Path, *command: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run a command inside the root file system (no systemd there: it is not booted)."""
    env = {"PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8",
           "DEBIAN_FRONTEND": "noninteractive", "HOME": "/root"}
    return subprocess.run(["chroot", str(root), *command], capture_output=True, text=True, check=False,
                          env=env, timeout=timeout)


def manifest(root: Path) -> dict[str, tuple[object, ...]]:
    """Every path under `root` with its type, mode, owner, size, modification time and link target."""
    skip = {root / part for part in NOT_COMPARED}
    found: dict[str, tuple[object, ...]] = {}
    for directory, dirs, files in os.walk(root):
        here = Path(directory)
        dirs[:] = [d for d in dirs if here / d not in skip]
        for name in (*dirs, *files):
            path = here / name
            info = path.lstat()
            target = os.readlink(path) if path.is_symlink() else None
            found[str(path.relative_to(root))] = (info.st_mode, info.st_uid, info.st_gid, info.st_size,
                                                  info.st_mtime_ns, target)
    return found



@dataclass
class Installed:
    """A root file system after two runs of install.sh, what each run said, and what the second changed."""

    root: Path
    first: str
    second: str
    first_rc: int
    second_rc: int
    changed_by_second_run: dict[str, tuple[tuple[object, ...] | None, tuple[object, ...] | None]]


def install_twice(root: Path, *options: str) -> Installed:
    """Run install.sh with `options` twice in `root`, comparing every file before and after the second run."""
    first = chroot(root, INSTALL, *options, timeout=900)
    before = manifest(root)
    second = chroot(root, INSTALL, *options, timeout=900)
    after = manifest(root)
    changed = {path: (before.get(path), after.get(path))
               for path in before.keys() | after.keys() if before.get(path) != after.get(path)}
    return Installed(root, first.stdout + first.stderr, second.stdout + second.stderr, first.returncode,
                     second.returncode, changed)

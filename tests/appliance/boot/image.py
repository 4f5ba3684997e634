"""Reading and writing a built disk image without mounting it: partitions from sfdisk, the FAT boot partition
with mtools (as the IT person's computer writes the card), the ext4 root and data partitions with debugfs."""

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

BOOT, ROOT, DATA = 0, 1, 2   # partition indexes: bootfs, root, KIOSKDATA


@dataclass(frozen=True)
class Partition:
    """Where one partition lies in the image file, in bytes."""

    offset: int
    size: int


def partitions(image: Path) -> list[Partition]:
    """The image's partitions in table order."""
    table = json.loads(subprocess.run(["sfdisk", "-J", str(image)], capture_output=True, text=True,
                                      check=True).stdout)["partitiontable"]
    sector = int(table.get("sectorsize", 512))
    return [Partition(p["start"] * sector, p["size"] * sector) for p in table["partitions"]]


def _fat(image: Path) -> str:
    return f"{image}@@{partitions(image)[BOOT].offset}"


def fat_write(image: Path, files: Mapping[str, bytes | str]) -> None:
    """Put files (path relative to the partition's top -> content) onto the FAT boot partition, replacing any."""
    target = _fat(image)
    with tempfile.TemporaryDirectory() as scratch:
        for name, content in files.items():
            local = Path(scratch) / name.replace("/", "_")
            local.write_bytes(content.encode() if isinstance(content, str) else content)
            parts = name.split("/")
            for depth in range(1, len(parts)):
                subprocess.run(["mmd", "-D", "s", "-i", target, "::/" + "/".join(parts[:depth])],
                               capture_output=True, check=False)   # exists already: fine
            subprocess.run(["mcopy", "-o", "-i", target, str(local), "::/" + name], check=True, capture_output=True)


def fat_delete(image: Path, name: str) -> None:
    """Remove one file from the FAT boot partition (absent: nothing to do)."""
    subprocess.run(["mdel", "-i", _fat(image), "::/" + name], capture_output=True, check=False)


def fat_read(image: Path, name: str) -> str:
    """One text file from the FAT boot partition."""
    return subprocess.run(["mtype", "-i", _fat(image), "::/" + name], capture_output=True, text=True,
                          check=True).stdout


def _ext4(image: Path, index: int) -> str:
    return f"{image}?offset={partitions(image)[index].offset}"


def ext4_write(image: Path, index: int, files: dict[str, tuple[bytes | str, int]],
               links: dict[str, str] | None = None) -> None:
    """Write files (absolute path -> (content, mode)) and symlinks (link -> target) into an ext4 partition."""
    with tempfile.TemporaryDirectory() as scratch:
        commands = []
        for number, (path, (content, mode)) in enumerate(files.items()):
            local = Path(scratch) / f"f{number}"
            local.write_bytes(content.encode() if isinstance(content, str) else content)
            folder, name = path.rsplit("/", 1)
            commands += [f"cd {folder or '/'}", f"rm {name}", f"write {local} {name}",
                         f"set_inode_field {name} mode 0{0o100000 | mode:o}",
                         f"set_inode_field {name} uid 0", f"set_inode_field {name} gid 0"]
        for link, target in (links or {}).items():
            commands += [f"rm {link}", f"symlink {link} {target}"]
        script = Path(scratch) / "commands"
        script.write_text("\n".join(commands) + "\n")
        subprocess.run(["debugfs", "-w", "-f", str(script), _ext4(image, index)], capture_output=True, check=True)


def ext4_read(image: Path, index: int, path: str) -> bytes | None:
    """One file from an ext4 partition, or None when it is not there."""
    done = subprocess.run(["debugfs", "-R", f"stat {path}", _ext4(image, index)], capture_output=True, text=True,
                          check=False)
    if "Inode:" not in done.stdout:
        return None
    return subprocess.run(["debugfs", "-R", f"cat {path}", _ext4(image, index)], capture_output=True,
                          check=True).stdout


def copy_image(source: Path, dest: Path) -> Path:
    """A sparse copy (each scenario boots its own card)."""
    subprocess.run(["cp", "--sparse=always", str(source), str(dest)], check=True)
    return dest


def sd_card(path: Path) -> Path:
    """Grow the image file to a power of two, the only sizes QEMU's SD card takes (the partitions stay)."""
    size = path.stat().st_size
    os.truncate(path, 1 << (size - 1).bit_length())
    return path


def pi_device_tree(source: Path, dest: Path, revision: int) -> Path:
    """The Pi's device tree with the board revision in it (add_revision)."""
    shutil.copyfile(source, dest)
    return add_revision(dest, revision)


def add_revision(dest: Path, revision: int) -> Path:
    """The board revision in /system/linux,revision, which a Pi's firmware writes there before the kernel starts
    (gpiozero reads the board from it) and QEMU's -kernel boot does not."""
    subprocess.run(["fdtput", "-c", str(dest), "/system"], check=True, capture_output=True)
    subprocess.run(["fdtput", "-t", "x", str(dest), "/system", "linux,revision", f"{revision:x}"], check=True,
                   capture_output=True)
    return dest


def virt_device_tree(qemu: str, machine: list[str], dest: Path, revision: int) -> Path:
    """QEMU's own device tree for the board `machine` (its arguments as booted: "-M", "virt", …), without its
    gpio-keys node, whose kernel driver would hold line 3 of the PL061, and with a Pi's board revision
    (add_revision)."""
    at = machine.index("-M") + 1
    board = [*machine[:at], f"{machine[at]},dumpdtb={dest}", *machine[at + 1:]]
    subprocess.run([qemu, *board, "-display", "none"], check=True, capture_output=True)
    subprocess.run(["fdtput", "-r", str(dest), "/gpio-keys"], check=True, capture_output=True)
    return add_revision(dest, revision)


def have_tools(arch: str = "amd64") -> list[str]:
    """The host tools the boot tests on `arch` need that are missing (empty: all there)."""
    wanted: tuple[str, ...] = ("mmdebstrap", "mcopy", "mkfs.vfat", "debugfs", "sfdisk", "socat", "zstd", "pdftotext")
    wanted += ("qemu-system-aarch64", "fdtput", "arch-test") if arch == "arm64" else ("qemu-system-x86_64",)
    return [tool for tool in wanted if shutil.which(tool) is None]

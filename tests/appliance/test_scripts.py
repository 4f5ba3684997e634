"""Every shell script passes shellcheck, and the files the image builder runs carry the run bit in git
(pi-gen silently skips a stage script that is not executable)."""

import subprocess
from pathlib import Path

import pytest

from tests.appliance.units import REPO

# What pi-gen, systemd and the IT person execute directly: must be mode 100755 in git.
EXECUTABLES = (
    "image_build/install.sh",
    "image_build/build.sh",
    "image_build/add-data-partition.sh",
    "image_build/files/downtime-kiosk-setup",
    "image_build/stage-downtime-kiosk/prerun.sh",
    "image_build/stage-downtime-kiosk/00-downtime-kiosk/00-run.sh",
    "image_build/stage-downtime-kiosk/00-downtime-kiosk/01-run-chroot.sh",
    "systemd/generators/downtime-kiosk-generator",
)
# pi-gen sources these; no shebang, shellcheck told by a directive.
SOURCED = ("image_build/stage-downtime-kiosk/EXPORT_IMAGE",)


def tracked_files() -> dict[str, str]:
    """path -> git mode, for every file git tracks (what a clean clone gets)."""
    out = subprocess.run(["git", "ls-files", "-s"], cwd=REPO, capture_output=True, text=True, check=True).stdout
    modes = {}
    for line in out.splitlines():
        meta, path = line.split("\t", 1)
        modes[path] = meta.split()[0]
    return modes


def is_shell_script(path: Path) -> bool:
    """A file whose first line starts a POSIX shell or bash."""
    try:
        first = path.read_bytes()[:120].split(b"\n", 1)[0]
    except (IsADirectoryError, FileNotFoundError):
        return False
    return first.startswith(b"#!") and any(shell in first for shell in (b"/sh", b"bash"))


def shell_scripts() -> list[str]:
    """Every tracked shell script in the repository, plus the sourced pi-gen files."""
    found = [p for p in tracked_files() if is_shell_script(REPO / p)]
    return sorted({*found, *SOURCED})


def test_the_scripts_we_ship_are_found() -> None:
    scripts = shell_scripts()
    assert "image_build/install.sh" in scripts
    assert "image_build/files/downtime-kiosk-setup" in scripts


@pytest.mark.parametrize("script", shell_scripts())
def test_shellcheck_is_clean(script: str) -> None:
    result = subprocess.run(["shellcheck", "--external-sources", script], cwd=REPO, capture_output=True, text=True,
                            check=False, timeout=60)
    assert result.returncode == 0, result.stdout


def test_shellcheck_catches_a_mistake(tmp_path: Path) -> None:
    script = tmp_path / "bad.sh"
    script.write_text('#!/bin/bash\nrm -rf $1/*\n')
    result = subprocess.run(["shellcheck", str(script)], capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode != 0


@pytest.mark.parametrize("path", EXECUTABLES)
def test_run_bit_is_in_git(path: str) -> None:
    assert tracked_files().get(path) == "100755", f"{path}: git update-index --chmod=+x {path}"


@pytest.mark.parametrize("path", SOURCED)
def test_sourced_files_need_no_run_bit_but_are_tracked(path: str) -> None:
    assert path in tracked_files()


def test_install_sh_refuses_unknown_options() -> None:
    result = subprocess.run([str(REPO / "image_build/install.sh"), "--frobnicate"], capture_output=True, text=True,
                            check=False, timeout=30)
    assert result.returncode == 64
    assert "--frobnicate" in result.stderr


def test_install_sh_help_names_its_options() -> None:
    result = subprocess.run([str(REPO / "image_build/install.sh"), "--help"], capture_output=True, text=True,
                            check=True, timeout=30)
    for option in ("--image", "--skip-kivy", "--no-start"):
        assert option in result.stdout

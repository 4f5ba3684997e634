"""The boot harness tells the emulator's faults from the box's: a console line it knows is a fault (power-cycle
and boot again), anything else is the box's to answer for."""

import subprocess
from pathlib import Path

from tests.appliance.boot.machine import Boot

OOPS_AMD64 = "[    6.053866] Oops: int3: 0000 [#1] PREEMPT SMP NOPTI\n"
OOPS_ARM64 = "[   41.002345] Internal error: Oops: 0000000096000004 [#1]  SMP\n"
DWC2 = "[   38.100000] dwc2 3f980000.usb: Not connected\n"


def boot_with(tmp_path: Path, console: str) -> Boot:
    log = tmp_path / "console-1.log"
    log.write_text("[    0.000000] Linux version 6.12\n" + console)
    process = subprocess.Popen(["true"])
    process.wait()
    return Boot(process, log, tmp_path / "monitor-1.sock")


def test_each_known_emulator_fault_is_named(tmp_path: Path) -> None:
    assert boot_with(tmp_path, OOPS_AMD64).fault() == "the guest kernel crashed (a stray int3 trap under TCG)"
    assert boot_with(tmp_path, OOPS_ARM64).fault() == "the guest kernel crashed (an oops under TCG)"
    assert boot_with(tmp_path, DWC2).fault() == "the emulated USB port lost the network adapter (QEMU's dwc2)"


def test_the_boxs_own_failures_are_not_blamed_on_the_emulator(tmp_path: Path) -> None:
    console = "BOOT-TEST system degraded\nBOOT-TEST failed downtime-kiosk-watch.service\nint3 in a user program\n"
    assert boot_with(tmp_path, console).fault() is None

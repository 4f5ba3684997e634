"""The boot harness tells the emulator's faults from the box's: a console line it knows is a fault (power-cycle
and boot again), anything else is the box's to answer for."""

import subprocess
from pathlib import Path

from tests.appliance.boot.machine import RETRIES_AFTER_FAULT, SELF_REBOOTS, Boot, next_step

INT3_AMD64 = "[    6.053866] Oops: int3: 0000 [#1] PREEMPT SMP NOPTI\n"
DOUBLE_FAULT_AMD64 = ("[  167.379739] traps: PANIC: double fault, error_code: 0x0\n"
                      "[  167.386544] Oops: double fault: 0000 [#1] PREEMPT SMP NOPTI\n"
                      "[  167.443156] Kernel panic - not syncing: Fatal exception in interrupt\n")
OOPS_ARM64 = "[   41.002345] Internal error: Oops: 0000000096000004 [#1]  SMP\n"
DWC2 = "[   38.100000] dwc2 3f980000.usb: Not connected\n"
NO_ROOT = "[    3.100000] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)\n"


def boot_with(tmp_path: Path, console: str, running: bool = False) -> Boot:
    log = tmp_path / "console-1.log"
    log.write_text("[    0.000000] Linux version 6.12\n" + console)
    process = subprocess.Popen(["sleep", "60"] if running else ["true"])
    if not running:
        process.wait()
    return Boot(process, log, tmp_path / "monitor-1.sock")


def test_each_known_emulator_fault_is_named(tmp_path: Path) -> None:
    amd64 = "the guest kernel crashed (an amd64 oops under TCG)"
    assert boot_with(tmp_path, INT3_AMD64).fault() == amd64
    assert boot_with(tmp_path, DOUBLE_FAULT_AMD64).fault() == amd64
    assert boot_with(tmp_path, OOPS_ARM64).fault() == "the guest kernel crashed (an arm64 oops under TCG)"
    assert boot_with(tmp_path, DWC2).fault() == "the emulated USB port lost the network adapter (QEMU's dwc2)"


def test_the_boxs_own_failures_are_not_blamed_on_the_emulator(tmp_path: Path) -> None:
    console = "BOOT-TEST system degraded\nBOOT-TEST failed downtime-kiosk-watch.service\nint3 in a user program\n"
    assert boot_with(tmp_path, console).fault() is None
    assert boot_with(tmp_path, NO_ROOT).fault() is None


def test_a_fault_is_retried_a_few_times_then_reported(tmp_path: Path) -> None:
    crashed = boot_with(tmp_path, DOUBLE_FAULT_AMD64)
    assert next_step(crashed, 0, 0) == "retry"
    assert next_step(crashed, 0, RETRIES_AFTER_FAULT) == "give up"


def test_a_boot_that_ended_by_itself_is_a_reboot_unless_its_kernel_panicked(tmp_path: Path) -> None:
    assert next_step(boot_with(tmp_path, "[   20.0] reboot: Restarting system\n"), 0, 0) == "reboot"
    assert next_step(boot_with(tmp_path, "[   20.0] reboot: Restarting system\n"), SELF_REBOOTS, 0) == "give up"
    assert next_step(boot_with(tmp_path, NO_ROOT), 0, 0) == "give up"


def test_a_boot_still_running_or_up_is_not_booted_again(tmp_path: Path) -> None:
    running = boot_with(tmp_path, "[   20.0] systemd[1]: Starting units\n", running=True)
    try:
        assert next_step(running, 0, 0) == "give up"
    finally:
        running.process.kill()
        running.process.wait()
    assert next_step(boot_with(tmp_path, "BOOT-TEST system running\n"), 0, 0) == "up"


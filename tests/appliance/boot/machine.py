"""One emulated boot of the image under QEMU (TCG): kernel, initrd and the card's own cmdline.txt (as a Pi's
firmware passes it), the serial console last so the probe's lines reach the log, the clock chosen with
-rtc base (or, on the Pi, which has no RTC, systemd.clock_usec=), user networking with restrict=on whose only way
out is one socat per connection to 127.0.0.1."""

import base64
import os
import re
import signal
import socket
import subprocess
import time
import warnings
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Literal

from tests.appliance.boot import image
from tests.appliance.boot.world import GUEST_HOST

PREFIX = "BOOT-TEST "
# Console lines that tell of the emulator failing, not the box. QEMU's dwc2 (the raspi3b's USB) now and then
# drops its root port while the kernel enumerates the hub behind it: the Pi then boots with no network adapter.
# And guest kernels have, once in a long while on a busy host, crashed under TCG in code no test reaches: arm64 in
# its dcache LRU; amd64 on a stray int3 in the scheduler's clock (the kernel patches its own code while the other
# vCPU runs it) and on a double fault in the slab allocator's cmpxchg16b, EFLAGS full of garbage (two CI runs, 3 Dec
# 2026). Each was QEMU's multi-threaded TCG racing itself, which is why AMD64 and VIRT have one vCPU; the raspi3b's
# SoC has four, fixed. amd64's kernel starts every such report with "Oops: " since 6.9, arm64's with "Internal error".
EMULATOR_FAULTS = {
    "dwc2 3f980000.usb: Not connected": "the emulated USB port lost the network adapter (QEMU's dwc2)",
    "Internal error: Oops": "the guest kernel crashed (an arm64 oops under TCG)",
    "] Oops: ": "the guest kernel crashed (an amd64 oops under TCG)",
}
# Any crash ends the guest at once (a reboot, which -no-reboot makes an exit), not a hang until a stage's timeout.
CRASH_ENDS_THE_BOOT = "oops=panic panic=-1"
PANIC = "Kernel panic - not syncing"
RETRIES_AFTER_FAULT = 2
SELF_REBOOTS = 3   # the reboots a boot may make by itself before the system is up (setup's: one)


@dataclass(frozen=True)
class Arch:
    """What differs between the emulated machines."""

    qemu: str
    machine: list[str]
    console: str
    disk: str            # the -drive interface
    root: str            # the root device as that machine names it
    devices: list[str]   # the network card (netdev n0) and the rest
    serial: list[str] = field(default_factory=list)   # -serial arguments before the console's
    rtc: bool = True     # False: no RTC, the clock goes on the kernel command line
    kernel: str = ""     # more kernel command-line arguments this machine needs
    qtest: bool = False  # a qtest socket beside TCG, through which the host sets the machine's GPIO inputs


# One vCPU: see EMULATOR_FAULTS. It cost the amd64 lane about two minutes of a warm CI run (1248 s to 1372 s,
# docs/appliance.md §13), not work: the guests' own CPU seconds fell, but one vCPU cannot use a core left free.
AMD64 = Arch("qemu-system-x86_64", ["-M", "pc", "-m", "1536", "-smp", "1"], "ttyS0", "virtio", "/dev/vda2",
             ["-device", "virtio-net-pci,netdev=n0", "-device", "virtio-rng-pci"])
# A Raspberry Pi 3 B: 1 GiB, the SoC's GPIO (gpiochip0, 54 lines), the SD card, a USB network adapter. The
# console is the mini UART (ttyS1, QEMU's second serial port): the PL011 belongs to the Bluetooth in the
# mainline device tree. QEMU's BCM2835 power management resets the machine the moment the watchdog is armed (its
# model has no countdown: hw/misc/bcm2835_powermgt.c), so PID 1 leaves the hardware watchdog alone here; a real
# Pi keeps the image's RuntimeWatchdogSec. And the drivers of what QEMU's raspi3b does not model are kept from
# loading (module_blacklist=): the VideoCore display and 3D (vc4, with DRM and ALSA behind it; this card has no
# screen), vchiq, the I2S audio, the Bluetooth and Wi-Fi chips. Under TCG each such load decompresses, verifies and
# links a module to probe hardware that is not there (vc4's ended in deferred-probe timeouts); on a Pi they bind
# to real hardware. (The guest's udev still used 95 CPU seconds in a boot with them kept out, 106 with them in.)
PI_ABSENT_HARDWARE = ("vc4", "vchiq", "snd_soc_bcm2835_i2s", "hci_uart", "btbcm", "bluetooth", "brcmfmac",
                      "cfg80211")
RASPI3B = Arch("qemu-system-aarch64", ["-M", "raspi3b"], "ttyS1", "sd", "/dev/mmcblk0p2",
               ["-device", "usb-net,netdev=n0"], ["-serial", "null"], rtc=False,
               kernel=f"systemd.watchdog_sec=off module_blacklist={','.join(PI_ABSENT_HARDWARE)}")
# The Pi's arm64 image on QEMU's virt board, for the one thing raspi3b cannot do: a press of the button. Its PL061
# GPIO controller (gpiochip0, 8 lines) has working inputs with edge interrupts, and QEMU's qtest protocol, served
# beside TCG, sets an input line's level from the host as a finger on the button would (Boot.drive). The board's
# own gpio-keys node (the power button on line 3) is taken out of the device tree (image.virt_device_tree).
VIRT = Arch("qemu-system-aarch64", ["-M", "virt", "-cpu", "cortex-a53", "-m", "1024", "-smp", "1", "-accel", "tcg"],
            "ttyAMA0", "virtio", "/dev/vda2", ["-device", "virtio-net-pci,netdev=n0", "-device", "virtio-rng-pci"],
            qtest=True)
# A screen for the kiosk's DRM output: -M pc adds a standard VGA (a second DRM card, and the one a plain
# screendump shows) unless told not to.
SCREEN = ["-vga", "none", "-device", "virtio-gpu-pci"]


def netdev(forwards: dict[int, int]) -> str:
    """-netdev for the guest: no route anywhere except GUEST_HOST:<port> -> socat -> 127.0.0.1:<host port>."""
    rules = "".join(f",guestfwd=tcp:{GUEST_HOST}:{guest}-cmd:socat - TCP:127.0.0.1:{host}"
                    for guest, host in sorted(forwards.items()))
    return f"user,id=n0,restrict=on,ipv6=off{rules}"


@dataclass
class Boot:
    """A running (or finished) QEMU process and its serial log."""

    process: subprocess.Popen[bytes]
    log: Path
    monitor: Path
    started: float = field(default_factory=time.monotonic)
    qtest: Path | None = None
    gpio_device: str = ""   # the PL061's QOM path, once asked

    def text(self) -> str:
        """The serial console so far."""
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def lines(self) -> list[str]:
        """The probe's lines so far, without the prefix."""
        return [line.split(PREFIX, 1)[1].strip() for line in self.text().splitlines() if PREFIX in line]

    def fault(self) -> str | None:
        """What went wrong in the emulator rather than in the box, if its console tells of it."""
        text = self.text()
        return next((what for line, what in EMULATOR_FAULTS.items() if line in text), None)

    def is_up(self) -> bool:
        """Whether the probe has reported the system up (its `system` line)."""
        return any(line.startswith("system ") for line in self.lines())

    def wait_for(self, pattern: str, timeout: float) -> re.Match[str]:
        """The first probe line matching `pattern`; fails with the console's tail when none comes in time."""
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        while True:
            for line in self.lines():
                if match := regex.search(line):
                    return match
            if self.process.poll() is not None or time.monotonic() > deadline:
                tail = "\n".join(self.text().splitlines()[-60:])
                fault = f"emulator fault: {what}; " if (what := self.fault()) else ""
                raise AssertionError(
                    f"{fault}no probe line /{pattern}/ (qemu rc {self.process.poll()}); console:\n{tail}")
            time.sleep(0.5)

    def value(self, key: str) -> str:
        """The rest of the first probe line starting with `key `."""
        return self.wait_for(rf"^{re.escape(key)}(?: (.*))?$", 0).group(1) or ""   # "failed " arrives stripped

    def file(self, path: str) -> bytes | None:
        """A file the probe dumped (None when it said the file was not there)."""
        for line in self.lines():
            if line.startswith(f"file {path} "):
                return base64.b64decode(line.split(" ", 2)[2])
            if line == f"nofile {path}":
                return None
        raise AssertionError(f"the probe said nothing about {path}")

    def wait_exit(self, timeout: float) -> int:
        """QEMU's exit status once the guest powered off (or rebooted: -no-reboot)."""
        return self.process.wait(timeout=timeout)

    def monitor_command(self, command: str, timeout: float = 30) -> str:
        """One QEMU monitor command (e.g. screendump) and what the monitor printed, up to its next prompt."""
        self._wait_for_socket(self.monitor)
        reply = b""
        with socket.socket(socket.AF_UNIX) as sock:
            sock.connect(str(self.monitor))
            sock.settimeout(timeout)
            sock.sendall(command.encode() + b"\n")
            # the banner ends with a prompt, the command's output with another
            while reply.count(b"(qemu) ") < 2 or not reply.endswith(b"(qemu) "):
                chunk = sock.recv(65536)
                if not chunk:
                    break
                reply += chunk
        return reply.decode(errors="replace")

    def screendump(self, path: Path, timeout: float = 30) -> Path:
        """The guest's screen now, as QEMU's monitor dumps it (PPM)."""
        self.monitor_command(f"screendump {path}")
        deadline = time.monotonic() + timeout
        while not (path.exists() and path.stat().st_size > 0) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert path.exists(), f"QEMU wrote no screendump to {path}"
        return path

    def drive(self, line: int, level: int) -> None:
        """Set input `line` of the machine's GPIO controller (the PL061) to `level`, through qtest."""
        assert self.qtest is not None, "this machine has no qtest socket"
        device = self.gpio_device = self.gpio_device or self._find_gpio_device()
        self._wait_for_socket(self.qtest)
        reply = b""
        with socket.socket(socket.AF_UNIX) as sock:
            sock.connect(str(self.qtest))
            sock.settimeout(30)
            sock.sendall(f"set_irq_in {device} unnamed-gpio-in {line} {level}\n".encode())
            while not reply.endswith(b"\n") and (chunk := sock.recv(4096)):
                reply += chunk
        assert reply.startswith(b"OK"), f"qtest set_irq_in {device} {line} {level}: {reply!r}"

    def _find_gpio_device(self) -> str:
        """The PL061's QOM path, from the monitor's object tree (virt adds its devices unattached, unnamed)."""
        tree = self.monitor_command("info qom-tree")
        found = re.search(r"/(device\[\d+\]) \(pl061\)", tree)
        assert found, f"no pl061 in the machine's object tree:\n{tree[-2000:]}"
        return f"/machine/unattached/{found.group(1)}"

    def _wait_for_socket(self, path: Path, timeout: float = 30) -> None:
        """QEMU makes its listening sockets as it starts: wait until `path` is there."""
        deadline = time.monotonic() + timeout
        while not path.exists():
            assert self.process.poll() is None, f"QEMU exited ({self.process.returncode}) before making {path}"
            assert time.monotonic() < deadline, f"QEMU made no {path} in {timeout:.0f} s"
            time.sleep(0.2)

    def power_cut(self) -> None:
        """SIGKILL: the emulated machine loses power mid-flight."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)

    def seconds(self) -> float:
        """Wall seconds since QEMU started."""
        return time.monotonic() - self.started


Step = Literal["up", "retry", "reboot", "give up"]


def next_step(boot: Boot, reboots: int, faults: int) -> Step:
    """What Machine.power_on does with a boot it has stopped waiting on: "up" (the probe said so), "retry" (an
    emulator fault: power-cycle and boot again), "reboot" (the box rebooted by itself: boot on) or "give up"
    (return the boot as it is, for the tests to report: still running at the deadline, too many reboots or faults,
    or a kernel panic the emulator is not known to cause)."""
    if boot.is_up():
        return "up"
    if boot.fault() and faults < RETRIES_AFTER_FAULT:
        return "retry"
    if boot.process.poll() is None or reboots == SELF_REBOOTS or PANIC in boot.text():
        return "give up"
    return "reboot"


@dataclass
class Machine:
    """A card (image file) and a clock that goes on between boots, as a real one would."""

    image: Path
    kernel: Path
    initrd: Path
    folder: Path
    forwards: dict[int, int]
    arch: Arch = AMD64
    clock: datetime = field(default_factory=lambda: datetime(2026, 12, 6, 15, 0, tzinfo=UTC))
    boots: int = 0
    extra: list[str] = field(default_factory=list)
    dtb: Path | None = None
    pulled_up: tuple[int, ...] = ()   # GPIO inputs held high from power-on, as a pull-up resistor holds them
    kernel_extra: str = ""            # more kernel arguments, e.g. systemd.mask=… for a machine with no screen

    def kernel_arguments(self) -> str:
        """cmdline.txt from the card, with this machine's root device and the serial console last."""
        line = image.fat_read(self.image, "cmdline.txt").strip()
        line = line.replace("root=/dev/vda2", f"root={self.arch.root}")
        # TCG on a shared 2-core machine: udev's coldplug can take minutes, past systemd's 90 s defaults.
        slow = "systemd.default_device_timeout_sec=900 systemd.default_timeout_start_sec=900"
        clock = "" if self.arch.rtc else f" systemd.clock_usec={int(self.clock.timestamp()) * 1_000_000}"
        extra = "".join(f" {words}" for words in (CRASH_ENDS_THE_BOOT, self.arch.kernel, self.kernel_extra) if words)
        return f"{line} {slow}{clock}{extra} console={self.arch.console},115200"

    def boot(self, at: datetime | None = None) -> Boot:
        """Power on (with the clock at `at`, else where it got to); returns once the `pulled_up` lines are set,
        seconds after QEMU starts and long before the guest's kernel reads them."""
        if at is not None:
            self.clock = at
        self.boots += 1
        log = self.folder / f"console-{self.boots}.log"
        monitor = self.folder / f"monitor-{self.boots}.sock"
        command = [self.arch.qemu, *self.arch.machine, "-display", "none", "-no-reboot",
                   *self.arch.serial, "-serial", f"file:{log}", "-monitor", f"unix:{monitor},server,nowait",
                   "-kernel", str(self.kernel), "-initrd", str(self.initrd), "-append", self.kernel_arguments(),
                   *(["-dtb", str(self.dtb)] if self.dtb else []),
                   "-drive", f"file={self.image},format=raw,if={self.arch.disk}",
                   "-netdev", netdev(self.forwards), *self.arch.devices,
                   "-rtc", f"base={self.clock.astimezone(UTC):%Y-%m-%dT%H:%M:%S}", *self.extra]
        qtest = self.folder / f"qtest-{self.boots}.sock" if self.arch.qtest else None
        if qtest is not None:
            command += ["-qtest", f"unix:{qtest},server=on,wait=off", "-qtest-log", "none"]
        (self.folder / f"qemu-{self.boots}.cmd").write_text(" ".join(command) + "\n")
        process = subprocess.Popen(["nice", "-n", "5", *command], stdin=subprocess.DEVNULL,
                                   stdout=open(self.folder / f"qemu-{self.boots}.out", "wb"),  # noqa: SIM115
                                   stderr=subprocess.STDOUT, env={**os.environ, "LANG": "C"})
        boot = Boot(process, log, monitor, qtest=qtest)
        try:
            for line in self.pulled_up:
                boot.drive(line, 1)
        except BaseException:
            boot.power_cut()
            raise
        return boot

    def finished(self, boot: Boot) -> None:
        """Move the clock on by the time the boot took."""
        self.clock += timedelta(seconds=boot.seconds())

    def power_on(self, at: datetime | None = None, timeout: float = 600) -> Boot:
        """Boot until the probe reports the system up, through the reboots the box makes by itself (the first
        boot's switch to the read-only root; QEMU's -no-reboot turns each into an exit; at most SELF_REBOOTS).
        A boot the emulator spoils before the system is up (EMULATOR_FAULTS) loses its power and boots again,
        at most RETRIES_AFTER_FAULT times, with a warning naming its console log. A fault seen in a boot that
        rebooted by itself counts too: its console said the emulator failed, whatever came after."""
        boot = self.boot(at)
        reboots = faults = 0
        while True:
            deadline = time.monotonic() + timeout
            while boot.process.poll() is None and time.monotonic() < deadline and not boot.is_up():
                if boot.fault() and faults < RETRIES_AFTER_FAULT:
                    break
                time.sleep(0.5)
            step = next_step(boot, reboots, faults)
            if step == "retry":
                faults += 1
                warnings.warn(f"{boot.log.name}: {boot.fault()}; the emulated machine is powered off and on again",
                              stacklevel=2)
                if boot.process.poll() is None:
                    boot.power_cut()
            elif step == "reboot":
                reboots += 1
            else:
                return boot
            self.finished(boot)
            boot = self.boot()

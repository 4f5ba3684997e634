"""One card taken through its life in stages, so that each emulated boot (minutes under TCG) proves several
scenarios at once and no scenario repeats the slow first boot:

1. **first boot** (Sunday 15:00 in New York), with a virtio GPU: the setup, the switch to the read-only root and
   its reboot; the screen drawn on DRM (QEMU screendumps) and the state file following the host's page to an
   outage; the watchdog and crash restarts; then files written inside and outside /persist before the power-off.
2. **the evening** (a copy of the card after stage 1, booted at 17:28 with a wrong configuration put on the card):
   the files written at stage 1 (read-only root), the last good configuration kept, the evening print.
3. **the power cut** (another copy after stage 1): booted at 17:00 during an outage, killed before 17:30, booted
   again at 18:10 with the calendar failing: the missed print runs once, from the encrypted cache.

Stages 2 and 3 boot with no screen and the screen's unit masked (stage 1 proves the screen).

And on its own card, **the Pi** (arm64 on QEMU's raspi3b): the first boot with an RGB LED and the button on the
SoC's GPIO; the LED's lines sampled while the level is operational, then after the host switched to an outage.
Then a copy of that card on QEMU's virt board, whose GPIO inputs the host sets: a press of the button.

The stages run one after another: every emulated machine keeps a host core busy (TCG), so two side by side on
two cores took longer in all (measured: docs/appliance.md §13).

A stage records what the boots reported (the Boot objects) and what the host saw; the tests assert on it."""

import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.status.level import Level
from tests.appliance.boot import image, probes, screen
from tests.appliance.boot.fixtures_world import outage
from tests.appliance.boot.machine import Boot, Machine
from tests.appliance.boot.schedule_world import SUNDAY_1500, SUNDAY_1700, SUNDAY_1728, SUNDAY_1810, monday_calendar
from tests.appliance.boot.world import PI_PINS, VIRT_BUTTON_LINE, HostWorld, guest_config
from tests.fixtures.http_server import Reply

POLL, CONFIRM, PROBE_TIMEOUT = 20, 10, 30     # as guest_config()
# what the state may take to follow the page: a poll, the confirmations, two slow probes and a minute of TCG
FOLLOW_SECONDS = POLL + 2 * CONFIRM + 2 * PROBE_TIMEOUT + 60

FIRST_BOOT = f"""
{probes.REPORT_UNITS}
{probes.PRINTERS}
say "key $(stat -c '%a %U %s' /etc/downtime-kiosk/schedule.key)"
say "config $(cmp -s /boot/firmware/downtime-kiosk.toml /etc/downtime-kiosk/config.toml && echo installed)"
say "installed $(sha256sum /etc/downtime-kiosk/config.toml | cut -d' ' -f1)"
say "persist $(findmnt -n -o SOURCE /persist)"
say "state-on $(findmnt -n -o SOURCE --target /var/lib/downtime-kiosk)"
{probes.SHOT}
first_frame 300
shot operational 10
{probes.FOLLOW_LEVEL}
follow_level 420 outage
shot outage 5
dump {probes.STATE}
{probes.RESTARTS}
echo "written at first boot" > /etc/boot-test-outside
echo "kept" > /var/lib/downtime-kiosk/boot-test-inside
chown downtime-kiosk: /var/lib/downtime-kiosk/boot-test-inside
sync
figures
systemctl poweroff
"""

EVENING = f"""
say "outside $(cat /etc/boot-test-outside 2>/dev/null || echo gone)"
say "inside $(cat /var/lib/downtime-kiosk/boot-test-inside 2>/dev/null || echo gone)"
say "installed $(sha256sum /etc/downtime-kiosk/config.toml | cut -d' ' -f1)"
say "setup $(systemctl show -p ExecMainStatus --value downtime-kiosk-setup.service)"
python3 - <<'PY'  # up to 2 min for the state file to carry the configuration's error: one Python, not one a poll
import json, time
end = time.monotonic() + 120
while time.monotonic() < end:
    try:
        if json.load(open("{probes.STATE}"))["config"]["error"] is not None:
            break
    except (OSError, ValueError, KeyError, TypeError):
        pass
    time.sleep(2)
PY
say "timer $(systemctl show -p TimersCalendar --value downtime-kiosk-nightly.timer)"
{probes.WAIT_NIGHTLY}
wait_nightly 600
pause 10
dump {probes.STATE}
dump {probes.NIGHTLY_RECORD}
figures
systemctl poweroff
"""

# a wrong value in the configuration the practice puts on the card later
BAD_CONFIG = guest_config().replace("poll_seconds = 20", 'poll_seconds = "often"')

BEFORE_CUT = f"""
{probes.FOLLOW_LEVEL}
follow_level 300 outage
dump {probes.STATE}
sync
figures
say "ready-for-cut"
sleep 600
"""

AFTER_CUT = f"""
{probes.WAIT_NIGHTLY}
wait_nightly 600
pause 10
dump {probes.STATE}
dump {probes.NIGHTLY_RECORD}
dump {probes.DOWNTIME_LOG}
figures
systemctl poweroff
"""


PI_LINES = f"{PI_PINS['red']} {PI_PINS['green']} {PI_PINS['blue']}"
PI_FIRST_BOOT = f"""
{probes.REPORT_UNITS}
{probes.WATCH_JOURNAL}
{probes.PRINTERS}
{probes.FOLLOW_LEVEL}
{probes.SAMPLE_LINES}
say "revision $(od -An -tx1 /proc/device-tree/system/linux,revision | tr -d ' ')"
say "chip $(gpiodetect | head -n 1)"
say "gpiochip $(stat -c '%A %U %G' /dev/gpiochip0)"
follow_level 600 operational
pause 5
watch_journal watch-log 'gpio|led|button'
say "lines-operational $(sample_lines 60 {PI_LINES})"
say "button $(gpioinfo -c gpiochip0 {PI_PINS['button']} 2>&1 | tr -s '\t ' ' ')"
say "ready-for-outage"
follow_level 600 outage
pause 5
say "lines-outage $(sample_lines 60 {PI_LINES})"
dump {probes.STATE}
watch_journal schedule-log schedule
figures
systemctl poweroff
"""


PRESS_SECONDS = 0.5   # a plain press: well under [button] hold_seconds (3 s), well over bounce_ms (50 ms)
PI_PRESS = f"""
{probes.FOLLOW_LEVEL}
{probes.AWAIT_JOURNAL}
{probes.WATCH_JOURNAL}
say "chip $(gpiodetect | head -n 1)"
follow_level 600 operational
pause 5
say "button $(gpioinfo -c gpiochip0 {VIRT_BUTTON_LINE} 2>&1 | tr -s '\t ' ' ')"
say "ready-for-press"
await_journal downtime-kiosk-watch.service 600 '^button press: print(ed|ing .* failed)'
watch_journal press-log '^(button|the button)'
figures
systemctl poweroff
"""


@dataclass
class Stage:
    """What one stage's boots reported and what the host saw meanwhile."""

    boots: list[Boot] = field(default_factory=list)
    jobs: list[Path] = field(default_factory=list)       # print jobs the host printer received during the stage
    exit_codes: list[int | None] = field(default_factory=list)
    seconds: float = 0.0
    notes: dict[str, float | str] = field(default_factory=dict)
    started: float = field(default_factory=time.monotonic, repr=False)
    jobs_before: int = field(default=0, repr=False)     # jobs the host printer had when the stage began

    @property
    def last(self) -> Boot:
        """The stage's last boot."""
        return self.boots[-1]

    def guest_figures(self) -> list[str]:
        """Each boot's own figures, as its probe reported them before powering off: uptime when up and at the
        end, CPU seconds busy, the busiest services ("figures …", "cpu …" lines)."""
        return [" ".join(line for line in boot.lines() if line.startswith(("figures ", "cpu "))) or "no figures"
                for boot in self.boots]


def _begin(world: HostWorld) -> Stage:
    """A stage starting now: its jobs are those the host printer receives from here on."""
    return Stage(jobs_before=len(world.printer.jobs()))


def _end(stage: Stage, world: HostWorld) -> Stage:
    """The stage's print jobs and wall time, once its last boot is over."""
    stage.jobs = world.printer.jobs()[stage.jobs_before:]
    stage.seconds = time.monotonic() - stage.started
    return stage


def _power_off(stage: Stage, boot: Boot, machine: Machine, world: HostWorld, timeout: float) -> None:
    """The probe powers the machine off (or the power is cut after `timeout`); the host's page back to healthy."""
    stage.exit_codes.append(_stop(boot, timeout))
    machine.finished(boot)
    world.status.reset()


def _stop(boot: Boot, timeout: float) -> int | None:
    """QEMU's exit status once the probe powered off; a power cut (and None) when it never does."""
    try:
        return boot.wait_exit(timeout)
    except subprocess.TimeoutExpired:
        boot.power_cut()
        return None


def first_boot(machine: Machine, world: HostWorld) -> Stage:
    """Stage 1 on a freshly flashed card: the host switches its page to an outage while the probe follows."""
    stage = _begin(world)
    boot = machine.power_on(SUNDAY_1500)
    stage.boots.append(boot)
    try:
        _screendump(boot, machine, stage, world, Level.OPERATIONAL)
        boot.wait_for(r"^level operational$", 420)
        outage(world)
        switched = time.monotonic()
        boot.wait_for(r"^level outage$", FOLLOW_SECONDS)
        stage.notes["followed_seconds"] = time.monotonic() - switched
        _screendump(boot, machine, stage, world, Level.OUTAGE)
    except AssertionError as problem:
        stage.notes["follow_problem"] = str(problem)
    _power_off(stage, boot, machine, world, 900)
    return _end(stage, world)


def _screendump(boot: Boot, machine: Machine, stage: Stage, world: HostWorld, level: Level, *,
                within: float = 140) -> None:
    """When the probe says `shot LEVEL`, screendumps every 5 s until the band is `level`'s or `within` seconds
    passed (path of the last in notes["screen LEVEL"], the seconds it took in notes["screen LEVEL seconds"]),
    then lets the probe go on."""
    name = level.value
    try:
        boot.wait_for(rf"^shot {name}$|^no-first-frame", 420)
        if any(line.startswith("no-first-frame") for line in boot.lines()):
            stage.notes[f"screen {name}"] = "the screen never drew its first frame"
            return
        asked = time.monotonic()
        for attempt in range(int(within // 5) + 1):
            dump = boot.screendump(machine.folder / f"screen-{name}-{attempt}.ppm")
            stage.notes[f"screen {name}"], stage.notes[f"screen {name} seconds"] = str(dump), time.monotonic() - asked
            if screen.shows(dump, level) or time.monotonic() - asked > within:
                return
            time.sleep(5)
    except AssertionError as problem:
        stage.notes[f"screen {name}"] = str(problem)
    finally:
        world.tell_probe(f"shot-{name}")


def evening(machine: Machine, world: HostWorld) -> Stage:
    """Stage 2: a wrong configuration on the card, booted at 17:28 on Sunday; the timer prints at 17:30."""
    stage = _begin(world)
    world.status.reset()
    world.status.page.requests.clear()
    image.fat_write(machine.image, {"downtime-kiosk.toml": BAD_CONFIG, "boot-test.sh": EVENING})
    boot = machine.power_on(SUNDAY_1728)
    stage.boots.append(boot)
    stage.exit_codes.append(_stop(boot, 1200))
    stage.notes["page_requests"] = len(world.status.page.requests)
    return _end(stage, world)


def power_cut(machine: Machine, world: HostWorld) -> Stage:
    """Stage 3: SIGKILL at 17:29 during an outage, back at 18:10 with the calendar answering 503."""
    stage = _begin(world)
    outage(world)
    image.fat_write(machine.image, {"boot-test.sh": BEFORE_CUT})
    boot = machine.power_on(SUNDAY_1700)
    stage.boots.append(boot)
    try:
        boot.wait_for(r"^level outage$", 420)
        boot.wait_for(r"^ready-for-cut$", 300)
    except AssertionError as problem:
        stage.notes["cut_problem"] = str(problem)
    boot.power_cut()
    stage.exit_codes.append(None)
    stage.notes["jobs_before_cut"] = len(world.printer.jobs()) - stage.jobs_before
    image.fat_write(machine.image, {"boot-test.sh": AFTER_CUT})
    world.status.reset()
    world.calendar.route("/clinic.ics", Reply(503))
    try:
        boot = machine.power_on(SUNDAY_1810)
        stage.boots.append(boot)
        stage.exit_codes.append(_stop(boot, 1200))
    finally:
        world.serve_calendar(monday_calendar())
    return _end(stage, world)


def pi_first_boot(machine: Machine, world: HostWorld) -> Stage:
    """The Pi's first boot: setup and reboot to the read-only root, the LED read while operational, the host's
    page switched to an outage, the LED read again."""
    stage = _begin(world)
    world.status.reset()
    boot = machine.power_on(SUNDAY_1500, timeout=1500)
    stage.boots.append(boot)
    try:
        boot.wait_for(r"^ready-for-outage$", 1200)
        outage(world)
        switched = time.monotonic()
        boot.wait_for(r"^level outage$", FOLLOW_SECONDS * 2)
        stage.notes["followed_seconds"] = time.monotonic() - switched
    except AssertionError as problem:
        stage.notes["follow_problem"] = str(problem)
    _power_off(stage, boot, machine, world, 900)
    return _end(stage, world)


def pi_press(machine: Machine, world: HostWorld) -> Stage:
    """The Pi's card on the virt board: once the box is up, the button is pressed for PRESS_SECONDS (its line
    pulled low, then let go); the packet it prints reaches the host's printer."""
    stage = _begin(world)
    world.status.reset()
    boot = machine.power_on(timeout=900)
    stage.boots.append(boot)
    try:
        boot.wait_for(r"^ready-for-press$", 900)
        boot.drive(VIRT_BUTTON_LINE, 0)
        time.sleep(PRESS_SECONDS)
        boot.drive(VIRT_BUTTON_LINE, 1)
        boot.wait_for(r"^press-log ", 700)
    except (AssertionError, OSError) as problem:
        stage.notes["press_problem"] = str(problem)
    finally:
        _power_off(stage, boot, machine, world, 300)
    return _end(stage, world)

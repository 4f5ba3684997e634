"""The Pi (arm64 on QEMU's raspi3b, Debian's kernel and the Pi 3 B device tree): the first boot with an RGB LED
and the button on the SoC's GPIO (gpiochip0, pinctrl-bcm2835) in its configuration.

The card is an LED-only box (built --no-screen). The probe samples the LED's lines from the kernel's debugfs while
the host's page says operational and again in the outage (stages.PI_FIRST_BOOT). QEMU's BCM2835 GPIO has no inputs,
so there only the button's line as the daemon requested it is checked; the press itself is made on the same card
moved to QEMU's virt board, whose PL061 inputs the host sets through qtest (stages.pi_press)."""

import itertools
import json

import pytest

from print_service.forms.builtin_titles import BUILTIN_TITLES
from print_service.printing.settings import PrintingSettings
from tests.appliance.boot import checks, probes, stages
from tests.appliance.boot.conftest import FirstBooted
from tests.appliance.boot.machine import Boot
from tests.appliance.boot.schedule_world import job_text
from tests.appliance.boot.world import PI_PINS

pytestmark = [pytest.mark.boot, pytest.mark.timeout(3600)]


def test_the_pi_sets_up_and_runs(pi_first_booted: FirstBooted) -> None:
    boot = pi_first_booted.stage.last
    # an LED-only box (built --no-screen: the emulated Pi has no screen): the screen's unit is not started
    checks.assert_set_up(boot, tuple(unit for unit in probes.UNITS if unit != "downtime-kiosk-ui.service"))
    assert boot.value("active downtime-kiosk-ui.service") == "inactive"
    assert boot.value("revision") == "00a02082"      # as the firmware would have said: gpiozero knows the board
    assert "pinctrl-bcm2835" in boot.value("chip") and "(54 lines)" in boot.value("chip")
    assert boot.value("gpiochip") == "crw-rw---- root gpio"   # the Debian layer's udev rule, as Raspberry Pi OS has
    assert pi_first_booted.stage.exit_codes == [0]


def test_the_pi_state_follows_the_host_page(pi_first_booted: FirstBooted) -> None:
    stage = pi_first_booted.stage
    assert "follow_problem" not in stage.notes, stage.notes.get("follow_problem")
    assert json.loads(stage.last.file(probes.STATE) or b"{}")["level"] == "outage"


def test_the_pi_fetches_the_schedule_without_a_false_alert(pi_first_booted: FirstBooted) -> None:
    """The first fetch is slow under emulation (a child process on a TCG-emulated Pi): the daemon must wait for it,
    not stand "no schedule fetched yet. Call IT." while it runs (the watch daemon's start-up cancels slow parts)."""
    boot = pi_first_booted.stage.last
    state = json.loads(boot.file(probes.STATE) or b"{}")
    schedule_log = _journal(boot, "schedule-log")
    assert state["schedule"]["count"] > 0 and state["schedule"]["error"] is None, (state["schedule"], schedule_log)
    assert not [alert for alert in state["alerts"] if alert["kind"] == "schedule"], (state["alerts"], schedule_log)


def _journal(boot: Boot, key: str) -> str:
    """The watch daemon's journal lines the probe reported under `key` (watch-log: GPIO, schedule-log: the
    schedule, press-log: the button), for a failure message or a check."""
    return "\n".join(line for line in boot.lines() if line.startswith(f"{key} "))


WHITE = ("1", "1", "1")   # every lamp on: an overlay's flash (the alert reminder, the button's acknowledgement)


def _samples(boot: Boot, key: str) -> list[tuple[str, str, str]]:
    """`sample_lines`' report ("GPIO17=0011… GPIO27=… GPIO22=…") as one (red, green, blue) per reading."""
    lines = dict(entry.split("=", 1) for entry in boot.value(key).split())
    red, green, blue = (lines[PI_PINS[colour]] for colour in ("red", "green", "blue"))
    watch_log = _journal(boot, "watch-log")
    assert "?" not in red + green + blue, f"the watch daemon did not request the LED's lines:\n{watch_log}"
    return list(zip(red, green, blue, strict=True))


def _level_pattern(samples: list[tuple[str, str, str]]) -> tuple[str, str, str]:
    """The level's pattern per lamp ("0110…") with the overlay's white flashes left out (at most a fifth). The alert
    reminder (state.json's led.overlay) is dark 0.25 s, white 0.25 s, dark 0.25 s every 8 s: its dark parts stay."""
    shown = [sample for sample in samples if sample != WHITE]
    assert len(shown) >= 0.8 * len(samples), samples
    red, green, blue = ("".join(lamp) for lamp in zip(*shown, strict=True))
    return red, green, blue


def _share_high(readings: str) -> float:
    return readings.count("1") / max(len(readings), 1)


def _changes(readings: str) -> int:
    return sum(1 for before, after in itertools.pairwise(readings) if before != after)


def test_the_pi_led_is_steady_green_while_ehr_is_up(pi_first_booted: FirstBooted) -> None:
    red, green, blue = _level_pattern(_samples(pi_first_booted.stage.last, "lines-operational"))
    assert _share_high(green) >= 0.75, (red, green, blue)   # steady but for the overlay's dark quarter-seconds
    assert _share_high(red) == 0 and _share_high(blue) == 0, (red, green, blue)


def test_the_pi_led_blinks_red_in_an_outage(pi_first_booted: FirstBooted) -> None:
    red, green, blue = _level_pattern(_samples(pi_first_booted.stage.last, "lines-outage"))
    assert 0.2 <= _share_high(red) <= 0.8 and _changes(red) >= 4, red   # 1 Hz: on 0.5 s, off 0.5 s
    assert _share_high(green) == 0 and _share_high(blue) == 0, (red, green, blue)


def test_the_pi_button_line_is_an_input_with_its_pull_up(pi_first_booted: FirstBooted) -> None:
    button = pi_first_booted.stage.last.value("button")
    assert "input" in button and "pull-up" in button and 'consumer="lg"' in button, button


def test_a_press_of_the_pis_button_prints_the_downtime_packet(pi_pressed: stages.Stage) -> None:
    """The whole way from the finger to the paper on the Pi's image: the kernel's GPIO edge, lgpio, gpiozero, the
    watch daemon's press recogniser, print_service, CUPS and the host's printer."""
    assert "press_problem" not in pi_pressed.notes, pi_pressed.notes.get("press_problem")
    boot = pi_pressed.last
    assert "pl061" in boot.value("chip")
    line = boot.value("button")
    assert "input" in line and "bias=pull-up" in line and "edges=both" in line, line
    press_log = _journal(boot, "press-log")
    assert "button press: printing the downtime packet" in press_log, press_log
    packet = PrintingSettings().packet
    assert f"button press: printed the downtime packet ({len(packet)} forms" in press_log, press_log
    assert len(pi_pressed.jobs) == sum(item.copies for item in packet), [job.name for job in pi_pressed.jobs]
    printed = "\n".join(job_text(job) for job in pi_pressed.jobs)
    for item in packet:
        assert BUILTIN_TITLES[item.form_id] in printed, (item.form_id, [job.name for job in pi_pressed.jobs])
    assert pi_pressed.exit_codes == [0]

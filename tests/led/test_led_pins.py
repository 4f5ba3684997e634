"""The LED pins' values over time for every level and overlay, for each led.kind, on gpiozero's mock pins.

Time is stepped through the driver's injected clock, so no assertion depends on the wall clock.
"""

from dataclasses import replace
from datetime import time

import pytest
from gpiozero.pins.mock import MockFactory

from kiosk.led.driver import LedDriver
from kiosk.led.gpio import LedDevice
from kiosk.led.scene import LedScene
from kiosk.led.settings import LedKind, LedSettings
from kiosk.led.table import LEVELS

NOON = time(12, 0)
PINS = {
    LedKind.RGB: {"red": "GPIO17", "green": "GPIO27", "blue": "GPIO22"},
    LedKind.TRAFFIC: {"green": "GPIO5", "amber": "GPIO6", "red": "BOARD37"},  # BOARD37 is GPIO26
    LedKind.SINGLE: {"led": "GPIO13"},
}
PIN_NUMBERS = {"GPIO17": 17, "GPIO27": 27, "GPIO22": 22, "GPIO5": 5, "GPIO6": 6, "BOARD37": 26, "GPIO13": 13}

OFF3, WHITE, DIMMED = (0.0, 0.0, 0.0), (1.0, 1.0, 1.0), (0.15, 0.15, 0.15)
GREEN, BLUE, AMBER, RED, MAGENTA = (0, 1, 0), (0, 0, 1), (1, 0.4, 0), (1, 0, 0), (1, 0, 1)
T_GREEN, T_AMBER, T_RED = (1, 0, 0), (0, 1, 0), (0, 0, 1)

# (seconds after the level started, expected pin values) for each kind and level
EXPECTED: dict[LedKind, dict[str, list[tuple[float, tuple[float, ...]]]]] = {
    LedKind.RGB: {
        "operational": [(0, GREEN), (1.3, GREEN), (500, GREEN)],
        "maintenance": [(0, OFF3), (0.75, (0, 0, 0.5)), (1.5, BLUE), (2.25, (0, 0, 0.5)), (3.0, OFF3)],
        "degraded": [(0.1, AMBER), (2.7, AMBER), (2.9, OFF3), (3.1, AMBER)],
        "outage": [(0.1, RED), (0.4, RED), (0.6, OFF3), (0.9, OFF3), (1.1, RED)],
        "regional_outage": [(0.05, RED), (0.25, OFF3), (0.4, RED), (0.6, OFF3), (0.7, RED)],
        "offline": [(0.1, MAGENTA), (0.3, OFF3), (0.5, MAGENTA), (1.0, OFF3), (1.9, OFF3), (2.1, MAGENTA)],
        "unknown": [(0, DIMMED), (4.0, DIMMED), (60, DIMMED)],
    },
    LedKind.TRAFFIC: {
        "operational": [(0, T_GREEN), (1.3, T_GREEN), (500, T_GREEN)],
        "maintenance": [(0, OFF3), (0.75, (0, 0.5, 0)), (1.5, T_AMBER), (3.0, OFF3)],
        "degraded": [(0.1, T_AMBER), (2.9, OFF3), (3.1, T_AMBER)],
        "outage": [(0.1, T_RED), (0.6, OFF3), (1.1, T_RED)],
        "regional_outage": [(0.05, T_RED), (0.25, OFF3), (0.4, T_RED)],
        "offline": [(0.1, T_AMBER), (0.45, OFF3), (0.6, T_RED), (0.95, OFF3), (1.1, T_AMBER), (1.6, T_RED)],
        "unknown": [(0, DIMMED), (60, DIMMED)],
    },
    LedKind.SINGLE: {
        "operational": [(0, (1,)), (500, (1,))],
        "maintenance": [(0, (0,)), (0.75, (0.5,)), (1.5, (1,)), (3.0, (0,))],
        "degraded": [(0.1, (1,)), (1.4, (1,)), (1.6, (0,)), (2.9, (0,)), (3.1, (1,))],
        "outage": [(0.1, (1,)), (0.6, (0,)), (1.1, (1,))],
        "regional_outage": [(0.05, (1,)), (0.25, (0,)), (0.4, (1,))],
        "offline": [(0.1, (1,)), (0.3, (0,)), (0.5, (1,)), (1.0, (0,)), (2.1, (1,))],
        "unknown": [(0.05, (1,)), (0.2, (0,)), (4.9, (0,)), (5.05, (1,)), (5.2, (0,))],
    },
}


class SteppedClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def settings_for(kind: LedKind, **changes: object) -> LedSettings:
    return replace(LedSettings(kind=kind, pins=PINS.get(kind, {})), **changes)  # type: ignore[arg-type]


def pin_values(factory: MockFactory, kind: LedKind) -> tuple[float, ...]:
    return tuple(float(factory.pin(PIN_NUMBERS[name]).state) for name in PINS[kind].values())


class Rig:
    """A real LedDevice on mock pins, a scene and a driver on a stepped clock."""

    def __init__(self, factory: MockFactory, settings: LedSettings, local_time: time = NOON) -> None:
        self.factory = factory
        self.kind = settings.kind
        self.clock = SteppedClock()
        self.scene = LedScene(settings, "unknown", at=0.0)
        self.device = LedDevice(settings, factory)
        self.driver = LedDriver(self.scene, self.device, clock=self.clock, local_time=lambda: local_time)

    def at(self, seconds: float) -> tuple[float, ...]:
        self.clock.now = seconds
        self.driver.render()
        return pin_values(self.factory, self.kind)


def approx_values(values: tuple[float, ...]) -> object:
    return pytest.approx(tuple(float(v) for v in values), abs=1e-6)


@pytest.mark.parametrize("kind", [LedKind.RGB, LedKind.TRAFFIC, LedKind.SINGLE])
@pytest.mark.parametrize("level", LEVELS)
def test_level_patterns_drive_the_pins(mock_factory: MockFactory, kind: LedKind, level: str) -> None:
    rig = Rig(mock_factory, settings_for(kind))
    start = 1000.0
    rig.scene.set_level(level, at=start)
    seen = [(offset, rig.at(start + offset)) for offset, _ in EXPECTED[kind][level]]
    assert seen == [(offset, approx_values(values)) for offset, values in EXPECTED[kind][level]]


def overlay_timeline(kind: LedKind) -> list[tuple[float, tuple[float, ...]]]:
    """Operational underneath; ack at 10, failed at 20, busy at 30, an alert from 40 to 50."""
    on = {LedKind.RGB: WHITE, LedKind.TRAFFIC: WHITE, LedKind.SINGLE: (1,)}[kind]
    off = {LedKind.RGB: OFF3, LedKind.TRAFFIC: OFF3, LedKind.SINGLE: (0,)}[kind]
    base = {LedKind.RGB: GREEN, LedKind.TRAFFIC: T_GREEN, LedKind.SINGLE: (1,)}[kind]
    failed = {LedKind.RGB: RED, LedKind.TRAFFIC: T_RED, LedKind.SINGLE: (0,)}[kind]
    return [
        (9.9, base),
        (10.05, on), (10.2, off), (10.35, on), (10.5, off), (10.65, base),           # ack: two short flashes
        (20.05, on), (20.15, failed), (20.25, on), (21.15, failed), (21.25, off),   # failed: six-fold flicker
        (21.45, off), (21.55, base),
        (30.1, on), (30.7, on), (30.9, off), (31.05, base),                         # busy: one long flash
        (40.1, off), (40.35, on), (40.6, off), (41.0, base), (47.9, base),          # alert: reminder blip …
        (48.1, off), (48.35, on), (48.6, off), (48.8, base),                        # … every 8 s
        (50.35, base), (56.35, base),                                                # alert cleared at 50
    ]


@pytest.mark.parametrize("kind", [LedKind.RGB, LedKind.TRAFFIC, LedKind.SINGLE])
def test_overlays_play_over_the_level_and_leave_it_showing(mock_factory: MockFactory, kind: LedKind) -> None:
    rig = Rig(mock_factory, settings_for(kind))
    rig.scene.set_level("operational", at=0.0)
    expected = overlay_timeline(kind)
    seen = []
    for when, _ in expected:
        for moment, action in ((10, "ack"), (20, "failed"), (30, "busy")):
            if rig.clock.now < moment <= when:
                rig.scene.flash(action, at=moment)
        if rig.clock.now < 40 <= when:
            rig.scene.set_alert(True, at=40)
        if rig.clock.now < 50 <= when:
            rig.scene.set_alert(False, at=50)
        seen.append((when, rig.at(when)))
    assert seen == [(when, approx_values(values)) for when, values in expected]


def test_overlay_names_for_the_state_file(mock_factory: MockFactory) -> None:
    scene = LedScene(settings_for(LedKind.RGB), "outage", at=0.0)
    assert scene.view(1.0).to_json() == {"pattern": "outage", "overlay": None, "color": [255, 0, 0]}
    scene.set_alert(True, at=2.0)
    scene.flash("ack", at=3.0)
    assert scene.view(3.1).overlay == "ack"
    assert scene.view(3.7).overlay == "alert"
    scene.set_alert(False, at=4.0)
    assert scene.view(4.0).overlay is None


def test_brightness_by_day_and_at_night(mock_factory: MockFactory) -> None:
    settings = settings_for(LedKind.RGB, brightness=0.5, night_brightness=0.1, night=(time(20, 0), time(7, 0)))
    day = Rig(mock_factory, settings, local_time=time(19, 59))
    day.scene.set_level("operational", at=0.0)
    assert day.at(1.0) == approx_values((0, 0.5, 0))
    day.device.close()
    for moment in (time(20, 0), time(23, 30), time(0, 0), time(6, 59)):
        night = Rig(mock_factory, settings, local_time=moment)
        night.scene.set_level("operational", at=0.0)
        assert night.at(1.0) == approx_values((0, 0.1, 0)), moment
        night.device.close()
    morning = Rig(mock_factory, settings, local_time=time(7, 0))
    morning.scene.set_level("operational", at=0.0)
    assert morning.at(1.0) == approx_values((0, 0.5, 0))


def test_no_night_window_keeps_the_day_brightness(mock_factory: MockFactory) -> None:
    rig = Rig(mock_factory, settings_for(LedKind.SINGLE, brightness=0.8, night=None), local_time=time(23, 0))
    rig.scene.set_level("operational", at=0.0)
    assert rig.at(1.0) == approx_values((0.8,))


@pytest.mark.parametrize("kind", [LedKind.RGB, LedKind.TRAFFIC, LedKind.SINGLE])
def test_common_anode_drives_the_pins_inverted(mock_factory: MockFactory, kind: LedKind) -> None:
    rig = Rig(mock_factory, settings_for(kind, common_anode=True))
    rig.scene.set_level("outage", at=0.0)
    lit, dark = rig.at(0.25), rig.at(0.75)
    expected_lit = {LedKind.RGB: (0, 1, 1), LedKind.TRAFFIC: (1, 1, 0), LedKind.SINGLE: (0,)}[kind]
    assert lit == approx_values(expected_lit)
    assert dark == approx_values((1,) * len(lit))


def test_closing_the_device_leaves_the_led_dark_and_the_pins_free(mock_factory: MockFactory) -> None:
    rig = Rig(mock_factory, settings_for(LedKind.RGB))
    rig.scene.set_level("operational", at=0.0)
    assert rig.at(1.0) == approx_values(GREEN)
    rig.driver.off()
    assert pin_values(mock_factory, LedKind.RGB) == approx_values(OFF3)
    rig.device.close()
    again = LedDevice(settings_for(LedKind.RGB), mock_factory)  # would raise if the pins were still reserved
    again.close()


def test_pins_in_use_are_a_hardware_error(mock_factory: MockFactory) -> None:
    from kiosk.errors import HardwareError

    first = LedDevice(settings_for(LedKind.SINGLE), mock_factory)
    with pytest.raises(HardwareError, match="GPIO13"):
        LedDevice(settings_for(LedKind.SINGLE), mock_factory)
    first.close()

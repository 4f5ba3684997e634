"""The Status screen in a real Kivy window under Xvfb: every level's colour, word and icon,
the stale and monitor-stopped displays, the alert bar, night mode, and the large layout."""

from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.ui.levels import LEVELS
from kiosk.ui.pin import hash_pin
from tests.fixtures.xvfb import KivyHarness
from tests.ui.conftest import MakeCtx
from tests.ui.states import LEVELS as ALL_LEVELS
from tests.ui.states import NOW, FakeClock, iso, make_state, write_state

FACTS = {
    "operational": "Working normally",
    "maintenance": "Maintenance under way: ICANotes may be read-only",
    "degraded": "The status page reports problems",
    "outage": "The EHR does not answer",
    "regional_outage": "Neither ICANotes nor its upload site answers",
    "offline": "Nothing on the internet answers from this office",
    "unknown": "The status could not be decided",
}


def close_to(actual: tuple[int, int, int], expected: tuple[float, float, float], tolerance: int = 10) -> bool:
    return all(abs(a - round(e * 255)) <= tolerance for a, e in zip(actual, expected, strict=True))


def band_pixel(kivy: KivyHarness, shot: Path) -> tuple[int, int, int]:
    band = kivy.root.screens["status"].band
    x, y = band.to_window(band.right - 6, band.y + 6)
    return kivy.pixel(shot, x, y)


@pytest.mark.parametrize("level", ALL_LEVELS)
def test_each_level_has_its_colour_word_and_icon(level: str, kivy_screen: KivyHarness, make_ctx: MakeCtx,
                                                  state_path: Path) -> None:
    write_state(state_path, make_state(level))
    root = kivy_screen.mount(make_ctx())
    shot = kivy_screen.screenshot(f"status-{level}")
    look = LEVELS[level]
    assert close_to(band_pixel(kivy_screen, shot), look.colour), f"band colour of {level} in {shot}"
    status = root.screens["status"]
    assert status.word.words == look.word
    assert status.icon.kind == look.icon
    texts = kivy_screen.texts()
    assert FACTS[level] in texts  # the one fact, not the engine's headline with its address
    assert make_state(level)["headline"] not in texts
    assert "checked just now" in texts
    assert f"1.  Step one for {level}." in texts


def test_levels_differ_by_icon_and_word_not_only_colour() -> None:
    assert len({look.icon for look in LEVELS.values()}) == len(LEVELS)
    assert len({look.word for look in LEVELS.values()}) == len(LEVELS)


def test_incidents_and_maintenance_with_times(kivy_screen: KivyHarness, make_ctx: MakeCtx, state_path: Path) -> None:
    state = make_state("maintenance", incidents=[
        {"name": "Slow notes", "status": "INVESTIGATING", "impact": "DEGRADEDPERFORMANCE",
         "started": iso(NOW - timedelta(minutes=30)), "url": ""},
    ], maintenances=[
        {"name": "Database upgrade", "status": "INPROGRESS", "start": iso(NOW - timedelta(minutes=10)),
         "end": iso(NOW + timedelta(minutes=50)), "url": ""},
        {"name": "Network work", "status": "NOTSTARTEDYET", "start": iso(NOW + timedelta(days=1)),
         "end": iso(NOW + timedelta(days=1, hours=2)), "url": ""},
    ])
    write_state(state_path, state)
    kivy_screen.mount(make_ctx())
    kivy_screen.screenshot("status-maintenance-with-events")
    texts = "\n".join(kivy_screen.texts())
    local = (NOW - timedelta(minutes=30)).astimezone()
    assert f"Slow notes (investigating, since {local:%H:%M} today)" in texts
    assert "MAINTENANCE NOW" in texts and "Database upgrade:" in texts
    assert "MAINTENANCE PLANNED" in texts and "Network work:" in texts and "tomorrow" in texts


def test_stale_check_turns_into_a_warning(kivy_screen: KivyHarness, make_ctx: MakeCtx, state_path: Path,
                                          clock: FakeClock) -> None:
    write_state(state_path, make_state("operational", checked_at=iso(NOW - timedelta(minutes=12))))
    root = kivy_screen.mount(make_ctx(), size=(800, 480))
    shot = kivy_screen.screenshot("status-stale")
    status = root.screens["status"]
    assert status.checked.text == "NOT CURRENT — last checked 12 min ago"
    box = status.checked_box
    assert close_to(kivy_screen.pixel(shot, *box.to_window(box.right - 4, box.center_y)), (1.0, 0.80, 0.10))
    write_state(state_path, make_state("operational", stale=True))
    root.tick()
    assert status.checked.text.startswith("NOT CURRENT")


def test_monitor_stopped_does_not_show_the_old_level_as_current(kivy_screen: KivyHarness, make_ctx: MakeCtx,
                                                                 state_path: Path, clock: FakeClock) -> None:
    write_state(state_path, make_state("outage"))
    root = kivy_screen.mount(make_ctx(monitor_timeout_seconds=30))
    status = root.screens["status"]
    assert status.word.words == "ICANotes is DOWN"
    clock.advance(31)  # no new heartbeat
    root.tick()
    shot = kivy_screen.screenshot("status-monitor-stopped")
    assert status.word.words == "Status monitor not running"
    assert "ICANotes is DOWN" not in kivy_screen.texts()  # only as history, inside the headline
    assert "Last known at" in status.headline.text and "ICANotes is DOWN" in status.headline.text
    assert close_to(band_pixel(kivy_screen, shot), LEVELS["unknown"].colour)
    write_state(state_path, make_state("outage", now=clock.now()))
    root.tick()
    assert status.word.words == "ICANotes is DOWN"


def test_no_state_file_yet(kivy_screen: KivyHarness, make_ctx: MakeCtx) -> None:
    root = kivy_screen.mount(make_ctx())
    assert root.screens["status"].word.words == "Status monitor not running"
    assert "No status yet" in root.screens["status"].headline.text


def test_alert_bar_on_every_screen_until_resolved(kivy_screen: KivyHarness, make_ctx: MakeCtx,
                                                  state_path: Path) -> None:
    message = "Printer is out of paper: add paper, then press Resume on the Print screen"
    write_state(state_path, make_state("operational", alerts=[
        {"kind": "printer", "since": iso(NOW), "message": message}]))
    root = kivy_screen.mount(make_ctx())
    for name in ("status", "print", "schedule", "info"):
        kivy_screen.tap(root.nav.tabs[name])
        assert root.current == name
        assert root.alerts.height > 0 and root.alerts.text.text == message
        assert root.alerts.get_root_window() is not None
    kivy_screen.tap(root.nav.tabs["status"])
    kivy_screen.screenshot("alert-bar")
    write_state(state_path, make_state("operational"))
    root.tick()
    kivy_screen.frames(2)
    assert root.alerts.height == 0 and root.alerts.text.text == ""


def test_night_mode_dark_wakes_on_touch_and_on_trouble(kivy_screen: KivyHarness, make_ctx: MakeCtx,
                                                        state_path: Path, clock: FakeClock) -> None:
    local = clock.now().astimezone()
    start = (local - timedelta(hours=1)).strftime("%H:%M")
    end = (local + timedelta(hours=1)).strftime("%H:%M")
    from datetime import time
    window = (time.fromisoformat(start), time.fromisoformat(end))
    write_state(state_path, make_state("operational"))
    root = kivy_screen.mount(make_ctx(night=window, wake_seconds=120))
    shot = kivy_screen.screenshot("night")
    assert root.is_dark
    assert kivy_screen.pixel(shot, 400, 300) == (0, 0, 0)
    kivy_screen.tap_at(400, 240)  # wakes, and does nothing else
    assert not root.is_dark and root.current == "status"
    clock.advance(119)
    root.tick()
    assert not root.is_dark
    clock.advance(2)
    write_state(state_path, make_state("operational", now=clock.now()))
    root.tick()
    assert root.is_dark
    write_state(state_path, make_state("degraded", now=clock.now()))
    root.tick()
    assert not root.is_dark


@pytest.mark.parametrize("size", [(800, 480), (1920, 1080)])
def test_layout_scales_and_touch_targets_are_at_least_9_mm(size: tuple[int, int], kivy_screen: KivyHarness,
                                                            make_ctx: MakeCtx, state_path: Path) -> None:
    from kivy.uix.button import Button

    write_state(state_path, make_state("outage"))
    root = kivy_screen.mount(make_ctx(pin_hash=hash_pin("2468")), size=size)
    kivy_screen.screenshot(f"status-{size[0]}x{size[1]}")
    nine_mm_at_96_dpi = 9 / 25.4 * 96
    for name in ("status", "print", "schedule", "info"):
        kivy_screen.tap(root.nav.tabs[name])
        kivy_screen.frames(2)
        buttons = [w for w in root.walk(restrict=True) if isinstance(w, Button)]
        assert len(buttons) >= 4
        for button in buttons:
            assert button.height >= nine_mm_at_96_dpi and button.width >= nine_mm_at_96_dpi, (name, button.text)
    status = root.screens["status"]
    assert status.word.texture_size[0] <= status.word.width + 1  # the big word fits
    assert root.width == size[0] and root.height == size[1]

"""The Schedule screen's PIN pad in the real window: unlock by tapping, auto-lock on the injected clock,
lock-out after five wrong PINs, and locking when the screen is left or the night falls."""

from pathlib import Path

from kiosk.ui.pin import hash_pin
from tests.fixtures.xvfb import KivyHarness
from tests.ui.conftest import MakeCtx
from tests.ui.states import FakeClock, make_state, write_state

PIN_HASH = hash_pin("2468")


def type_pin(kivy: KivyHarness, pin: str) -> None:
    pad = kivy.root.screens["schedule"].pad
    for key in [*pin, "OK"]:
        kivy.tap(pad.keys[key])


def open_schedule(kivy: KivyHarness, make_ctx: MakeCtx, state_path: Path, **settings: object) -> object:
    write_state(state_path, make_state("outage"))
    root = kivy.mount(make_ctx(pin_hash=PIN_HASH, lock_seconds=60, **settings))
    kivy.tap(root.nav.tabs["schedule"])
    assert root.current == "schedule"
    return root


def test_unlock_with_the_pin_and_auto_lock(kivy_screen: KivyHarness, make_ctx: MakeCtx, state_path: Path,
                                           clock: FakeClock) -> None:
    root = open_schedule(kivy_screen, make_ctx, state_path)
    screen = root.screens["schedule"]  # type: ignore[attr-defined]
    kivy_screen.screenshot("schedule-locked")
    type_pin(kivy_screen, "2468")
    kivy_screen.wait_until(lambda: screen.showing_unlocked, what="the schedule to unlock")
    kivy_screen.screenshot("schedule-unlocked-no-source")
    assert "Lock now" in kivy_screen.texts()
    clock.advance(45)
    kivy_screen.tap_at(5, 240)  # a touch anywhere keeps it open
    clock.advance(45)
    root.tick()  # type: ignore[attr-defined]
    assert screen.showing_unlocked
    clock.advance(61)
    root.tick()  # type: ignore[attr-defined]
    assert not screen.showing_unlocked
    assert "Lock now" not in kivy_screen.texts()
    assert "Enter the PIN to see the schedule." in screen.message.text


def test_wrong_pins_lock_the_pad_for_five_minutes(kivy_screen: KivyHarness, make_ctx: MakeCtx, state_path: Path,
                                                  clock: FakeClock) -> None:
    root = open_schedule(kivy_screen, make_ctx, state_path)
    screen = root.screens["schedule"]  # type: ignore[attr-defined]
    type_pin(kivy_screen, "1111")
    kivy_screen.wait_until(lambda: "Wrong PIN" in screen.message.text, what="the wrong-PIN message")
    assert "4 tries left" in screen.message.text
    for _ in range(4):
        type_pin(kivy_screen, "1111")
        kivy_screen.wait_until(lambda: screen.message.text != "Checking…", what="the PIN check")
    kivy_screen.screenshot("schedule-locked-out")
    assert screen.message.text.startswith("Too many wrong PINs")
    assert "5:00" in screen.message.text
    assert screen.pad.keys["OK"].disabled
    type_pin(kivy_screen, "2468")  # the pad is disabled: taps do nothing
    kivy_screen.frames(3)
    assert not screen.showing_unlocked
    clock.advance(299)
    root.tick()  # type: ignore[attr-defined]
    assert "0:01" in screen.message.text
    clock.advance(1)
    root.tick()  # type: ignore[attr-defined]
    assert not screen.pad.keys["OK"].disabled
    type_pin(kivy_screen, "2468")
    kivy_screen.wait_until(lambda: screen.showing_unlocked, what="the schedule to unlock after the lock-out")


def test_leaving_the_schedule_locks_it(kivy_screen: KivyHarness, make_ctx: MakeCtx, state_path: Path) -> None:
    root = open_schedule(kivy_screen, make_ctx, state_path)
    screen = root.screens["schedule"]  # type: ignore[attr-defined]
    type_pin(kivy_screen, "2468")
    kivy_screen.wait_until(lambda: screen.showing_unlocked, what="the schedule to unlock")
    kivy_screen.tap(root.nav.tabs["status"])  # type: ignore[attr-defined]
    assert not screen.showing_unlocked
    kivy_screen.tap(root.nav.tabs["schedule"])  # type: ignore[attr-defined]
    assert not screen.showing_unlocked


def test_no_pin_set_says_how_to_set_one(kivy_screen: KivyHarness, make_ctx: MakeCtx, state_path: Path) -> None:
    write_state(state_path, make_state("operational"))
    root = kivy_screen.mount(make_ctx())
    kivy_screen.tap(root.nav.tabs["schedule"])
    screen = root.screens["schedule"]
    assert "downtime-kiosk ui --set-pin" in screen.message.text
    assert screen.pad.keys["1"].disabled

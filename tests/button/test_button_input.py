"""The gpiozero adapter on mock pins with real timing: edges reach the asyncio loop as gestures."""

import asyncio
import threading
import time
from collections.abc import Callable

from gpiozero.pins.mock import MockFactory

from kiosk.button.gpio import ButtonInput
from kiosk.button.recogniser import Gesture
from kiosk.button.settings import ButtonSettings

PIN = 23


async def wait_until(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.01)


def run_with_button(factory: MockFactory, settings: ButtonSettings,
                    script: Callable[[list[tuple[Gesture, str]]], object]) -> list[tuple[Gesture, str]]:
    """Start a ButtonInput on a real loop, run `script` (async) against it, return the gestures with their thread."""

    async def main() -> list[tuple[Gesture, str]]:
        seen: list[tuple[Gesture, str]] = []
        button = ButtonInput(settings, factory, asyncio.get_running_loop(),
                             lambda g: seen.append((g, threading.current_thread().name)))
        try:
            await script(seen)  # type: ignore[misc]
        finally:
            button.close()
        return seen

    return asyncio.run(main())


def test_press_arrives_on_the_loop_thread(mock_factory: MockFactory) -> None:
    pin = mock_factory.pin(PIN)

    async def script(seen: list[tuple[Gesture, str]]) -> None:
        pin.drive_low()
        await asyncio.sleep(0.1)
        pin.drive_high()
        await wait_until(lambda: len(seen) == 1)

    seen = run_with_button(mock_factory, ButtonSettings(pin="GPIO23"), script)
    assert seen == [(Gesture.PRESS, threading.current_thread().name)]


def test_hold_prints_once_and_the_release_is_silent(mock_factory: MockFactory) -> None:
    pin = mock_factory.pin(PIN)

    async def script(seen: list[tuple[Gesture, str]]) -> None:
        started = time.monotonic()
        pin.drive_low()
        await wait_until(lambda: len(seen) == 1)
        assert time.monotonic() - started >= 0.5  # not before the hold time
        pin.drive_high()
        await asyncio.sleep(0.2)

    seen = run_with_button(mock_factory, ButtonSettings(pin="GPIO23", hold_seconds=0.5), script)
    assert [gesture for gesture, _ in seen] == [Gesture.HOLD]


def test_chatter_is_debounced_into_one_press(mock_factory: MockFactory) -> None:
    pin = mock_factory.pin(PIN)

    async def script(seen: list[tuple[Gesture, str]]) -> None:
        for _ in range(3):
            pin.drive_low()
            pin.drive_high()
        pin.drive_low()
        await asyncio.sleep(0.15)
        pin.drive_high()
        pin.drive_low()
        pin.drive_high()
        await asyncio.sleep(0.2)

    debounced = run_with_button(mock_factory, ButtonSettings(pin="GPIO23", bounce_ms=50), script)
    assert [gesture for gesture, _ in debounced] == [Gesture.PRESS]
    raw = run_with_button(mock_factory, ButtonSettings(pin="GPIO23", bounce_ms=0), script)
    assert len(raw) > 1


def test_pull_down_button_presses_high(mock_factory: MockFactory) -> None:
    pin = mock_factory.pin(PIN)

    async def script(seen: list[tuple[Gesture, str]]) -> None:
        pin.drive_high()
        await asyncio.sleep(0.1)
        pin.drive_low()
        await wait_until(lambda: len(seen) == 1)

    seen = run_with_button(mock_factory, ButtonSettings(pin="BOARD16", pull_up=False), script)
    assert [gesture for gesture, _ in seen] == [Gesture.PRESS]

"""Opening the LED and the button: nothing when none is fitted, one line when there is no GPIO,
and a pin that cannot be used leaves only that device out."""

import asyncio
import logging

import pytest
from gpiozero import LED
from gpiozero.pins.mock import MockFactory

from kiosk.button.settings import ButtonSettings
from kiosk.gpio.factory import FactoryResult
from kiosk.led.settings import LedKind, LedSettings
from kiosk.watch.hardware import open_hardware

RGB = LedSettings(kind=LedKind.RGB, pins={"red": "GPIO17", "green": "GPIO27", "blue": "GPIO22"})


def never() -> FactoryResult:
    raise AssertionError("no pin factory is needed without an LED or a button")


def test_nothing_fitted_opens_nothing() -> None:
    async def main() -> None:
        hardware = open_hardware(LedSettings(), ButtonSettings(), never, asyncio.get_running_loop(), print)
        assert hardware.led is None and hardware.button is None

    asyncio.run(main())


def test_no_gpio_is_said_once(caplog: pytest.LogCaptureFixture) -> None:
    async def main() -> None:
        hardware = open_hardware(RGB, ButtonSettings(pin="GPIO23"), lambda: FactoryResult(None, "no chip"),
                                 asyncio.get_running_loop(), print)
        assert hardware.led is None and hardware.button is None

    asyncio.run(main())
    assert [r.getMessage() for r in caplog.records] == [
        "no GPIO on this machine (no chip): running without the LED and the button"]


def test_no_gpio_names_the_backends_passed_over(caplog: pytest.LogCaptureFixture) -> None:
    result = FactoryResult(None, "Unable to load any default pin factory!",
                           ("lgpio: can't open gpiochip (/dev/gpiochip0)", "native: unable to locate Pi revision"))

    async def main() -> None:
        open_hardware(RGB, ButtonSettings(pin="GPIO23"), lambda: result, asyncio.get_running_loop(), print)

    asyncio.run(main())
    assert [r.getMessage() for r in caplog.records] == [
        "no GPIO on this machine (Unable to load any default pin factory!; passed over lgpio: can't open gpiochip "
        "(/dev/gpiochip0); passed over native: unable to locate Pi revision): running without the LED and the button"]


def test_a_fallback_backend_is_said_with_why_the_first_was_passed_over(
        mock_factory: MockFactory, caplog: pytest.LogCaptureFixture) -> None:
    async def main() -> None:
        hardware = open_hardware(RGB, ButtonSettings(), lambda: FactoryResult(mock_factory, passed_over=(
            "lgpio: [Errno 2] No such file or directory: '.lgd-nfy-3'",)), asyncio.get_running_loop(), print)
        assert hardware.led is not None
        hardware.close()

    with caplog.at_level(logging.WARNING):
        asyncio.run(main())
    assert [r.getMessage() for r in caplog.records] == [
        "GPIO through MockFactory; passed over lgpio: [Errno 2] No such file or directory: '.lgd-nfy-3'"]


def test_a_pin_in_use_leaves_only_that_device_out(mock_factory: MockFactory,
                                                  caplog: pytest.LogCaptureFixture) -> None:
    squatter = LED("GPIO27", pin_factory=mock_factory)

    async def main() -> None:
        hardware = open_hardware(RGB, ButtonSettings(pin="GPIO23"), lambda: FactoryResult(mock_factory),
                                 asyncio.get_running_loop(), print)
        try:
            assert hardware.led is None
            assert hardware.button is not None
        finally:
            hardware.close()

    with caplog.at_level(logging.ERROR):
        asyncio.run(main())
    squatter.close()
    assert "cannot be driven" in caplog.text and "running without the LED" in caplog.text

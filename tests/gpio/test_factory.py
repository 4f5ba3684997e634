"""Opening gpiozero's pin factory: the backends it passes over are kept with their errors, so a Pi whose
lgpio fails is not reported as RPi.GPIO's "No access to /dev/mem"."""

import pytest
from gpiozero.pins.mock import MockFactory, MockPWMPin

from kiosk.gpio.factory import open_pin_factory


def test_a_machine_without_gpio_says_what_each_backend_lacked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GPIOZERO_PIN_FACTORY", raising=False)
    result = open_pin_factory()
    assert result.factory is None
    assert result.reason == "Unable to load any default pin factory!"
    assert [entry.split(":")[0] for entry in result.passed_over] == ["lgpio", "rpigpio", "pigpio", "native"]
    assert all(not entry.startswith("Falling back") for entry in result.passed_over)


def test_a_named_factory_is_used_without_passing_over_any(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GPIOZERO_PIN_FACTORY", "mock")
    monkeypatch.delenv("GPIOZERO_MOCK_PIN_CLASS", raising=False)
    result = open_pin_factory()
    try:
        assert isinstance(result.factory, MockFactory)
        assert result.factory.pin_class is MockPWMPin
        assert result.passed_over == ()
    finally:
        assert result.factory is not None
        result.factory.close()


def test_a_named_factory_that_fails_is_the_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GPIOZERO_PIN_FACTORY", "lgpio")
    result = open_pin_factory()
    assert result.factory is None
    assert "lgpio" in result.reason
    assert result.passed_over == ()

"""Stopping the daemon leaves the LED dark and its pins free."""

import json
from pathlib import Path

from gpiozero import PWMLED
from gpiozero.pins.mock import MockFactory

from kiosk.gpio.factory import FactoryResult
from kiosk.watch.wiring import build_services
from tests.fixtures.status_servers import StatusWorld
from tests.waiting import wait_until
from tests.watch.harness import DaemonThread, daemon_config
from tests.watch.worlds import status_table

LED = {"kind": "rgb", "pins": {"red": "GPIO17", "green": "GPIO27", "blue": "GPIO22"}, "night": ""}


def test_stop_turns_the_led_off_and_frees_its_pins(status_world: StatusWorld, mock_factory: MockFactory,
                                                   tmp_path: Path) -> None:
    config = daemon_config(tmp_path, status_table(status_world, poll=30), led=LED)
    state_file = tmp_path / "run" / "state.json"
    green = mock_factory.pin(27)
    with DaemonThread(config, build_services(config), open_factory=lambda: FactoryResult(mock_factory)):
        wait_until(lambda: state_file.exists() and json.loads(state_file.read_text())["level"] == "operational",
                 10, "the first poll")
        wait_until(lambda: green.state == 1.0, 5, "the green LED")
    assert [mock_factory.pin(number).state for number in (17, 27, 22)] == [0, 0, 0]
    PWMLED("GPIO27", pin_factory=mock_factory).close()  # would raise if the daemon still held the pin

"""Assertions on what a boot's probe reported that several scenarios share."""

from tests.appliance.boot import probes
from tests.appliance.boot.machine import Boot
from tests.appliance.boot.world import PRINTER_FILE


def assert_set_up(boot: Boot, units: tuple[str, ...] = probes.UNITS) -> None:
    """A card after its first boot: the system running with no failed unit, `units` active and the card's
    printer added as the `downtime-kiosk` queue."""
    assert boot.value("system") == "running", "\n".join(boot.lines())
    assert boot.value("failed") == ""
    for unit in units:
        assert boot.value(f"active {unit}") == "active", unit
    assert f"downtime-kiosk: {PRINTER_FILE.strip()}" in boot.value("printers")

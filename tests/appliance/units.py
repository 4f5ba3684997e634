"""Reading systemd unit files the way systemd does, for the tests: sections of repeatable keys."""

from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
UNIT_DIR = REPO / "systemd"
GENERATOR = UNIT_DIR / "generators" / "downtime-kiosk-generator"
SERVICES = ("downtime-kiosk-watch.service", "downtime-kiosk-ui.service", "downtime-kiosk-nightly.service",
            "downtime-kiosk-setup.service")
UNITS = (*SERVICES, "downtime-kiosk-nightly.timer")


def entries(path: Path) -> Iterator[tuple[str, str, str]]:
    """(section, key, value) for every assignment, in order (keys repeat in unit files)."""
    section = ""
    for raw in path.read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        key, _, value = line.partition("=")
        yield section, key.strip(), value.strip()


def values(unit: str, key: str, section: str | None = None) -> list[str]:
    """Every value assigned to `key` in `unit` (in `section` when given)."""
    return [v for s, k, v in entries(UNIT_DIR / unit) if k == key and section in (None, s)]


def value(unit: str, key: str) -> str:
    """The one value of `key`; fails the test when it is missing or set more than once."""
    found = values(unit, key)
    assert len(found) == 1, f"{unit}: expected exactly one {key}=, found {found}"
    return found[0]

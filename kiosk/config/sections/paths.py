"""`[paths]`: where the appliance writes (state, runtime, the schedule key)."""

from pathlib import Path

from kiosk.config.reader import SectionReader
from kiosk.config.section import SectionSpec
from print_service.paths import AppPaths

DEFAULT_STATE_DIR = Path("/var/lib/downtime-kiosk")
DEFAULT_RUNTIME_DIR = Path("/run/downtime-kiosk")
DEFAULT_KEY_FILE = Path("/etc/downtime-kiosk/schedule.key")


def _systemd_dir(reader: SectionReader, variable: str, fallback: Path) -> Path:
    # systemd sets e.g. STATE_DIRECTORY=/var/lib/downtime-kiosk (colon-separated when several)
    value = reader.env.get(variable, "")
    return Path(value.split(":")[0]) if value else fallback


def build(reader: SectionReader) -> AppPaths:
    """Read `[paths]`, defaulting to systemd's StateDirectory/RuntimeDirectory when set."""
    return AppPaths(
        state_dir=reader.path("state_dir", _systemd_dir(reader, "STATE_DIRECTORY", DEFAULT_STATE_DIR)),
        runtime_dir=reader.path("runtime_dir", _systemd_dir(reader, "RUNTIME_DIRECTORY", DEFAULT_RUNTIME_DIR)),
        key_file=reader.path("key_file", DEFAULT_KEY_FILE),
    )


SECTION = SectionSpec("paths", AppPaths, build)

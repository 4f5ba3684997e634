"""The demo's configuration file: every address on the built-in status page, prints into
./demo-output/ (or a named CUPS queue), the fictional calendar, a window instead of full screen,
the demo PIN, and an LED and button on gpiozero's mock pins when the watch daemon knows them."""

import json
from pathlib import Path

from kiosk.config.sections import all_sections
from kiosk.status.settings import StatusSettings
from kiosk.ui.pin import hash_pin

__all__ = ["DEMO_PIN", "demo_config_text"]

DEMO_PIN = "1234"


def _toml(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return json.dumps(str(value))


def _table(name: str, values: dict[str, object]) -> str:
    return f"[{name}]\n" + "".join(f"{key} = {_toml(value)}\n" for key, value in values.items()) + "\n"


def demo_config_text(work: Path, status: StatusSettings, *, output_dir: Path | None, printer: str | None,
                     calendar: Path) -> str:
    """The TOML text of the demo's configuration (state in `work`, status from `status`)."""
    known = {spec.name for spec in all_sections()}
    parts = [
        _table("paths", {"state_dir": work / "state", "runtime_dir": work / "run",
                         "key_file": work / "schedule.key"}),
        _table("status", {"page_url": status.page_url, "provider": status.provider, "ehr_url": status.ehr_url,
                          "upload_url": status.upload_url, "internet_urls": list(status.internet_urls),
                          "timeout_seconds": 3, "poll_seconds": 5, "confirm_seconds": 2}),
        _table("printing", {"printer": printer} if printer else {"output_dir": output_dir}),
        _table("schedule", {"source": calendar, "provider_from": "description:Provider", "refresh_minutes": 5}),
        _table("ui", {"fullscreen": False, "pin_hash": hash_pin(DEMO_PIN), "lock_seconds": 120}),
    ]
    if "led" in known:
        parts.append(_table("led", {"kind": "rgb"}) + '[led.pins]\nred = "GPIO17"\ngreen = "GPIO27"\n'
                     'blue = "GPIO22"\n\n')
    if "button" in known:
        parts.append(_table("button", {"pin": "GPIO26"}))
    return "".join(parts)

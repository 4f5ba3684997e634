"""docs/config.example.toml is what the README shows the IT person: it must stay a valid configuration."""

import tomllib
from pathlib import Path

from kiosk.config import parse_config
from kiosk.config.sections import all_sections
from kiosk.status.settings import StatusSettings

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "config.example.toml"


def test_example_configuration_loads() -> None:
    document = tomllib.loads(EXAMPLE.read_text())
    config = parse_config(document, str(EXAMPLE), env={})
    assert config.get(StatusSettings).page_url == "https://icanotes.instatus.com"


def test_example_shows_every_section_but_paths_and_forms() -> None:
    document = tomllib.loads(EXAMPLE.read_text())
    # [paths] is systemd's business on the appliance; [forms] needs real PDF files
    expected = {spec.name for spec in all_sections()} - {"paths", "forms"}
    assert set(document) == expected

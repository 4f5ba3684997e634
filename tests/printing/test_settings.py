"""The `[printing]` section: defaults, the packet's two spellings, and one clear line per mistake."""

from pathlib import Path

import pytest

from kiosk.config import parse_config
from kiosk.errors import ConfigError
from print_service.printing import DEFAULT_PACKET, PacketItem, PrintingSettings


def printing(table: dict[str, object]) -> PrintingSettings:
    return parse_config({"printing": table}, "k.toml", env={}).get(PrintingSettings)


def test_defaults() -> None:
    settings = printing({})
    assert settings == PrintingSettings()
    assert (settings.printer, settings.paper, settings.duplex, settings.output_dir) == ("", "letter", False, None)
    assert settings.job_timeout_seconds == 120
    assert [item.form_id for item in DEFAULT_PACKET] == [
        "therapist-note", "prescriber-note", "nursing-note", "med-change-log"]
    assert all(item.copies == 1 for item in DEFAULT_PACKET)


def test_every_key() -> None:
    settings = printing({
        "printer": "front-desk", "paper": "a4", "duplex": True, "output_dir": "/srv/forms",
        "packet": ["therapist-note", {"id": "downtime-log", "copies": 3}], "job_timeout_seconds": 30,
    })
    assert settings == PrintingSettings(
        printer="front-desk", paper="a4", duplex=True, output_dir=Path("/srv/forms"),
        packet=(PacketItem("therapist-note"), PacketItem("downtime-log", 3)), job_timeout_seconds=30.0)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"paper": "legal"}, 'printing.paper: expected one of "letter", "a4", got \'legal\''),
        ({"duplex": "yes"}, "printing.duplex: expected true or false"),
        ({"output_dir": "forms"}, 'printing.output_dir: expected an absolute path or ""'),
        ({"packet": []}, "printing.packet: expected a non-empty list"),
        ({"packet": "therapist-note"}, "printing.packet: expected a non-empty list"),
        ({"packet": [{"id": "x", "copies": 0}]}, "printing.packet: expected a list of form ids or"),
        ({"packet": [{"id": "x", "copies": True}]}, "printing.packet: expected a list of form ids or"),
        ({"packet": [{"form": "x"}]}, "printing.packet: expected a list of form ids or"),
        ({"packet": [""]}, "printing.packet: expected a list of form ids or"),
        ({"job_timeout_seconds": 0}, "printing.job_timeout_seconds: expected a number greater than 0"),
        ({"printers": "x"}, "printing.printers: unknown key"),
    ],
)
def test_mistakes_are_one_line(table: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        printing(table)
    assert str(caught.value).startswith("k.toml: " + message)
    assert "\n" not in str(caught.value)

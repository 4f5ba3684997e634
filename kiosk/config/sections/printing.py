"""`[printing]`: the CUPS queue, paper, duplex, the output folder and what the button prints."""

from pathlib import Path

from kiosk.config.model import Config
from kiosk.config.reader import SectionReader
from kiosk.config.section import SectionSpec
from kiosk.errors import ConfigError
from print_service.forms.builtin_titles import BUILTIN_TITLES
from print_service.forms.settings import FormsSettings
from print_service.printing.settings import PAPER_SIZES, PacketItem, PrintingSettings

_D = PrintingSettings()
_PACKET_EXPECTED = 'a list of form ids or { id = "…", copies = N } tables'
MAX_COPIES = 20


def build(reader: SectionReader) -> PrintingSettings:
    """Read and validate `[printing]`."""
    output_dir = reader.string("output_dir", "")
    if output_dir and not output_dir.startswith("/"):
        raise reader.error("output_dir", 'an absolute path or ""')
    return PrintingSettings(
        printer=reader.string("printer", _D.printer).strip(),
        paper=reader.choice("paper", _D.paper, PAPER_SIZES),
        duplex=reader.boolean("duplex", _D.duplex),
        output_dir=Path(output_dir) if output_dir else None,
        packet=_packet(reader),
        job_timeout_seconds=reader.number("job_timeout_seconds", _D.job_timeout_seconds, positive=True,
                                          maximum=3600),
    )


def _packet(reader: SectionReader) -> tuple[PacketItem, ...]:
    value = reader.raw("packet", None)
    if value is None:
        return _D.packet
    if not isinstance(value, list) or not value:
        raise reader.error("packet", f"a non-empty list: {_PACKET_EXPECTED}")
    return tuple(_packet_item(reader, item) for item in value)


def _packet_item(reader: SectionReader, item: object) -> PacketItem:
    if isinstance(item, str) and item.strip():
        return PacketItem(item.strip())
    if isinstance(item, dict) and set(item) <= {"id", "copies"}:
        form_id, copies = item.get("id"), item.get("copies", 1)
        good_copies = isinstance(copies, int) and not isinstance(copies, bool) and 1 <= copies <= MAX_COPIES
        if isinstance(form_id, str) and form_id.strip() and good_copies:
            return PacketItem(form_id.strip(), int(copies))
    raise reader.error("packet", f"{_PACKET_EXPECTED} (copies 1 to {MAX_COPIES})", got=item)


def check_packet_ids(source: str, settings: PrintingSettings, known: set[str]) -> None:
    """Refuse a packet naming a form the catalogue does not have."""
    for item in settings.packet:
        if item.form_id not in known:
            listed = ", ".join(sorted(known))
            raise ConfigError(f"{source}: printing.packet: unknown form id {item.form_id!r} (known: {listed})")


def check(config: Config) -> None:
    """Every packet id must be a form the catalogue has: a built-in one or one of `[forms]`."""
    known = set(BUILTIN_TITLES) | {form.id for form in config.get(FormsSettings).custom}
    check_packet_ids(config.source, config.get(PrintingSettings), known)


SECTION = SectionSpec("printing", PrintingSettings, build, check=check)

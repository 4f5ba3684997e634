"""`[practice]`: the practice's name on every form, and the numbers the procedure card prints."""

from kiosk.config.reader import SectionReader
from kiosk.config.section import SectionSpec
from print_service.forms.settings import PracticeSettings

_D = PracticeSettings()


def build(reader: SectionReader) -> PracticeSettings:
    """Read and validate `[practice]`."""
    return PracticeSettings(
        name=_printable(reader, "name", _D.name),
        vendor_support_phone=_printable(reader, "vendor_support_phone", _D.vendor_support_phone, nonempty=True),
        it_contact=_printable(reader, "it_contact", _D.it_contact),
    )


def _printable(reader: SectionReader, key: str, default: str, *, nonempty: bool = False) -> str:
    """A one-line string the forms' font can print (Western European letters; no emoji)."""
    value = reader.string(key, default, nonempty=nonempty).strip()
    try:
        value.encode("cp1252")
    except UnicodeEncodeError:
        raise reader.error(key, "text in Western European letters (the forms' font cannot print the rest)") \
            from None
    if "\n" in value:
        raise reader.error(key, "a single line of text")
    return value


SECTION = SectionSpec("practice", PracticeSettings, build)

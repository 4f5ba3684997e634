"""`[practice]`: the practice's name on every form, and the numbers the procedure card prints."""

from kiosk.config.reader import SectionReader
from kiosk.config.section import SectionSpec
from print_service.forms.settings import PracticeSettings

_D = PracticeSettings()


def build(reader: SectionReader) -> PracticeSettings:
    """Read and validate `[practice]`."""
    return PracticeSettings(
        name=reader.string("name", _D.name).strip(),
        vendor_support_phone=reader.string("vendor_support_phone", _D.vendor_support_phone, nonempty=True).strip(),
        it_contact=reader.string("it_contact", _D.it_contact).strip(),
    )


SECTION = SectionSpec("practice", PracticeSettings, build)

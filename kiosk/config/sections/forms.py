"""`[forms]`: the practice's own PDFs, by form id, checked now rather than when someone presses the button.

Loading checks each file cheaply (readable, regular, a PDF header, a form's size); `open_custom_forms`
also opens them (pypdf), for `config check` and `forms`, where the IT person looks.

    [forms]
    therapist-note = "/etc/downtime-kiosk/forms/therapist.pdf"          # replaces the built-in form
    intake = { path = "/etc/downtime-kiosk/forms/intake.pdf", title = "Intake Form" }   # a new form
"""

from pathlib import Path

from kiosk.config.model import Config
from kiosk.config.reader import SectionReader
from kiosk.config.section import SectionSpec
from kiosk.errors import ConfigError
from print_service.forms.builtin_titles import BUILTIN_TITLES
from print_service.forms.custom import FORM_ID_RE, CustomFormError, check_custom_pdf
from print_service.forms.settings import CustomForm, FormsSettings

_EXPECTED = "an absolute path to a readable PDF file"


def build(reader: SectionReader) -> FormsSettings:
    """Read `[forms]` and check every PDF it names (without parsing it)."""
    form_ids = reader.keys()
    return FormsSettings(custom=tuple(_custom_form(reader, form_id) for form_id in form_ids))


def _custom_form(reader: SectionReader, form_id: str) -> CustomForm:
    if not FORM_ID_RE.match(form_id):
        raise reader.error(form_id, "a form id of lower-case letters, digits and dashes", got=form_id)
    if isinstance(reader.raw(form_id), dict):
        table = reader.subtable(form_id)
        path = table.path("path", Path("/"), absolute=True) if table.has("path") else None
        title = table.string("title", "").strip()
        table.finish()
        if path is None:
            raise table.error("path", _EXPECTED)
        return _inspect(table, "path", form_id, path, title)
    return _inspect(reader, form_id, form_id, reader.path(form_id, Path("/")), "")


def _inspect(reader: SectionReader, key: str, form_id: str, path: Path, title: str) -> CustomForm:
    try:
        form = check_custom_pdf(form_id, path, title or BUILTIN_TITLES.get(form_id))
    except CustomFormError as exc:
        raise _error(reader.source, f"{reader.section}.{key}", path, exc) from None
    return form


def _error(source: str, key: str, path: Path, exc: CustomFormError) -> ConfigError:
    # the whole path, untruncated: it is what the IT person has to go and fix
    return ConfigError(f"{source}: {key}: {path}: {exc} (expected a readable PDF file)")


def open_custom_forms(config: Config) -> None:
    """Open every custom PDF (pypdf, loaded only here) and refuse a broken one as a configuration error."""
    from print_service.forms.custom_pdf import read_custom_pdf

    for form in config.get(FormsSettings).custom:
        try:
            read_custom_pdf(form)
        except CustomFormError as exc:
            raise _error(config.source, f"forms.{form.id}", form.path, exc) from None


SECTION = SectionSpec("forms", FormsSettings, build)

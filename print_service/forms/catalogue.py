"""The form catalogue: which forms exist, and each one as a ready PDF at the press of a button."""

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from print_service.errors import PrintServiceError, UnknownNameError
from print_service.forms.builtin import builtin_definitions
from print_service.forms.cache import RenderCache
from print_service.forms.custom import CustomFormError
from print_service.forms.model import FormEntry, Prefill
from print_service.forms.settings import (
    CustomForm,
    FormsSettings,
    Paper,
    PracticeSettings,
    ProcedureLinks,
)

if TYPE_CHECKING:
    from print_service.forms.custom_pdf import CustomPdf

__all__ = ["FormCatalogue"]

_log = logging.getLogger(__name__)
_PRACTICE = PracticeSettings()
_NO_CUSTOM_FORMS = FormsSettings()
_ICANOTES_LINKS = ProcedureLinks()


class FormCatalogue:
    """Built-in forms drawn for this practice and paper, plus the practice's own PDFs.

    >>> catalogue = FormCatalogue(PracticeSettings(name="Riverbend"), cache_dir=Path("/var/lib/…/forms"))
    >>> catalogue.pdf("therapist-note")      # rendered once, then straight from the cache
    PosixPath('/var/lib/…/forms/therapist-note-….pdf')

    A custom PDF with the id of a built-in form replaces it; a new id is added after the built-ins.
    `render_count` counts real drawing, so callers (and tests) can see the cache working.
    """

    def __init__(self, practice: PracticeSettings = _PRACTICE, *, cache_dir: Path,
                 paper: Paper = "letter", forms: FormsSettings = _NO_CUSTOM_FORMS,
                 links: ProcedureLinks = _ICANOTES_LINKS) -> None:
        self.paper: Paper = paper
        self.cache = RenderCache(cache_dir)
        self.render_count = 0
        self._lock = threading.Lock()  # the button and the nightly print may ask at the same moment
        self._builtin = builtin_definitions(practice, links)
        self._custom: dict[str, CustomForm] = {form.id: form for form in forms.custom}
        self._pages: dict[str, int] = {}
        self._opened: dict[str, CustomPdf] = {}
        self._keys: dict[str, str] = {}

    # -- what exists ----------------------------------------------------------------------
    def ids(self) -> list[str]:
        """Every form id, built-in order first, then the practice's new ones."""
        return [*self._builtin, *(i for i in self._custom if i not in self._builtin)]

    def entries(self) -> list[FormEntry]:
        """One entry per form, as `forms list` shows them."""
        return [self.entry(form_id) for form_id in self.ids()]

    def entry(self, form_id: str) -> FormEntry:
        """The entry of one form (raises UnknownNameError)."""
        self._require(form_id)
        if form_id in self._custom:
            opened = self._custom_pdf(form_id)
            return FormEntry(form_id, opened.title, opened.pages, "custom")
        definition = self._builtin[form_id]
        if form_id not in self._pages:
            from print_service.forms.render.pdf import count_pages  # reportlab, when a count is first asked

            self._pages[form_id] = count_pages(definition, self.paper)
        return FormEntry(form_id, definition.title, self._pages[form_id], "builtin")

    def can_prefill(self, form_id: str) -> bool:
        """Whether `render_prefilled` writes the visit onto this form (the built-in progress notes)."""
        self._require(form_id)
        return form_id not in self._custom and self._builtin[form_id].kind == "note"

    # -- the PDFs -------------------------------------------------------------------------
    def pdf(self, form_id: str) -> Path:
        """The form as a PDF file ready to print: the practice's own file, or the cached rendering."""
        self._require(form_id)
        if form_id in self._custom:
            return self._custom_path(form_id)
        key = self._key(form_id)
        with self._lock:
            cached = self.cache.get(form_id, key)
            if cached is not None:
                return cached
            return self._store(form_id, key, self._draw(form_id))

    def render(self, form_id: str) -> bytes:
        """The form's PDF bytes, from the cache when it can (for `forms render` and previews)."""
        self._require(form_id)
        if form_id in self._custom:
            return self._custom_path(form_id).read_bytes()
        cached = self.cache.get(form_id, self._key(form_id))
        return cached.read_bytes() if cached is not None else self._draw(form_id)

    def warm(self) -> None:
        """Render every built-in form into the cache now, so the first press is as fast as the rest."""
        for form_id in self._builtin:
            if form_id not in self._custom:
                self.pdf(form_id)

    def render_prefilled(self, form_id: str, prefill: Prefill) -> bytes:
        """A progress note with the visit's patient, date, time and provider written in; in memory only.

        The bytes hold PHI: hand them straight to the printer, never to a file or a log.
        A custom PDF cannot be written on, so it comes back blank; logs and the card cannot be pre-filled.
        """
        self._require(form_id)
        if form_id in self._custom:
            return self._custom_path(form_id).read_bytes()
        if not self.can_prefill(form_id):
            raise UnknownNameError(f"form {form_id!r} cannot be pre-filled (only progress notes can)")
        from print_service.forms.render.pdf import render_pdf

        self.render_count += 1
        return render_pdf(self._builtin[form_id], self.paper, prefill.values())

    # -- helpers --------------------------------------------------------------------------
    def _require(self, form_id: str) -> None:
        if form_id not in self._builtin and form_id not in self._custom:
            known = ", ".join(self.ids())
            raise UnknownNameError(f"unknown form {form_id!r} (known forms: {known})")

    def _key(self, form_id: str) -> str:
        if form_id not in self._keys:  # definitions are frozen: the key never changes for this catalogue
            self._keys[form_id] = self.cache.key(self.paper, repr(self._builtin[form_id]))
        return self._keys[form_id]

    def _store(self, form_id: str, key: str, data: bytes) -> Path:
        try:
            return self.cache.put(form_id, key, data)
        except OSError as exc:
            raise PrintServiceError(
                f"cannot write the form cache in {self.cache.folder}: {exc.strerror or exc}",
                user_message="The kiosk cannot prepare the form. Ask IT to check the kiosk's storage.",
            ) from None

    def _draw(self, form_id: str) -> bytes:
        from print_service.forms.render.pdf import render_pdf  # reportlab only when a form must be drawn

        self.render_count += 1
        _log.debug("rendering form %s (%s)", form_id, self.paper)
        return render_pdf(self._builtin[form_id], self.paper)

    def _custom_pdf(self, form_id: str) -> "CustomPdf":
        """Open the practice's PDF once (pypdf is loaded only now), for its title and pages."""
        from print_service.forms.custom_pdf import read_custom_pdf

        if form_id not in self._opened:
            form = self._custom[form_id]
            try:
                self._opened[form_id] = read_custom_pdf(form)
            except CustomFormError as exc:
                raise PrintServiceError(f"the practice's form {form_id!r} ({form.path}): {exc}",
                                        user_message="This form's file cannot be used. Ask IT to check the kiosk.",
                                        ) from None
        return self._opened[form_id]

    def _custom_path(self, form_id: str) -> Path:
        path = self._custom[form_id].path
        if not path.is_file():
            raise PrintServiceError(f"the practice's form {form_id!r} is gone: {path}",
                                    user_message="This form's file is missing. Ask IT to check the kiosk.")
        return path

"""The six built-in forms, as pure data built from the practice's settings."""

from collections.abc import Callable

from print_service.forms.builtin import therapist_note
from print_service.forms.model import FormDefinition
from print_service.forms.settings import PracticeSettings, ProcedureLinks

__all__ = ["BUILTIN_IDS", "BUILTIN_TITLES", "builtin_definitions"]

_NOTES: dict[str, Callable[[str], FormDefinition]] = {
    therapist_note.FORM_ID: therapist_note.definition,
}

BUILTIN_IDS: tuple[str, ...] = tuple(_NOTES)


def builtin_definitions(practice: PracticeSettings, links: ProcedureLinks) -> dict[str, FormDefinition]:
    """Every built-in form, in the order `forms list` shows them."""
    return {form_id: build(practice.name) for form_id, build in _NOTES.items()}


BUILTIN_TITLES: dict[str, str] = {
    form_id: definition.title
    for form_id, definition in builtin_definitions(PracticeSettings(), ProcedureLinks()).items()
}

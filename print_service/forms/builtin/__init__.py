"""The six built-in forms, as pure data built from the practice's settings."""

from collections.abc import Callable

from print_service.forms.builtin import (
    downtime_log,
    med_change_log,
    nursing_note,
    prescriber_note,
    procedure_card,
    therapist_note,
)
from print_service.forms.model import FormDefinition
from print_service.forms.settings import PracticeSettings, ProcedureLinks

__all__ = ["BUILTIN_IDS", "builtin_definitions"]

_BY_PRACTICE_NAME: dict[str, Callable[[str], FormDefinition]] = {
    therapist_note.FORM_ID: therapist_note.definition,
    prescriber_note.FORM_ID: prescriber_note.definition,
    nursing_note.FORM_ID: nursing_note.definition,
    med_change_log.FORM_ID: med_change_log.definition,
    downtime_log.FORM_ID: downtime_log.definition,
}

BUILTIN_IDS: tuple[str, ...] = (*_BY_PRACTICE_NAME, procedure_card.FORM_ID)


def builtin_definitions(practice: PracticeSettings, links: ProcedureLinks) -> dict[str, FormDefinition]:
    """Every built-in form, in the order `forms list` shows them."""
    forms = {form_id: build(practice.name) for form_id, build in _BY_PRACTICE_NAME.items()}
    forms[procedure_card.FORM_ID] = procedure_card.definition(practice, links)
    return forms


"""The built-in forms' ids and titles as plain data, for checking the configuration without building the forms.

`print_service.forms.builtin` builds the forms themselves (and a test keeps the two in step).
"""

__all__ = ["BUILTIN_TITLES"]

BUILTIN_TITLES: dict[str, str] = {
    "therapist-note": "Therapist Progress Note",
    "prescriber-note": "Prescriber Progress Note",
    "nursing-note": "Nursing Progress Note",
    "med-change-log": "Downtime Medication Change Log",
    "downtime-log": "Downtime Visit and Reconciliation Log",
    "procedure-card": "What to do when ICANotes is down",
}

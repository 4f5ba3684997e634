"""Nursing Progress Note: vitals, long-acting injections with everything a safe next dose depends on
(product, dose, site and side, lot, expiry, last and next due), the observation period and education."""

from print_service.forms.blocks import Checklist, Choices, Column, Field, Fields, Section, Table, WriteIn
from print_service.forms.builtin.common import IDENTIFIERS, SIGN_OFF, visit_blocks
from print_service.forms.model import FormDefinition

__all__ = ["FORM_ID", "TITLE", "definition"]

FORM_ID = "nursing-note"
TITLE = "Nursing Progress Note"


def definition(practice_name: str) -> FormDefinition:
    """The nursing note for `practice_name`."""
    return FormDefinition(
        id=FORM_ID,
        title=TITLE,
        kind="note",
        practice_name=practice_name,
        every_page=IDENTIFIERS,
        blocks=(
            *visit_blocks("Time"),
            Choices("Reason for visit", ("Injection", "Vitals / labs", "Medication check", "Education"),
                    other="Other:"),
            Section("Safety checks"),
            Checklist((
                "Identity verified with two identifiers (name and date of birth)",
                "Allergies reviewed",
                "Order / prescription checked: medicine, dose, route, time",
                "Anaphylaxis kit available",
            ), columns=2),
            Fields((Field("Allergies", 1.0),), height=24),
            Section("Vitals"),
            Fields((Field("BP", 1.0), Field("Pulse", 0.8), Field("Temp", 0.8), Field("Resp", 0.8),
                    Field("SpO2", 0.8), Field("Weight", 0.9), Field("Height", 0.9), Field("BMI", 0.8),
                    Field("Pain (0-10)", 0.9))),
            Fields((Field("Abnormal value? Who was told, when", 1.0),), height=24),
            Section("Injections", note="long-acting injectables: brand and generic name"),
            Table(
                columns=(
                    Column("Product (brand / generic)", 2.0),
                    Column("Dose", 0.8),
                    Column("Route", 0.6, choices=("IM", "SC")),
                    Column("Site", 0.85, choices=("Deltoid", "Gluteal")),
                    Column("Side", 0.5, choices=("L", "R")),
                    Column("Lot", 0.85),
                    Column("Expiry", 0.75),
                    Column("Time given", 0.7),
                    Column("Last dose", 0.8),
                    Column("Next due", 0.8),
                ),
                rows=3, row_height=34,
            ),
            Fields((Field("Given by (name, credentials)", 1.6), Field("Ordered by", 1.4), Field("Needle size", 0.8),
                    Field("Consent Y/N", 0.7))),
            Section("Education"),
            Choices("Topics", ("Medication purpose", "Side effects", "Next due date", "Missed-dose plan",
                               "Crisis line 988")),
            WriteIn("Education given and patient's understanding", lines=4),
            Section("Observation", note="e.g. Zyprexa Relprevv: at least 3 hours, checks for sedation and delirium"),
            Fields((Field("Observation start", 1.0), Field("Observation end", 1.0),
                    Field("Observed by", 2.0))),
            Table(
                columns=(
                    Column("Time", 0.8), Column("BP", 0.8), Column("Pulse", 0.7),
                    Column("Alertness", 2.4, choices=("Alert", "Drowsy", "Sedated", "Confused / delirium")),
                    Column("Other signs", 2.0), Column("Initials", 0.7),
                ),
                rows=6, row_height=22,
            ),
            Choices("At discharge", ("Alert", "Vitals stable", "Accompanied home", "No reaction"),
                    other="Reaction / action:"),
            Section("Notes"),
            WriteIn("Observations, adherence, concerns, prescriber contacted (verbal orders need co-signature)",
                    lines=5),
        ),
        sign_off=SIGN_OFF,
    )

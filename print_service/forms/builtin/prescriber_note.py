"""Prescriber Progress Note: a medication-management visit, with the E/M level and a psychotherapy
add-on timed on its own, metabolic vitals, AIMS, a full mental status exam and every medication
decision written so it can be entered (or matched to DrFirst) afterwards."""

from print_service.forms.blocks import Choices, Column, Field, Fields, Section, Table, WriteIn
from print_service.forms.builtin.common import IDENTIFIERS, MSE_FULL, SIGN_OFF, visit_blocks
from print_service.forms.model import FormDefinition

__all__ = ["FORM_ID", "TITLE", "definition"]

FORM_ID = "prescriber-note"
TITLE = "Prescriber Progress Note"


def definition(practice_name: str) -> FormDefinition:
    """The prescriber note for `practice_name`."""
    return FormDefinition(
        id=FORM_ID,
        title=TITLE,
        kind="note",
        practice_name=practice_name,
        every_page=IDENTIFIERS,
        blocks=(
            *visit_blocks("Time in"),
            Section("Visit and billing"),
            Fields((Field("Time out", 1.0), Field("Total minutes (E/M)", 1.0),
                    Field("Identity verified; companion / informant", 2.6))),
            Choices("E/M established", ("99212", "99213", "99214", "99215"), other="New: 99204 / 99205:"),
            Choices("Psychotherapy add-on", ("90833 (16-37 min)", "90836 (38-52 min)", "90838 (53+ min)")),
            Fields((Field("Psychotherapy start", 1.0), Field("Psychotherapy stop", 1.0),
                    Field("Psychotherapy minutes (not counted in E/M time)", 2.4)), height=24),
            Section("Interval history"),
            Fields((Field("Chief complaint / reason for visit", 1.0),), height=24),
            Choices("Since last visit", ("Hospital / ED", "Crisis", "New prescriber", "Substance use",
                                         "Life events", "None")),
            WriteIn("Symptoms and interval history", lines=3),
            Section("Medications: adherence and side effects"),
            Choices("Adherence", ("As prescribed", "Missed doses", "Stopped on own", "Unknown"),
                    other="Pill count / last fill:"),
            Choices("Side effects", ("None", "Sedation", "EPS / tremor", "Akathisia", "Sexual", "Weight gain",
                                     "GI", "Other")),
            Section("Vitals and monitoring"),
            Fields((Field("BP", 1.0), Field("Pulse", 0.8), Field("Weight", 0.9), Field("Height", 0.9),
                    Field("BMI", 0.8), Field("Waist", 0.8), Field("AIMS score", 1.0))),
            Section("Mental status exam"),
            *MSE_FULL,
            Section("Risk"),
            Choices("Suicidal ideation", ("Denied", "Passive", "Active", "With plan / intent"),
                    other="C-SSRS:"),
            Choices("Homicidal ideation", ("Denied", "Present")),
            Choices("Firearms / lethal means", ("No access", "Access", "Counseled")),
            Choices("Risk level", ("Low", "Moderate", "High"), other="Safety plan / actions:"),
            Section("Assessment"),
            Fields((Field("Diagnoses (ICD-10)", 1.0),
                    Field("Labs reviewed (lithium / valproate level, ANC, A1c, lipids)", 1.0)), height=24),
            WriteIn("Assessment: response to treatment, risks and benefits discussed", lines=2),
            Section("Medications", note="one line per drug; every change also goes on the Medication Change Log"),
            Table(
                columns=(
                    Column("Drug (generic / brand)", 2.0),
                    Column("Strength, dose, directions", 2.2),
                    Column("Decision", 1.5, choices=("Start", "Continue", "Stop", "Change")),
                    Column("Qty / refills", 0.9),
                    Column("Sent how", 1.1, choices=("Paper Rx", "DrFirst direct")),
                ),
                rows=5, row_height=28,
            ),
            Choices("Before prescribing", ("PDMP checked", "Risks / benefits discussed", "Boxed warning reviewed"),
                    other="PDMP date:"),
            Section("Plan"),
            WriteIn("Labs ordered, referrals, coordination, return precautions", lines=2),
            Fields((Field("Next appointment: date", 1.0), Field("Time", 1.0), Field("With", 1.6),
                    Field("In person / telehealth", 1.4))),
        ),
        sign_off=SIGN_OFF,
    )

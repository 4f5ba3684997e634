"""Downtime Visit and Reconciliation Log: every visit seen while ICANotes was down, ticked off as its
note, charges and medication changes reach ICANotes, and the checklist that closes the downtime."""

from print_service.forms.blocks import Checklist, Choices, Column, Field, Fields, PageBreak, Section, Table, WriteIn
from print_service.forms.model import FormDefinition

__all__ = ["FORM_ID", "RECONCILIATION", "TITLE", "definition"]

FORM_ID = "downtime-log"
TITLE = "Downtime Visit and Reconciliation Log"

RECONCILIATION = (
    "Every visit on the schedule is on this log, or marked no-show / cancelled",
    "Every paper page has two identifiers (name and date of birth) and the date of service",
    "Each note entered in ICANotes as a late entry (today's date and time, referencing the date of "
    "service), or scanned into the chart; original kept until billing confirms",
    "Start / stop times and minutes checked against the CPT code billed",
    "Every Medication Change Log row entered in ICANotes; no duplicate e-prescriptions; pharmacies "
    "confirmed; controlled-substance (EPCS) exceptions documented",
    "Injections entered with lot, site and next due date",
    "Positive suicide-risk screens followed up and documented",
    "Phone messages and refill requests taken on paper entered",
    "Charges released only after the note is signed and entered",
    "Paper scanned, checked, then shredded after billing confirms",
    "Kiosk printouts (schedules, pre-filled notes) shredded",
    "Downtime and this log reviewed with staff (after-action review)",
)


def definition(practice_name: str) -> FormDefinition:
    """The visit and reconciliation log for `practice_name`."""
    return FormDefinition(
        id=FORM_ID,
        title=TITLE,
        kind="log",
        landscape=True,
        practice_name=practice_name,
        blocks=(
            Fields((Field("Downtime started (date, time)", 1.2), Field("Ended (date, time)", 1.2),
                    Field("Declared by", 1.2), Field("Downtime event ID", 0.8))),
            Choices("Cause", ("ICANotes outage", "ICANotes maintenance", "Our internet", "Power",
                              "Cyber incident", "Unknown")),
            Table(
                columns=(
                    Column("Time", 0.55),
                    Column("Patient name", 1.7),
                    Column("Date of birth", 0.8),
                    Column("Clinician", 1.1),
                    Column("Visit", 1.0, choices=("In person", "Telehealth", "Phone")),
                    Column("Note", 0.95, choices=("Entered", "Scanned")),
                    Column("Charges held", 0.85, choices=("Held", "Released")),
                    Column("Medication changes entered", 0.95, choices=("Yes", "None")),
                    Column("Done by / date", 1.0),
                ),
                rows=0, row_height=30,
            ),
            PageBreak(),
            Section("Reconciliation checklist", note="when ICANotes is back; aim to finish within 48 hours"),
            Checklist(RECONCILIATION, columns=2),
            Section("After-action review"),
            WriteIn("What went wrong, what worked, what to change in the downtime plan", lines=5),
        ),
        sign_off=(
            Fields((Field("Reconciliation completed by", 1.5), Field("Date", 0.8),
                    Field("Reviewed by (practice lead)", 1.5), Field("Date", 0.8)), height=30),
        ),
    )

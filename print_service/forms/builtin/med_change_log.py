"""Downtime Medication Change Log: one row per prescription written on paper or in DrFirst while
ICANotes was down, so none is lost or duplicated when ICANotes comes back (DrFirst does not sync)."""

from print_service.forms.blocks import Column, Paragraph, Table
from print_service.forms.model import FormDefinition

__all__ = ["FORM_ID", "TITLE", "definition"]

FORM_ID = "med-change-log"
TITLE = "Downtime Medication Change Log"


def definition(practice_name: str) -> FormDefinition:
    """The medication change log for `practice_name`."""
    return FormDefinition(
        id=FORM_ID,
        title=TITLE,
        kind="log",
        landscape=True,
        practice_name=practice_name,
        blocks=(
            Paragraph("One row for every prescription written on paper or in DrFirst outside ICANotes. Changes "
                      "made in DrFirst do not reach ICANotes by themselves: enter each row in ICANotes when it is "
                      "back, then sign the last two columns.", size=8.5),
            Table(
                columns=(
                    Column("Date / time", 0.75),
                    Column("Patient name", 1.35),
                    Column("Date of birth", 0.75),
                    Column("Drug, strength, form", 1.4),
                    Column("Directions, qty, refills", 1.4),
                    Column("Change", 1.2, choices=("New", "Incr.", "Decr.", "Stop", "Hold", "Refill")),
                    Column("Schedule (C-II to V)", 0.7),
                    Column("Sent how", 0.95, choices=("Paper", "DrFirst", "Phone/fax")),
                    Column("Pharmacy", 1.0),
                    Column("PDMP checked", 0.65),
                    Column("Prescriber (sign)", 1.1),
                    Column("Entered in ICANotes by", 1.0),
                    Column("on (date / time)", 0.8),
                ),
                rows=0, row_height=38,
            ),
        ),
    )

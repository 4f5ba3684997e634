"""What to do when ICANotes is down: one page by the kiosk, read by someone with no training and
seconds to act. Built from the practice's settings (support numbers) and the watched addresses."""

from print_service.forms.blocks import Checklist, Guide, Paragraph, Section
from print_service.forms.model import FormDefinition
from print_service.forms.settings import PracticeSettings, ProcedureLinks

__all__ = ["FORM_ID", "LEVEL_GUIDE", "TITLE", "definition"]

FORM_ID = "procedure-card"
TITLE = "What to do when ICANotes is down"

LEVEL_GUIDE: tuple[tuple[str, str], ...] = (
    ("OPERATIONAL", "ICANotes works. Chart as usual. Enter any paper notes left from a downtime now."),
    ("MAINTENANCE (read-only)", "You can read charts but not save. Read history in ICANotes; write new notes "
                                "on paper. Usually short: check the status page for the end time."),
    ("DEGRADED", "ICANotes is slow or partly broken. Keep working and save often. If a note will not save, "
                 "finish it on paper."),
    ("OUTAGE", "ICANotes is down. Press the button for paper forms. Use the printed schedule. Log every visit "
               "on the Visit Log. Prescribe on paper pads or in DrFirst directly (see below)."),
    ("REGIONAL OUTAGE", "ICANotes and its upload site are both down: a wide cloud outage that may last hours. "
                        "Paper for everything. Call ICANotes Support for updates."),
    ("OFFLINE", "Our own internet is down; ICANotes may be fine. Call our IT contact; check the router and "
                "modem power. Paper forms; DrFirst needs internet, so use paper prescription pads."),
    ("UNKNOWN", "The kiosk cannot tell. Try ICANotes yourself; if it does not work, do what OUTAGE says."),
)

DRFIRST_CAVEATS = (
    "If ICANotes is down but the internet works, prescribers may log in to DrFirst directly.",
    "DrFirst logins are separate from ICANotes and are given only by phone by ICANotes Support "
    "(never by email or ticket).",
    "Changes made in DrFirst do NOT sync to ICANotes: write each one on the Medication Change Log and "
    "enter it in ICANotes when it is back.",
    "Administrators: do not change anything in DrFirst's Account Management section.",
)

BACK_UP = (
    "Enter or scan every paper note as a late entry: today's date and time, referencing the date of service.",
    "Enter every row of the Medication Change Log; check no prescription was sent twice.",
    "Release held charges only after the note is signed and entered.",
    "Work through the reconciliation checklist on the Visit Log; shred kiosk printouts after scanning.",
)


def definition(practice: PracticeSettings, links: ProcedureLinks) -> FormDefinition:
    """The card for this practice and the addresses the kiosk watches."""
    support = f"{practice.vendor_support_phone} (outages, and DrFirst logins: by phone only)"
    it_contact = practice.it_contact or "______________________________________________ (write it here)"
    return FormDefinition(
        id=FORM_ID,
        title=TITLE,
        kind="card",
        practice_name=practice.name,
        blocks=(
            Paragraph("Look at the kiosk screen (or its light), find its word below and do what it says. "
                      "Never wait for ICANotes with a patient in front of you: paper is always allowed.",
                      bold=True, size=9.5),
            Section("What to do at each status"),
            Guide(LEVEL_GUIDE, label_width=150, size=9.5),
            Section("Where to look"),
            Guide(_addresses(links), label_width=150, size=9),
            Section("Whom to call"),
            Guide((
                ("ICANotes Support", support),
                ("Our IT contact", it_contact),
                ("Patient in crisis", "988 Suicide & Crisis Lifeline; 911 or the nearest emergency department"),
            ), label_width=150, size=9),
            Section("Prescribing during a downtime: DrFirst"),
            Checklist(DRFIRST_CAVEATS),
            Section("When ICANotes is back"),
            Checklist(BACK_UP),
        ),
    )


def _addresses(links: ProcedureLinks) -> tuple[tuple[str, str], ...]:
    rows = [("Status page", f"{links.status_page_url}  (is ICANotes up? planned maintenance?)")]
    if links.upload_url:
        rows.append(("Upload site", f"{links.upload_url}  (read-only: past documents, calendar snapshots; "
                                    "if it is down too, the outage is regional)"))
    if links.ehr_url:
        rows.append(("ICANotes", links.ehr_url))
    return tuple(rows)

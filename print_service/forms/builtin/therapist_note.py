"""Therapist Progress Note: a psychotherapy session on paper, with what billing and audits ask for
(start/stop and minutes against the CPT bands, a diagnosis, specific interventions, risk)."""

from print_service.forms.blocks import Choices, Field, Fields, Section, WriteIn
from print_service.forms.builtin.common import IDENTIFIERS, MSE_BRIEF, SIGN_OFF, risk_blocks, visit_blocks
from print_service.forms.model import FormDefinition

__all__ = ["FORM_ID", "TITLE", "definition"]

FORM_ID = "therapist-note"
TITLE = "Therapist Progress Note"


def definition(practice_name: str) -> FormDefinition:
    """The therapist note for `practice_name`."""
    return FormDefinition(
        id=FORM_ID,
        title=TITLE,
        kind="note",
        practice_name=practice_name,
        every_page=IDENTIFIERS,
        blocks=(
            *visit_blocks("Scheduled time"),
            Section("Session", note="face-to-face time only; under 16 minutes is not billable as psychotherapy"),
            Fields((
                Field("Start time", 1.0), Field("Stop time", 1.0), Field("Total minutes", 1.0),
                Field("Participants (patient, family, other)", 2.5),
            )),
            Choices("Psychotherapy", ("90832 (16-37 min)", "90834 (38-52 min)", "90837 (53+ min)")),
            Choices("Family / group", ("90846 family, without patient", "90847 family, with patient",
                                       "90853 group")),
            Choices("Crisis", ("90839 first 30-74 min", "+90840 each added 30 min"), other="Crisis minutes:"),
            Section("Diagnosis", note="ICD-10, on every note"),
            Fields((Field("Primary ICD-10 code and name", 1.0), Field("Other diagnoses", 1.0))),
            Section("Symptoms and interval events"),
            WriteIn("Presenting problem, changes since last session, scores (PHQ-9 / GAD-7)", lines=3),
            Section("Mental status"),
            *MSE_BRIEF,
            Section("Suicide and safety risk"),
            *risk_blocks(),
            Section("Interventions", note="name the specific techniques used"),
            Choices("", ("CBT", "DBT skills", "Motivational interviewing", "Behavioral activation",
                         "Exposure", "Trauma-focused", "Psychoeducation", "Mindfulness / relaxation",
                         "Family systems", "Problem solving")),
            WriteIn("How they were used in this session", lines=2),
            Section("Response and progress toward goals"),
            Choices("Progress", ("Improving", "Unchanged", "Worsening")),
            WriteIn("Patient's response; progress toward treatment-plan goals", lines=2),
            Section("Plan"),
            WriteIn("Homework, referrals, coordination, changes to the treatment plan", lines=3),
            Fields((Field("Next appointment: date", 1.0), Field("Time", 1.0), Field("With", 1.6),
                    Field("In person / telehealth", 1.4))),
        ),
        sign_off=SIGN_OFF,
    )

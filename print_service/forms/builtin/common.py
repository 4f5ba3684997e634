"""Pieces every progress note shares: the two identifiers, the visit line, the mental status exam,
the suicide-risk screen and the sign-off with "entered into ICANotes by / on"."""

from print_service.forms.blocks import Block, Choices, Field, Fields, Paragraph, Questions

__all__ = [
    "CSSRS_SCREENER",
    "IDENTIFIERS",
    "MSE_BRIEF",
    "MSE_FULL",
    "SIGN_OFF",
    "risk_blocks",
    "visit_blocks",
]

IDENTIFIERS: tuple[Block, ...] = (
    Fields((
        Field("Patient name (last, first)", 2.6, key="patient"),
        Field("Date of birth", 1.1, key="dob"),
        Field("ICANotes ID / MRN (if known)", 1.2),
        Field("Date of service", 1.1, key="date_of_service"),
    )),
)


def visit_blocks(time_label: str) -> tuple[Block, ...]:
    """Clinician, time and where the visit happened (place of service or telehealth)."""
    return (
        Fields((
            Field("Clinician", 2.0, key="provider"),
            Field(time_label, 1.0, key="time"),
            Field("Telehealth platform; consent Y/N", 1.3),
            Field("Patient's location (city/state)", 1.3),
        )),
        Choices("Location", ("Office", "Telehealth video", "Telehealth audio only", "Home / community",
                             "Other")),
    )


MSE_BRIEF: tuple[Block, ...] = (
    Choices("Appearance", ("Well groomed", "Casual", "Disheveled", "Malodorous")),
    Choices("Behavior", ("Cooperative", "Guarded", "Agitated", "Withdrawn", "Restless")),
    Choices("Speech", ("Normal", "Pressured", "Slowed", "Soft", "Loud")),
    Choices("Mood", ("Euthymic", "Depressed", "Anxious", "Irritable", "Elevated"), other="In patient's words:"),
    Choices("Affect", ("Full", "Constricted", "Flat", "Labile", "Incongruent")),
    Choices("Thought process", ("Logical / goal-directed", "Tangential", "Circumstantial", "Disorganized")),
    Choices("Thought content", ("Unremarkable", "Preoccupied", "Obsessions", "Paranoid", "Delusions")),
    Choices("Perception", ("No hallucinations", "Auditory", "Visual", "Other")),
    Choices("Cognition", ("Alert", "Oriented x3", "Memory intact", "Impaired")),
    Choices("Insight / judgment", ("Good", "Fair", "Poor")),
)

MSE_FULL: tuple[Block, ...] = (
    *MSE_BRIEF[:2],
    Choices("Motor", ("Normal", "Psychomotor slowing", "Agitation", "Tremor", "EPS / rigidity", "Tics")),
    *MSE_BRIEF[2:8],
    Choices("Attention / memory", ("Intact", "Distractible", "Impaired recall")),
    Choices("Orientation", ("Person", "Place", "Time", "Situation")),
    Choices("Insight", ("Good", "Fair", "Poor")),
    Choices("Judgment", ("Good", "Fair", "Poor")),
)

CSSRS_SCREENER = Questions(
    intro="C-SSRS screener, past month. Ask 1 and 2. If 2 is YES, ask 3, 4 and 5; if 2 is NO, go to 6. "
          "Always ask 6.",
    items=(
        "Wish to be dead: Have you wished you were dead or wished you could go to sleep and not wake up?",
        "Suicidal thoughts: Have you actually had any thoughts of killing yourself?",
        "Thoughts with method: Have you been thinking about how you might do this?",
        "Intent without a plan: Have you had these thoughts and had some intention of acting on them?",
        "Intent with a plan: Have you started to work out or worked out the details of how to kill yourself? "
        "Do you intend to carry out this plan?",
        "Suicidal behavior: Have you ever done anything, started to do anything, or prepared to do anything "
        "to end your life? If YES: was it within the past 3 months?",
    ),
)


def risk_blocks() -> tuple[Block, ...]:
    """The risk part every clinician completes: screen, other risks, level, safety plan, actions."""
    return (
        CSSRS_SCREENER,
        Choices("Homicidal ideation", ("Denied", "Present")),
        Choices("Firearms / lethal means", ("No access", "Access", "Means counseling done")),
        Choices("Risk level", ("Low", "Moderate", "High"), other="Protective factors:"),
        Choices("Safety plan", ("Reviewed", "Updated", "New plan written", "Not indicated")),
        Choices("Actions", ("988 / crisis line given", "Supervisor consulted", "Emergency evaluation",
                            "Family / support contacted")),
    )


SIGN_OFF: tuple[Block, ...] = (
    Fields((
        Field("Clinician signature", 2.2),
        Field("Printed name and credentials", 1.8),
        Field("Date and time signed", 1.2),
    ), height=28),
    Fields((
        Field("Co-signature (if required)", 2.2),
        Field("Entered into ICANotes by", 1.8),
        Field("on (date and time)", 1.2),
    ), height=26),
    Paragraph("Late entry in ICANotes: use the current date and time, reference the date of service above, "
              "and keep this original for scanning.", size=7.5),
)

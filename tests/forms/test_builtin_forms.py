"""Every built-in form, on both papers: read back, it has its title, the practice, its key fields,
the right page size and "Page x of y"; notes and logs carry the downtime banner on every page."""

from pathlib import Path

import pytest
from pypdf import PdfReader

from print_service.forms import Paper, PracticeSettings, ProcedureLinks
from print_service.forms.builtin import BUILTIN_IDS, builtin_definitions
from print_service.forms.builtin_titles import BUILTIN_TITLES
from print_service.forms.catalogue import FormCatalogue
from tests.forms.pdfs import A4_SIZE, LETTER_SIZE, page_sizes, page_texts

PRACTICE = PracticeSettings(name="Riverbend Behavioral Health", vendor_support_phone="443-569-8778",
                            it_contact="Sam Lee 555-0142")
BANNER = "DOWNTIME DOCUMENT \u2014 enter into ICANotes when service is restored"
NOTE_FOOT = ("Patient name", "Date of birth", "Date of service", "Location", "Telehealth",
             "Clinician signature", "credentials", "Date and time signed", "Entered into ICANotes by",
             "on (date and time)")

KEY_FIELDS: dict[str, tuple[str, ...]] = {
    "therapist-note": (
        "Start time", "Stop time", "Total minutes", "90832 (16-37 min)", "90834 (38-52 min)",
        "90837 (53+ min)", "90846", "90847", "90853", "90839", "+90840", "ICD-10", "Mood", "Affect",
        "Thought process", "C-SSRS", "Wish to be dead", "Suicidal behavior", "Safety plan", "INTERVENTIONS",
        "progress toward", "PLAN", "Next appointment", *NOTE_FOOT),
    "prescriber-note": (
        "99213", "99214", "90833", "90836", "90838", "Psychotherapy minutes", "INTERVAL HISTORY",
        "Adherence", "Side effects", "BP", "Weight", "BMI", "AIMS score", "MENTAL STATUS EXAM", "Motor",
        "Insight", "Judgment", "RISK", "ASSESSMENT", "Drug (generic / brand)", "Start", "Stop", "Continue",
        "Change", "Paper Rx", "DrFirst direct", "PDMP checked", "PLAN", *NOTE_FOOT),
    "nursing-note": (
        "BP", "Pulse", "Temp", "SpO2", "Weight", "INJECTIONS", "Product (brand / generic)", "Dose", "Route",
        "Site", "Side", "Lot", "Expiry", "Last dose", "Next due", "Observation start", "Observation end",
        "EDUCATION", "NOTES", *NOTE_FOOT),
    "med-change-log": (
        "Patient name", "Date of birth", "Drug, strength, form", "DrFirst", "Paper", "Prescriber",
        "Entered in ICANotes by", "on (date / time)"),
    "downtime-log": (
        "Patient name", "Date of birth", "Entered", "Scanned", "Charges held", "Medication changes entered",
        "RECONCILIATION CHECKLIST", "late entry", "shredded", "Reconciliation completed by"),
    "procedure-card": (
        "OPERATIONAL", "MAINTENANCE", "DEGRADED", "OUTAGE", "REGIONAL OUTAGE", "OFFLINE", "UNKNOWN",
        "https://icanotes.instatus.com", "https://upload.icanotes.com", "443-569-8778", "Sam Lee 555-0142",
        "DrFirst", "do NOT sync", "Account Management", "by phone"),
}
KINDS = {"therapist-note": "note", "prescriber-note": "note", "nursing-note": "note",
         "med-change-log": "log", "downtime-log": "log", "procedure-card": "card"}


def test_the_six_forms_of_the_issue_are_built_in() -> None:
    assert set(BUILTIN_IDS) == set(KEY_FIELDS)


def test_the_plain_title_table_matches_the_forms() -> None:
    """The configuration is checked against `BUILTIN_TITLES` without building the forms: it must not drift."""
    built = builtin_definitions(PracticeSettings(), ProcedureLinks())
    assert {form_id: form.title for form_id, form in built.items()} == BUILTIN_TITLES


@pytest.mark.parametrize("paper, size", [("letter", LETTER_SIZE), ("a4", A4_SIZE)])
@pytest.mark.parametrize("form_id", list(KEY_FIELDS))
def test_form_reads_back_with_title_practice_fields_and_size(
        tmp_path: Path, form_id: str, paper: Paper, size: tuple[int, int]) -> None:
    catalogue = FormCatalogue(PRACTICE, cache_dir=tmp_path, paper=paper)
    path = catalogue.pdf(form_id)
    texts = page_texts(path)
    entry = catalogue.entry(form_id)
    assert len(texts) == entry.pages
    assert page_sizes(path) == [size] * len(texts)
    for number, text in enumerate(texts, start=1):
        assert PRACTICE.name in text
        assert entry.title in text
        assert f"Page {number} of {len(texts)}" in text
        assert (BANNER in text) == (KINDS[form_id] != "card")
    whole = " ".join(texts)
    missing = [field for field in KEY_FIELDS[form_id] if field not in whole]
    assert missing == []


@pytest.mark.parametrize("form_id", [f for f, kind in KINDS.items() if kind == "note"])
def test_notes_carry_both_identifiers_on_every_page(tmp_path: Path, form_id: str) -> None:
    texts = page_texts(FormCatalogue(PRACTICE, cache_dir=tmp_path).pdf(form_id))
    assert len(texts) >= 2
    assert all("Patient name" in t and "Date of birth" in t and "Date of service" in t for t in texts)
    assert "Entered into ICANotes by" in texts[-1]


def test_logs_are_landscape_and_the_card_is_one_page(tmp_path: Path) -> None:
    catalogue = FormCatalogue(PRACTICE, cache_dir=tmp_path)
    for form_id in ("med-change-log", "downtime-log"):
        page = PdfReader(catalogue.pdf(form_id)).pages[0]
        assert float(page.mediabox.width) > float(page.mediabox.height)
    assert catalogue.entry("procedure-card").pages == 1


def test_procedure_card_prints_the_configured_addresses_and_numbers(tmp_path: Path) -> None:
    practice = PracticeSettings(name="Hill Clinic", vendor_support_phone="800-555-0199", it_contact="")
    links = ProcedureLinks(status_page_url="http://127.0.0.1:8080/status", ehr_url="",
                           upload_url="https://files.example.org")
    text = " ".join(page_texts(FormCatalogue(practice, cache_dir=tmp_path, links=links).pdf("procedure-card")))
    assert "http://127.0.0.1:8080/status" in text and "https://files.example.org" in text
    assert "800-555-0199" in text and "443-569-8778" not in text
    assert "(write it here)" in text  # no IT contact configured: a line to write one on
    assert "ehr.icanotes.com" not in text


def test_unconfigured_practice_name_leaves_a_line_to_write_it(tmp_path: Path) -> None:
    texts = page_texts(FormCatalogue(cache_dir=tmp_path).pdf("therapist-note"))
    assert all("Practice: ____" in text for text in texts)

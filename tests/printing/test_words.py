"""Printer states and reasons in plain words (pure)."""

import cups
import pytest

from print_service.errors import ServiceUnavailableError
from print_service.printing.connection import translate_ipp_error
from print_service.printing.words import normalise_reasons, outcome_state, printer_words, reason_words


@pytest.mark.parametrize(
    ("reasons", "words"),
    [
        (["media-empty-error", "paused"], "The printer is out of paper — add paper"),
        (["media-needed-error"], "The printer is out of paper — add paper"),
        (["media-jam-warning"], "Paper is stuck in the printer — clear the jam"),
        (["door-open-report"], "A printer door is open — close it"),
        (["offline-report"], "The printer is not answering — check it is switched on and its cable is in"),
        (["connecting-to-device"], "The printer is not answering — check it is switched on and its cable is in"),
        (["toner-empty-error"], "The printer is out of toner or ink — replace it"),
        (["cups-missing-filter-warning"], "The printer is not set up correctly — call IT"),
        (["toner-low-report", "media-empty-error"], "The printer is out of paper — add paper"),
        (["paused"], None),
        ([], None),
    ],
)
def test_reasons(reasons: list[str], words: str | None) -> None:
    assert reason_words(reasons) == words


def test_printer_words() -> None:
    assert printer_words(5, ["media-empty-error", "paused"], True) == \
        "The printer is out of paper — add paper, then press Resume"
    assert printer_words(5, ["paused"], True) == "Printing is paused — press Resume"
    assert printer_words(3, [], False) == "The printer is not taking new jobs — press Resume"
    assert printer_words(3, [], True) == "Ready"
    assert printer_words(4, [], True) == "Printing"
    assert printer_words(4, ["toner-low-report"], True) == "Toner or ink is running low"


def test_reasons_are_normalised() -> None:
    assert normalise_reasons("none") == ()
    assert normalise_reasons("paused") == ("paused",)
    assert normalise_reasons(["media-empty-error", "paused"]) == ("media-empty-error", "paused")
    assert normalise_reasons(None) == ()


@pytest.mark.parametrize(
    ("job", "printer", "end"),
    [(9, 3, "completed"), (7, 3, "cancelled"), (8, 3, "failed"), (3, 5, "queued"), (5, 5, "queued"),
     (4, 3, "queued"), (3, 3, None), (5, 4, None), (3, None, None)],
)
def test_outcomes(job: int, printer: int | None, end: str | None) -> None:
    assert outcome_state(job, printer) == end


def test_ipp_errors_are_translated() -> None:
    refused = translate_ipp_error(cups.IPPError(0x0403, "Not authorized"), "resume queue q")
    assert "lpadmin group" in str(refused) and refused.user_message.endswith("call IT")
    gone = translate_ipp_error(cups.IPPError(0x0503, "Service unavailable"), "send job 3")
    assert isinstance(gone, ServiceUnavailableError) and gone.exit_code == 69
    other = translate_ipp_error(cups.IPPError(0x0400, "Bad request"), "send job 3")
    assert str(other) == "cupsd refused to send job 3: Bad request (IPP status 0x0400)"

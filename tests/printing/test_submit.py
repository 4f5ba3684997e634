"""Submitting jobs to a real private cupsd and reading the printed PDF back."""

import threading
from datetime import datetime
from pathlib import Path

import cups
import pytest

from print_service.errors import PrintFailedError, ServiceUnavailableError, UnknownNameError
from print_service.printing import PrintingSettings, job_title
from print_service.printing.service import PrintService
from tests.fixtures.cupsd import PrivateCupsd
from tests.printing.pdfs import make_pdf, page_text_and_size

WHEN = datetime(2026, 11, 25, 14, 30, 5)


def job_attributes(cupsd: PrivateCupsd, job_id: str) -> dict[str, object]:
    cups.setServer("127.0.0.1")
    cups.setPort(cupsd.port)
    return dict(cups.Connection().getJobAttributes(int(job_id)))


def test_bytes_are_streamed_and_print_unchanged(cupsd: PrivateCupsd) -> None:
    queue = cupsd.add_capture_queue()
    service = PrintService(PrintingSettings(printer=queue.name), server=cupsd.server)
    document = make_pdf("Therapist Progress Note", "letter")

    job = service.submit(document, title=job_title("therapist-note", WHEN))

    assert job.queue == queue.name and job.cups_id is not None
    (printed,) = queue.wait_for_documents(1)
    assert printed.read_bytes() == document
    text, size = page_text_and_size(printed)
    assert "Therapist Progress Note" in text and size == (612, 792)


def test_copies_paper_and_duplex_are_cups_options(cupsd: PrivateCupsd) -> None:
    queue = cupsd.add_capture_queue()
    settings = PrintingSettings(printer=queue.name, paper="a4", duplex=True)
    job = PrintService(settings, server=cupsd.server).submit(
        make_pdf("A4 form", "a4"), title=job_title("nursing-note", WHEN), copies=3)

    attrs = job_attributes(cupsd, job.id)
    assert attrs["job-name"] == "nursing-note_2026-11-25T14-30-05"
    assert attrs["copies"] == 3
    assert attrs["media"] == "iso_a4_210x297mm"
    assert attrs["sides"] == "two-sided-long-edge"
    (printed,) = queue.wait_for_documents(1)
    assert page_text_and_size(printed)[1] == (595, 842)


def test_letter_one_sided_by_default(cupsd: PrivateCupsd) -> None:
    queue = cupsd.add_capture_queue()
    job = PrintService(PrintingSettings(printer=queue.name), server=cupsd.server).submit(
        make_pdf("x"), title=job_title("med-change-log", WHEN))
    attrs = job_attributes(cupsd, job.id)
    assert (attrs["media"], attrs["sides"], attrs["copies"]) == ("na_letter_8.5x11in", "one-sided", 1)


def test_a_path_is_printed_too(cupsd: PrivateCupsd, tmp_path: Path) -> None:
    queue = cupsd.add_capture_queue()
    form = tmp_path / "form.pdf"
    form.write_bytes(make_pdf("From a file"))
    PrintService(PrintingSettings(printer=queue.name), server=cupsd.server).submit(
        form, title=job_title("procedure-card", WHEN))
    (printed,) = queue.wait_for_documents(1)
    assert printed.read_bytes() == form.read_bytes()


def test_the_cups_default_queue_is_used_when_none_is_named(cupsd: PrivateCupsd) -> None:
    queue = cupsd.add_capture_queue()
    cupsd.set_default(queue.name)
    job = PrintService(PrintingSettings(), server=cupsd.server).submit(make_pdf("d"), title=job_title("x", WHEN))
    assert job.queue == queue.name


def test_titles_that_could_carry_phi_are_refused(cupsd: PrivateCupsd) -> None:
    queue = cupsd.add_capture_queue()
    service = PrintService(PrintingSettings(printer=queue.name), server=cupsd.server)
    with pytest.raises(ValueError, match="job names must be"):
        service.submit(make_pdf("x"), title="Progress note for Jane Doe")
    assert queue.documents() == []


def test_an_unknown_queue_is_named_and_nothing_is_sent(cupsd: PrivateCupsd) -> None:
    service = PrintService(PrintingSettings(printer="no-such-queue"), server=cupsd.server)
    with pytest.raises(UnknownNameError, match="'no-such-queue'") as caught:
        service.submit(make_pdf("x"), title=job_title("x", WHEN))
    assert caught.value.exit_code == 64
    assert "no-such-queue" in caught.value.user_message


def test_a_rejecting_queue_refuses_with_plain_words(cupsd: PrivateCupsd) -> None:
    queue = cupsd.add_capture_queue(accepting=False)
    service = PrintService(PrintingSettings(printer=queue.name), server=cupsd.server)
    with pytest.raises(PrintFailedError) as caught:
        service.submit(make_pdf("x"), title=job_title("x", WHEN))
    assert caught.value.user_message == "The printer is not taking new jobs — press Resume"
    assert caught.value.exit_code == 1


def test_cupsd_not_running_is_service_unavailable(unreachable_cups_server: str) -> None:
    service = PrintService(PrintingSettings(printer="any"), server=unreachable_cups_server)
    with pytest.raises(ServiceUnavailableError) as caught:
        service.submit(make_pdf("x"), title=job_title("x", WHEN))
    assert caught.value.exit_code == 69
    assert "print service is not running" in caught.value.user_message


def test_the_socket_path_works_as_server(cupsd: PrivateCupsd) -> None:
    queue = cupsd.add_capture_queue()
    service = PrintService(PrintingSettings(printer=queue.name), server=str(cupsd.socket))
    service.submit(make_pdf("via socket"), title=job_title("x", WHEN))
    assert len(queue.wait_for_documents(1)) == 1


def test_cupsd_stopping_between_calls_is_service_unavailable(tmp_path: Path) -> None:
    private = PrivateCupsd(tmp_path / "short-lived")
    private.start()
    queue = private.add_capture_queue()
    service = PrintService(PrintingSettings(printer=queue.name), server=private.server)
    job = service.submit(make_pdf("x"), title=job_title("x", WHEN))
    private.stop()
    with pytest.raises(ServiceUnavailableError):
        service.wait(job)
    assert service.queue_status().state == "unreachable"


def test_cupsd_stopping_during_a_wait_is_service_unavailable(tmp_path: Path) -> None:
    private = PrivateCupsd(tmp_path / "dies")
    private.start()
    queue, _flag = private.add_blocking_queue()
    service = PrintService(PrintingSettings(printer=queue, job_timeout_seconds=60), server=private.server)
    job = service.submit(make_pdf("x"), title=job_title("x", WHEN))
    stopper = threading.Timer(0.3, private.stop)
    stopper.start()
    try:
        with pytest.raises(ServiceUnavailableError):
            service.wait(job)
    finally:
        stopper.join()

"""The packet (all or nothing) and output-folder mode, against a real cupsd."""

from datetime import datetime
from pathlib import Path

import pytest

from print_service.errors import PrintFailedError, UnknownNameError
from print_service.printing import PacketItem, PrintingSettings
from print_service.printing.packet import print_form, print_packet
from print_service.printing.service import PrintService
from tests.fixtures.cupsd import PrivateCupsd
from tests.printing.pdfs import make_pdf, page_text_and_size

WHEN = datetime(2026, 11, 25, 16, 45, 9)


class FolderForms:
    """A form source for these tests: one small PDF per id in a folder."""

    def __init__(self, folder: Path, ids: list[str]) -> None:
        self.files = {}
        for form_id in ids:
            path = folder / f"{form_id}.pdf"
            path.write_bytes(make_pdf(f"Form {form_id}"))
            self.files[form_id] = path

    def pdf(self, form_id: str) -> Path:
        if form_id not in self.files:
            raise UnknownNameError(f"unknown form id {form_id!r}")
        return self.files[form_id]


IDS = ["therapist-note", "prescriber-note", "nursing-note", "med-change-log", "downtime-log"]


@pytest.fixture
def forms(tmp_path: Path) -> FolderForms:
    folder = tmp_path / "forms"
    folder.mkdir()
    return FolderForms(folder, IDS)


def test_the_default_packet_prints_one_of_each_note_and_the_med_log(cupsd: PrivateCupsd, forms: FolderForms) -> None:
    queue = cupsd.add_capture_queue()
    service = PrintService(PrintingSettings(printer=queue.name), server=cupsd.server)
    jobs = print_packet(service, forms, now=WHEN)
    assert [job.title for job in jobs] == [f"{form}_2026-11-25T16-45-09" for form in IDS[:4]]
    assert all(service.wait(job).ok for job in jobs)
    printed = [page_text_and_size(path)[0] for path in queue.wait_for_documents(4)]
    assert [text.strip() for text in printed] == [f"Form {form}" for form in IDS[:4]]


def test_packet_copies_and_override(cupsd: PrivateCupsd, forms: FolderForms) -> None:
    queue = cupsd.add_capture_queue()
    settings = PrintingSettings(printer=queue.name, packet=(PacketItem("downtime-log", 2), PacketItem("nursing-note")))
    service = PrintService(settings, server=cupsd.server)
    assert [job.copies for job in print_packet(service, forms, now=WHEN)] == [2, 1]
    assert [job.copies for job in print_packet(service, forms, copies=3, now=WHEN)] == [3, 3]


def test_an_unknown_form_in_the_packet_prints_nothing(cupsd: PrivateCupsd, forms: FolderForms) -> None:
    queue = cupsd.add_capture_queue()
    service = PrintService(PrintingSettings(printer=queue.name), server=cupsd.server)
    with pytest.raises(UnknownNameError, match="'no-such-form'"):
        print_packet(service, forms, [PacketItem("therapist-note"), PacketItem("no-such-form")], now=WHEN)
    assert _job_count(cupsd, queue.name) == 0
    print_form(service, forms, "therapist-note", now=WHEN)
    assert _job_count(cupsd, queue.name) == 1  # the count does see jobs


def test_an_unknown_queue_prints_nothing(cupsd: PrivateCupsd, forms: FolderForms) -> None:
    service = PrintService(PrintingSettings(printer="nope"), server=cupsd.server)
    with pytest.raises(UnknownNameError, match="'nope'"):
        print_form(service, forms, "therapist-note", now=WHEN)


def _job_count(cupsd: PrivateCupsd, queue: str) -> int:
    listing = cupsd.run("lpstat", "-W", "all", "-o", queue).stdout
    return len([line for line in listing.splitlines() if line.strip()])


def test_output_folder_writes_pdfs_and_never_contacts_cups(tmp_path: Path, forms: FolderForms,
                                                           unreachable_cups_server: str) -> None:
    folder = tmp_path / "out"
    service = PrintService(PrintingSettings(output_dir=folder, packet=(PacketItem("therapist-note", 2),
                                                                        PacketItem("med-change-log"))),
                           server=unreachable_cups_server)
    jobs = print_packet(service, forms, now=WHEN)
    assert [job.path for job in jobs] == [folder / "therapist-note_2026-11-25T16-45-09.pdf",
                                          folder / "med-change-log_2026-11-25T16-45-09.pdf"]
    assert all(service.wait(job).ok for job in jobs)
    assert page_text_and_size(folder / "therapist-note_2026-11-25T16-45-09.pdf")[0].strip() == "Form therapist-note"
    assert service.queue_status().state == "file"
    again = print_form(service, forms, "therapist-note", now=WHEN)
    assert again.path == folder / "therapist-note_2026-11-25T16-45-09-2.pdf"


def test_output_folder_refuses_documents_with_patient_details(tmp_path: Path) -> None:
    service = PrintService(PrintingSettings(output_dir=tmp_path / "out"))
    with pytest.raises(PrintFailedError, match="never written"):
        service.submit(make_pdf("schedule"), title="schedule_2026-11-26T18-00-00", contains_phi=True)
    assert not (tmp_path / "out").exists()


def test_an_explicit_printer_still_goes_to_cups(cupsd: PrivateCupsd, tmp_path: Path, forms: FolderForms) -> None:
    queue = cupsd.add_capture_queue()
    service = PrintService(PrintingSettings(output_dir=tmp_path / "out"), server=cupsd.server)
    job = print_form(service, forms, "nursing-note", printer=queue.name, now=WHEN)
    assert job.queue == queue.name and service.wait(job).ok
    assert not (tmp_path / "out").exists()

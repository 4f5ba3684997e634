"""Following jobs to their end, printer problems in plain words, and Resume, on a real cupsd."""

from datetime import datetime

from print_service.printing import PrintingSettings, job_title
from print_service.printing.service import PrintService
from tests.fixtures.cupsd import PrivateCupsd, wait_until
from tests.printing.pdfs import make_pdf

WHEN = datetime(2026, 11, 25, 9, 0, 0)
OUT_OF_PAPER = "The printer is out of paper — add paper, then press Resume"


def service_for(cupsd: PrivateCupsd, queue: str, timeout: float = 30) -> PrintService:
    return PrintService(PrintingSettings(printer=queue, job_timeout_seconds=timeout), server=cupsd.server)


def test_a_printed_job_completes(cupsd: PrivateCupsd) -> None:
    queue = cupsd.add_capture_queue()
    service = service_for(cupsd, queue.name)
    job = service.submit(make_pdf("x"), title=job_title("therapist-note", WHEN))
    outcome = service.wait(job)
    assert (outcome.state, outcome.message, outcome.ok) == ("completed", "Printed", True)
    assert service.queue_status().state == "idle"


def test_out_of_paper_stops_the_queue_keeps_the_job_and_resume_prints_it(cupsd: PrivateCupsd) -> None:
    queue = cupsd.add_failing_queue()
    service = service_for(cupsd, queue)
    job = service.submit(make_pdf("needs paper"), title=job_title("nursing-note", WHEN))

    outcome = service.wait(job)
    assert outcome.state == "queued" and outcome.stays_queued and not outcome.ok
    assert outcome.message == f"{OUT_OF_PAPER}. The job stays queued and will print after Resume."
    status = service.queue_status()
    assert (status.state, status.message, status.can_resume) == ("stopped", OUT_OF_PAPER, True)
    assert "media-empty-error" in status.reasons

    paper = cupsd.add_capture_queue()  # "add paper": point the queue at a working device
    cupsd.set_device(queue, f"capture:{paper.folder}")
    service.resume(queue)

    assert service.wait(job).state == "completed"
    (printed,) = paper.wait_for_documents(1)
    assert printed.read_bytes().startswith(b"%PDF")


def test_a_disabled_queue_says_press_resume_at_once(cupsd: PrivateCupsd) -> None:
    queue = cupsd.add_capture_queue(enabled=False)
    service = service_for(cupsd, queue.name, timeout=60)
    job = service.submit(make_pdf("x"), title=job_title("x", WHEN))
    outcome = service.wait(job)
    assert outcome.state == "queued"
    assert outcome.message == ("Printing is paused — press Resume. "
                               "The job stays queued and will print after Resume.")
    assert queue.documents() == []
    assert service.resume(queue.name).state in ("idle", "printing")
    assert service.wait(job).ok
    assert len(queue.wait_for_documents(1)) == 1


def test_a_rejecting_queue_is_reported_and_resume_accepts_again(cupsd: PrivateCupsd) -> None:
    queue = cupsd.add_capture_queue(accepting=False)
    service = service_for(cupsd, queue.name)
    status = service.queue_status()
    assert (status.accepting, status.can_resume) == (False, True)
    assert status.message == "The printer is not taking new jobs — press Resume"
    assert service.resume(queue.name).accepting
    assert service.wait(service.submit(make_pdf("x"), title=job_title("x", WHEN))).ok


def test_a_cancelled_job_is_reported_as_cancelled(cupsd: PrivateCupsd) -> None:
    queue = cupsd.add_capture_queue(enabled=False)
    service = service_for(cupsd, queue.name)
    job = service.submit(make_pdf("x"), title=job_title("x", WHEN))
    cupsd.run("cancel", f"{queue.name}-{job.id}")
    outcome = service.wait(job)
    assert (outcome.state, outcome.message) == ("cancelled", "The print job was cancelled")


def test_waiting_gives_up_after_the_timeout_and_the_job_stays(cupsd: PrivateCupsd) -> None:
    queue, flag = cupsd.add_blocking_queue()
    service = service_for(cupsd, queue, timeout=0.5)
    job = service.submit(make_pdf("x"), title=job_title("x", WHEN))
    outcome = service.wait(job)
    assert (outcome.state, outcome.stays_queued) == ("printing", True)
    assert outcome.message == ("The printer has not finished after 0.5 seconds. "
                               "The job stays in the queue and may still print.")
    flag.touch()
    assert service.wait(job, timeout=30).ok


def test_queues_lists_every_queue_in_plain_words(cupsd: PrivateCupsd) -> None:
    ready = cupsd.add_capture_queue()
    stopped = cupsd.add_capture_queue(enabled=False)
    by_name = {q.name: q for q in service_for(cupsd, ready.name).queues()}
    assert by_name[ready.name].message == "Ready"
    assert by_name[stopped.name].to_json() | {"description": ""} == {
        "queue": stopped.name, "state": "stopped", "message": "Printing is paused — press Resume",
        "can_resume": True, "accepting": True, "reasons": ["paused"], "default": False, "description": "",
    }


def test_queue_status_says_unreachable_when_cupsd_is_down(unreachable_cups_server: str) -> None:
    service = PrintService(PrintingSettings(printer="front-desk"), server=unreachable_cups_server)
    status = service.queue_status()
    assert (status.name, status.state, status.can_resume) == ("front-desk", "unreachable", False)
    assert "print service is not running" in status.message


def test_job_states_end_when_the_printer_finishes(cupsd: PrivateCupsd) -> None:
    queue = cupsd.add_capture_queue()
    service = service_for(cupsd, queue.name)
    jobs = [service.submit(make_pdf(str(n)), title=job_title("x", WHEN)) for n in range(3)]
    wait_until(lambda: all(service.outcome(job) is not None for job in jobs), 20, "three jobs to finish")
    assert [service.wait(job).state for job in jobs] == ["completed"] * 3


def test_job_status_tells_waiting_from_printing(cupsd: PrivateCupsd) -> None:
    queue, flag = cupsd.add_blocking_queue()
    service = service_for(cupsd, queue)
    first = service.submit(make_pdf("1"), title=job_title("x", WHEN))
    second = service.submit(make_pdf("2"), title=job_title("y", WHEN))
    wait_until(lambda: service.job_status(first).state == "printing", 20, "the first job to start")
    now = service.job_status(second)
    assert (now.state, now.message, now.final) == ("queued", "Waiting to print", False)
    assert service.outcome(second) is None
    flag.touch()
    assert service.wait(second).ok and service.job_status(first).final

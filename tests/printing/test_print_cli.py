"""`downtime-kiosk print` end to end: every form through a real private cupsd, read back as PDF."""

import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import cups
import pytest

from tests.conftest import RunCli
from tests.fixtures.cupsd import CaptureQueue, PrivateCupsd
from tests.printing.pdfs import make_pdf, page_text_and_size

WriteConfig = Callable[..., Path]
PRACTICE = "Riverbend Counseling Associates"
TITLE_RE = re.compile(r"^[a-z0-9-]+_\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}$")
LETTER, A4 = (612, 792), (595, 842)


def config_for(write_config: WriteConfig, printing: str) -> Path:
    return write_config(f'[practice]\nname = "{PRACTICE}"\n\n[printing]\n{printing}\n')


def job_names(cupsd: PrivateCupsd, queue: str) -> list[str]:
    cups.setServer("127.0.0.1")
    cups.setPort(cupsd.port)
    connection = cups.Connection()
    jobs = connection.getJobs(which_jobs="all", requested_attributes=["job-id", "job-printer-uri", "job-name"])
    return [str(attrs["job-name"]) for _, attrs in sorted(jobs.items())
            if str(attrs.get("job-printer-uri", "")).endswith(f"/{queue}")]


def forms_list(run_cli: RunCli, config: Path) -> list[dict[str, object]]:
    result = run_cli("--config", config, "forms", "list", "--json")
    assert result.returncode == 0, result.stderr
    return list(json.loads(result.stdout))


@pytest.mark.parametrize(("paper", "size"), [("letter", LETTER), ("a4", A4)])
def test_every_form_prints_and_reads_back(cupsd: PrivateCupsd, run_cli: RunCli, write_config: WriteConfig,
                                          paper: str, size: tuple[int, int]) -> None:
    queue = cupsd.add_capture_queue()
    config = config_for(write_config, f'printer = "{queue.name}"\npaper = "{paper}"')
    entries = forms_list(run_cli, config)
    assert len(entries) >= 6
    for number, entry in enumerate(entries, start=1):
        result = run_cli("--config", config, "print", str(entry["id"]), "--wait", env=cupsd.env)
        assert result.returncode == 0, result.stderr
        assert re.match(rf"^{entry['id']}: job \d+ on {queue.name}\n{entry['id']}: Printed\n$", result.stdout)
        printed = queue.wait_for_documents(number)[-1]
        text, page = page_text_and_size(printed)
        flat = " ".join(text.split())
        assert str(entry["title"]) in flat, (entry["id"], flat[:200])
        assert PRACTICE in flat
        assert sorted(page) == sorted(size), (entry["id"], page)  # the logs are landscape
    names = job_names(cupsd, queue.name)
    assert [name.split("_")[0] for name in names] == [entry["id"] for entry in entries]
    assert all(TITLE_RE.match(name) for name in names)


def test_a_custom_form_in_the_packet_prints_unchanged(cupsd: PrivateCupsd, run_cli: RunCli, write_config: WriteConfig,
                                        tmp_path: Path) -> None:
    queue = cupsd.add_capture_queue()
    custom = tmp_path / "intake.pdf"
    custom.write_bytes(make_pdf("Riverbend Intake Form"))
    config = write_config(f'[printing]\nprinter = "{queue.name}"\npacket = ["intake"]\n\n'
                          f'[forms]\nintake = "{custom}"\n')
    result = run_cli("--config", config, "print", "packet", "--copies", "2", "--wait", env=cupsd.env)
    assert result.returncode == 0, result.stderr
    assert ", 2 copies" in result.stdout
    (printed,) = queue.wait_for_documents(1)
    assert printed.read_bytes() == custom.read_bytes()
    assert "Riverbend Intake Form" in page_text_and_size(printed)[0]


def test_the_packet_prints_what_the_button_prints(cupsd: PrivateCupsd, run_cli: RunCli,
                                                  write_config: WriteConfig) -> None:
    queue = cupsd.add_capture_queue()
    config = config_for(write_config, f'printer = "{queue.name}"\n'
                                      'packet = ["nursing-note", { id = "downtime-log", copies = 2 }]')
    result = run_cli("--config", config, "print", "packet", "--wait", env=cupsd.env)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert re.match(rf"nursing-note: job \d+ on {queue.name}$", lines[0])
    assert re.match(rf"downtime-log: job \d+ on {queue.name}, 2 copies$", lines[1])
    assert lines[2:] == ["nursing-note: Printed", "downtime-log: Printed"]
    titles = [page_text_and_size(path)[0] for path in queue.wait_for_documents(2)]
    assert "Nursing Progress Note" in titles[0] and "Downtime Visit and Reconciliation Log" in " ".join(
        titles[1].split())


def test_out_of_paper_exits_1_in_plain_words_and_resume_prints_it(cupsd: PrivateCupsd, run_cli: RunCli,
                                                                   write_config: WriteConfig) -> None:
    queue = cupsd.add_failing_queue()
    config = config_for(write_config, f'printer = "{queue}"')
    result = run_cli("--config", config, "print", "therapist-note", "--wait", env=cupsd.env)
    assert result.returncode == 1
    job_id = re.search(r"job (\d+)", result.stdout)
    assert job_id is not None
    assert result.stderr == (f"downtime-kiosk: therapist-note (job {job_id.group(1)}): The printer is out of paper"
                             " — add paper, then press Resume. The job stays queued and will print after Resume.\n")
    listing = json.loads(run_cli("--config", config, "printers", "--json", env=cupsd.env).stdout)
    status = next(q for q in listing["queues"] if q["queue"] == queue)
    assert (status["state"], status["can_resume"]) == ("stopped", True)

    paper: CaptureQueue = cupsd.add_capture_queue()
    cupsd.set_device(queue, f"capture:{paper.folder}")
    resumed = run_cli("--config", config, "printers", "--resume", queue, env=cupsd.env)
    assert resumed.returncode == 0, resumed.stderr
    (printed,) = paper.wait_for_documents(1)
    assert "Therapist Progress Note" in " ".join(page_text_and_size(printed)[0].split())


def test_a_disabled_queue_exits_1_and_keeps_the_job(cupsd: PrivateCupsd, run_cli: RunCli,
                                                    write_config: WriteConfig) -> None:
    queue = cupsd.add_capture_queue(enabled=False)
    config = config_for(write_config, f'printer = "{queue.name}"')
    result = run_cli("--config", config, "print", "nursing-note", "--wait", env=cupsd.env)
    assert result.returncode == 1
    assert "Printing is paused — press Resume. The job stays queued and will print after Resume." in result.stderr
    assert job_names(cupsd, queue.name) != [] and queue.documents() == []


def test_a_rejecting_queue_exits_1(cupsd: PrivateCupsd, run_cli: RunCli, write_config: WriteConfig) -> None:
    queue = cupsd.add_capture_queue(accepting=False)
    config = config_for(write_config, f'printer = "{queue.name}"')
    result = run_cli("--config", config, "print", "nursing-note", env=cupsd.env)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "not accepting jobs" in result.stderr
    assert job_names(cupsd, queue.name) == []


def test_cupsd_not_running_exits_69(run_cli: RunCli, write_config: WriteConfig, unreachable_cups_server: str) -> None:
    result = run_cli("--config", config_for(write_config, ""), "print", "therapist-note",
                     env={"CUPS_SERVER": unreachable_cups_server})
    assert result.returncode == 69
    assert result.stderr.count("\n") == 1 and "cannot reach cupsd" in result.stderr


@pytest.mark.parametrize(("args", "named"), [
    (["print", "no-such-form"], "'no-such-form'"),
    (["print", "therapist-note", "--printer", "no-such-queue"], "'no-such-queue'"),
    (["print", "packet", "--printer", "no-such-queue"], "'no-such-queue'"),
])
def test_unknown_names_exit_64_and_print_nothing(cupsd: PrivateCupsd, run_cli: RunCli, write_config: WriteConfig,
                                                 args: list[str], named: str) -> None:
    queue = cupsd.add_capture_queue()
    result = run_cli("--config", config_for(write_config, f'printer = "{queue.name}"'), *args, env=cupsd.env)
    assert result.returncode == 64
    assert result.stderr.count("\n") == 1 and named in result.stderr
    assert job_names(cupsd, queue.name) == []


def test_bad_copies_is_usage(run_cli: RunCli, write_config: WriteConfig) -> None:
    result = run_cli("--config", config_for(write_config, ""), "print", "therapist-note", "--copies", "0")
    assert result.returncode == 64 and "--copies" in result.stderr


def test_output_dir_writes_pdfs_and_says_so(run_cli: RunCli, write_config: WriteConfig, tmp_path: Path,
                                            unreachable_cups_server: str) -> None:
    folder = tmp_path / "printed"
    config = config_for(write_config, f'output_dir = "{folder}"')
    result = run_cli("--config", config, "print", "packet", "--wait", env={"CUPS_SERVER": unreachable_cups_server})
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == f"printing.output_dir is set: writing PDFs to {folder} (no printer is used)"
    files = sorted(path.name for path in folder.iterdir())
    assert [name.split("_", 1)[0] for name in files] == sorted(
        ["therapist-note", "prescriber-note", "nursing-note", "med-change-log"])
    assert all(re.match(r"^[a-z-]+_\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.pdf$", name) for name in files)
    text, size = page_text_and_size(next(folder.glob("therapist-note_*.pdf")))
    assert PRACTICE in " ".join(text.split()) and size == LETTER


def test_output_dir_is_bypassed_by_an_explicit_printer(cupsd: PrivateCupsd, run_cli: RunCli,
                                                       write_config: WriteConfig, tmp_path: Path) -> None:
    queue = cupsd.add_capture_queue()
    config = config_for(write_config, f'output_dir = "{tmp_path / "printed"}"')
    result = run_cli("--config", config, "print", "procedure-card", "--printer", queue.name, "--wait",
                     env=cupsd.env)
    assert result.returncode == 0, result.stderr
    assert len(queue.wait_for_documents(1)) == 1 and not (tmp_path / "printed").exists()


def test_a_packet_naming_an_unknown_form_is_a_config_error(run_cli: RunCli, write_config: WriteConfig) -> None:
    result = run_cli("--config", config_for(write_config, 'packet = ["therapist-note", "no-such-form"]'),
                     "config", "check")
    assert result.returncode == 78
    assert "printing.packet: unknown form id 'no-such-form'" in result.stderr


def test_printed_form_looks_right(cupsd: PrivateCupsd, run_cli: RunCli, write_config: WriteConfig,
                                  tmp_path: Path) -> None:
    queue = cupsd.add_capture_queue()
    config = config_for(write_config, f'printer = "{queue.name}"')
    assert run_cli("--config", config, "print", "therapist-note", "--wait", env=cupsd.env).returncode == 0
    (printed,) = queue.wait_for_documents(1)
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", printed, tmp_path / "page"], check=True)
    assert (tmp_path / "page-1.png").stat().st_size > 5000

"""`downtime-kiosk reconcile` through a private cupsd: the sheet lists exactly the cached visits inside the
downtime (edges included, other days not), in New York time across the fall-back DST change of Sunday
1 November 2026; the print is recorded and `status --log --json` shows it; PHI goes nowhere but the printer."""

import json
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.reconcile.book import ReconcileBook
from kiosk.status.downtime_log import DowntimeLog
from kiosk.status.level import Level
from print_service.schedule.cache import ScheduleCache
from tests.conftest import RunCli
from tests.fixtures.calendars import NEW_YORK, ics_with
from tests.fixtures.cupsd import PrivateCupsd

MakeCache = Callable[..., ScheduleCache]

# The outage: 01:30 EDT (05:30 UTC) to 01:20 EST (06:20 UTC), across the change at 02:00 EDT -> 01:00 EST.
START = datetime(2026, 11, 1, 5, 30, tzinfo=UTC)
END = datetime(2026, 11, 1, 6, 20, tzinfo=UTC)
PROVIDER = "Dr. Zephyr Quill"
INSIDE = {
    "Edgar Endsatstart": (datetime(2026, 11, 1, 5, 0, tzinfo=UTC), START),  # 01:00-01:30 EDT, ends at the start
    "Ingrid Inbetween": (datetime(2026, 11, 1, 5, 45, tzinfo=UTC), datetime(2026, 11, 1, 6, 0, tzinfo=UTC)),
    "Stella Secondpass": (datetime(2026, 11, 1, 6, 10, tzinfo=UTC), datetime(2026, 11, 1, 6, 15, tzinfo=UTC)),
    "Bruno Beginsatend": (END, datetime(2026, 11, 1, 6, 50, tzinfo=UTC)),  # 01:20 EST, begins at the end
}
OUTSIDE = {
    "Walter Wallclock": (datetime(2026, 11, 1, 6, 30, tzinfo=UTC), datetime(2026, 11, 1, 7, 0, tzinfo=UTC)),
    # ^ 01:30 EST: the same wall-clock time as the start, an hour after it
    "Ophelia Earlier": (datetime(2026, 11, 1, 4, 0, tzinfo=UTC), datetime(2026, 11, 1, 4, 50, tzinfo=UTC)),
    "Nadia Nextday": (datetime(2026, 11, 2, 5, 45, tzinfo=UTC), datetime(2026, 11, 2, 6, 0, tzinfo=UTC)),
    "Petra Previousday": (datetime(2026, 10, 31, 5, 45, tzinfo=UTC), datetime(2026, 10, 31, 6, 0, tzinfo=UTC)),
}


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


@pytest.fixture
def setup(write_config: Callable[..., Path], tmp_path: Path, cupsd: PrivateCupsd,
          make_cache: MakeCache) -> tuple[Path, Path]:
    feed = tmp_path / "feed.ics"
    feed.write_text(ics_with([(start, end, name, PROVIDER) for name, (start, end) in {**INSIDE, **OUTSIDE}.items()]))
    cache = make_cache(feed, now=datetime(2026, 10, 31, 12, 0, tzinfo=NEW_YORK))
    assert cache.refresh().ok
    log = DowntimeLog(tmp_path / "state")
    log.record(Level.OPERATIONAL, START - timedelta(hours=3))
    log.record(Level.OUTAGE, START)
    log.record(Level.REGIONAL_OUTAGE, START + timedelta(minutes=20))
    log.record(Level.OPERATIONAL, END)
    queue = cupsd.add_capture_queue()
    path = write_config(f'[practice]\nname = "Riverside Counseling"\n'
                        f'[schedule]\nsource = "{feed}"\ntimezone = "America/New_York"\n'
                        'provider_from = "description:Provider"\n'
                        f'[printing]\nprinter = "{queue.name}"\n')
    return path, queue.folder


def test_the_sheet_lists_exactly_the_visits_inside_the_downtime_across_dst(
        setup: tuple[Path, Path], run_cli: RunCli, cupsd: PrivateCupsd, tmp_path: Path) -> None:
    config, folder = setup
    listed = run_cli("--config", config, "reconcile", "--list")
    assert listed.returncode == 0, listed.stderr
    assert "2026-11-01 01:30–01:20" in listed.stdout and "outage, then regional_outage" in listed.stdout
    assert "NOT PRINTED" in listed.stdout

    result = run_cli("--config", config, "reconcile", env=cupsd.env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "printed the catch-up sheet for the downtime 01:30–01:20 (4 visits)"
    documents = sorted(folder.glob("job-*.pdf"))
    assert len(documents) == 1
    text = pdf_text(documents[0])
    for name in INSIDE:
        assert name in text, name
    for name in OUTSIDE:
        assert name not in text, name
    assert "Downtime from Sun Nov 1, 2026, 1:30 AM EDT to Sun Nov 1, 2026, 1:20 AM EST (50 min)" in text
    assert "level: outage, then regional_outage" in text
    for cell in ("1:00 AM EDT", "1:45 AM EDT", "1:10 AM EST", "1:20 AM EST"):
        assert cell in text
    order = [text.index(name) for name in ("Edgar Endsatstart", "Ingrid Inbetween", "Stella Secondpass",
                                           "Bruno Beginsatend")]
    assert order == sorted(order)  # in the order they happened, not by wall clock (01:45 EDT before 01:10 EST)
    for column in ("Note", "ICANotes", "Medication", "DrFirst", "reconciled", "Paper filed", "shredded", "Initials"):
        assert column in text
    assert "Riverside Counseling" in text

    titles = cupsd.run("lpstat", "-W", "all", "-l", "-o").stdout
    assert not any(name.split()[0] in titles for name in INSIDE)
    for leftover in (tmp_path / "state").rglob("*"):
        if leftover.is_file() and leftover.name != "cache.bin":
            body = leftover.read_bytes()
            assert not any(name.encode() in body for name in INSIDE), leftover
    assert not any(name in result.stdout + result.stderr for name in INSIDE)


def test_the_print_and_the_acknowledgement_reach_the_log(setup: tuple[Path, Path], run_cli: RunCli,
                                                         cupsd: PrivateCupsd, tmp_path: Path) -> None:
    config, _folder = setup
    ReconcileBook(tmp_path / "state").acknowledge(START.isoformat(timespec="seconds"), "MB",
                                                  datetime(2026, 11, 2, 9, 0, tzinfo=NEW_YORK))
    assert run_cli("--config", config, "reconcile", "--window", "1", env=cupsd.env).returncode == 0
    log = json.loads(run_cli("--config", config, "status", "--log", "--json").stdout)
    outage, regional = log[1], log[2]
    assert outage["downtime"] == regional["downtime"] == "2026-11-01T05:30:00+00:00"
    record = outage["reconcile"]
    assert record["acknowledged_by"] == "MB" and record["acknowledged_at"] == "2026-11-02T09:00:00-05:00"
    assert record["prints"] == 1 and datetime.fromisoformat(record["printed_at"]) > START
    assert log[0]["reconcile"] is None and log[3]["reconcile"] is None
    assert "printed" in run_cli("--config", config, "reconcile", "--list").stdout


def test_from_and_to_by_hand_and_bad_input(setup: tuple[Path, Path], run_cli: RunCli,
                                           cupsd: PrivateCupsd) -> None:
    config, folder = setup
    by_hand = run_cli("--config", config, "reconcile", "--from", "2026-11-01T01:40-04:00",
                      "--to", "2026-11-01T01:12-05:00", env=cupsd.env)
    assert by_hand.returncode == 0, by_hand.stderr
    assert "(2 visits)" in by_hand.stdout
    text = pdf_text(sorted(folder.glob("job-*.pdf"))[-1])
    assert "Ingrid Inbetween" in text and "Stella Secondpass" in text and "Edgar Endsatstart" not in text
    for args, message in ((("--window", "7"), "--window: expected a number from 1 to 1"),
                          (("--from", "yesterday", "--to", "2026-11-01T02:00"), "--from: expected a time"),
                          (("--from", "2026-11-01T02:00"), "--from and --to go together"),
                          (("--from", "2026-11-01T02:00", "--to", "2026-11-01T01:00"), "--to: expected a time after")):
        bad = run_cli("--config", config, "reconcile", *args, env=cupsd.env)
        assert bad.returncode == 64, (args, bad.stderr)
        assert message in bad.stderr and len(bad.stderr.strip().splitlines()) == 1

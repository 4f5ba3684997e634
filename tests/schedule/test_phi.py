"""PHI: after fetch, print and purge, the canary patient name is nowhere on disk or in the logs.

The whole evening runs in a child process with its own temporary directory ($TMPDIR) and
debug logging on stderr; then the state directory, the key's directory, that temporary
directory and the captured log are searched for the canary, in full and in part.
"""

import subprocess
import sys
import textwrap
from pathlib import Path

from tests.conftest import REPO, cli_env
from tests.fixtures.calendars import CANARY, reference_ics
from tests.fixtures.http_server import LocalHTTPServer, Reply

CHILD = textwrap.dedent("""
    import logging, sys, tempfile
    from datetime import datetime, timedelta
    from pathlib import Path
    from zoneinfo import ZoneInfo
    from print_service.alerts import AlertStore
    from print_service.errors import PrinterNotReadyError
    from print_service.paths import AppPaths
    from print_service.schedule import ScheduleSettings
    from print_service.schedule.cache import ScheduleCache
    from print_service.schedule.nightly import NightlyPrint
    from print_service.schedule.records import NightlyStore
    from tests.fixtures.calendars import ManualClock

    logging.basicConfig(level=logging.DEBUG, stream=sys.stderr)
    url, root = sys.argv[1], Path(sys.argv[2])
    zone = ZoneInfo("America/New_York")
    paths = AppPaths(root / "state", root / "run", root / "keys" / "schedule.key")
    settings = ScheduleSettings(source=url, timezone=zone, provider_from="description:Provider",
                                require_clock_sync=False)
    clock = ManualClock(datetime(2026, 10, 30, 17, 30, tzinfo=zone))
    printed = []
    attempts = []

    def printer(document, title):
        attempts.append(title)
        if len(attempts) == 1:
            raise PrinterNotReadyError(f"job {title} failed", user_message="The printer is out of paper.")
        printed.append(document)
        return True

    cache = ScheduleCache(settings, paths, now=clock.now)
    record = NightlyPrint(cache, printer, AlertStore(paths.alerts_dir, now=clock.now), NightlyStore(paths.state_dir),
                          clock, lambda: True).run()
    assert record.outcome == "printed", record
    assert tempfile.gettempdir() == str(root / "tmp"), tempfile.gettempdir()
    later = ScheduleCache(settings, paths, now=lambda: datetime(2026, 12, 31, tzinfo=zone))
    assert later.purge() > 0
    logging.getLogger("check").info("printed %d documents, %d bytes", len(printed), len(printed[0]))
    print("titles:", attempts)
""")


def _files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def test_canary_never_on_disk_or_in_logs(http_server: LocalHTTPServer, tmp_path: Path) -> None:
    http_server.route("/private/tok/basic.ics", Reply(body=reference_ics(CANARY), content_type="text/calendar"))
    (tmp_path / "tmp").mkdir()
    result = subprocess.run([sys.executable, "-c", CHILD, http_server.url + "/private/tok/basic.ics", str(tmp_path)],
                            capture_output=True, text=True, env=cli_env({"TMPDIR": str(tmp_path / "tmp")}),
                            cwd=REPO, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert "printed 1 documents" in result.stderr  # the log was captured
    assert "titles: ['schedule', 'schedule']" in result.stdout
    needles = [CANARY, *CANARY.split()]
    searched = _files_under(tmp_path / "state") + _files_under(tmp_path / "keys") + _files_under(tmp_path / "tmp")
    assert len(searched) >= 5  # cache, status, nightly.json, printed.json, key … were all searched
    for path in searched:
        data = path.read_bytes()
        for needle in needles:
            for encoded in (needle.encode(), needle.lower().encode(), needle.encode("utf-16-le")):
                assert encoded not in data, f"{needle!r} found in {path}"
        assert needle not in path.name
        assert b"/private/tok" not in data, f"the secret URL path is in {path}"
    for needle in needles:
        assert needle not in result.stderr
        assert needle.lower() not in result.stderr.lower()
    assert "/private/tok" not in result.stderr

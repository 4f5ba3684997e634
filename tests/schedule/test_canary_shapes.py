"""The canary patient through every schedule format and every malformed shape: zero hits anywhere.

Each shape is served from 127.0.0.1 under a secret-looking path. For every shape, `schedule
fetch`, `show`, `show --json` and `nightly` run as real child processes with debug logging,
first with no cache and then over a good cache (the reference calendar, canary included);
`schedule print` prints through the private cupsd, `watch` publishes the error to
state.json, and the screen (a real Kivy window under Xvfb, on that state file and the real
cache) shows Status, Info and the locked Schedule, each screenshotted. Then the state dir,
the runtime dir, $TMPDIR, every captured stderr (the journal's text), the CUPS spool and job
list, and every word on those screens are searched for the canary, its parts and the secret
path: zero hits. (`show` prints the schedule on
stdout by design: that is the unlocked copy, and it is not searched.)
"""

import json
import signal
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.state.document import StateDocument
from kiosk.ui.info_view import info_sections
from tests.conftest import REPO, cli_env
from tests.fixtures.calendars import CANARY, CSV_COLUMNS, reference_csv, reference_ics
from tests.fixtures.cupsd import PrivateCupsd
from tests.fixtures.http_server import LocalHTTPServer, Reply
from tests.fixtures.status_servers import StatusWorld
from tests.fixtures.xvfb import KivyHarness
from tests.waiting import wait_until
from tests.watch.worlds import status_table

SECRET = "/private/tok-4f9a"
NEEDLES = [CANARY, *CANARY.split()]
HEADER = ",".join(CSV_COLUMNS[f] for f in ("date", "start", "end", "patient", "provider", "type", "location"))
ROW = f"10/30/2026,9:00 AM,9:50 AM,{CANARY},Dr. Q,Therapy 50,Room 2"


def _rows(count: int) -> str:
    return "\n".join(ROW for _ in range(count)) + "\n"


def _secondly(uid: str) -> str:
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n"
            f"UID:{uid}\r\nDTSTART:20261001T090000Z\r\nRRULE:FREQ=SECONDLY\r\nSUMMARY:{CANARY}\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n")


# name -> (body, content type, suffix, what the error must say)
SHAPES: dict[str, tuple[bytes, str, str, str]] = {
    "headerless csv": (_rows(30).encode(), "text/csv", ".csv", "CSV line 1: expected a header row"),
    "stray quote in the header": (
        (HEADER.replace("Start Time", '"Start Time') + "\n" + _rows(1500)).encode(), "text/csv", ".csv",
        "quote in it is not closed"),
    "wrong delimiter": ((HEADER.replace(",", ";") + "\n" + _rows(5).replace(",", ";")).encode(), "text/csv",
                        ".csv", 'separated by ";"'),
    "wrong column names": ((f"Datum,Zeit,{CANARY}\n" + _rows(5)).encode(), "text/csv", ".csv",
                           "line 1 has 3 columns"),
    "100k columns": ((",".join(f"{CANARY} {i}" for i in range(100_000)) + "\n" + _rows(2)).encode(), "text/csv",
                     ".csv", "line 1 has 100000 columns"),
    "patient in the date column": ((HEADER + "\n" + ROW.replace("10/30/2026", CANARY) + "\n").encode(), "text/csv",
                                   ".csv", 'CSV line 2, column "Appt Date": expected a date'),
    "field past the csv limit": ((HEADER + '\n10/30/2026,9:00 AM,,"' + CANARY * 9000 + '"\n').encode(),
                                 "text/csv", ".csv", "CSV line 2: expected a readable row"),
    "truncated csv": ((HEADER + '\n10/30/2026,9:00 AM,9:50 AM,"' + CANARY).encode(), "text/csv", ".csv",
                      "expected a readable row"),
    "binary": (b"\x89PNG\r\n\x1a\n" + CANARY.encode("utf-16-le") + bytes(range(256)) * 4, "text/csv", ".csv",
               "not valid utf-8 text"),
    "latin-1 csv": (reference_csv(CANARY + "ë").encode("latin-1"), "text/csv", ".csv", "not valid utf-8 text"),
    "truncated ics": (reference_ics()[:900].encode(), "text/calendar", ".ics", "schedule source"),
    "patient as a start time": (reference_ics().replace("DTSTART;TZID=Clinic Eastern:20261001T090000",
                                                        f"DTSTART:{CANARY}", 1).encode(),
                                "text/calendar", ".ics", "schedule source"),
    "secondly rrule": (_secondly(CANARY).encode(), "text/calendar", ".ics",
                       "iCalendar line 4: expected an event repeating at most 200 times a day"),
    "corrupt pdf": (b"%PDF-1.7\n" + CANARY.encode() * 50, "application/pdf", ".pdf", "not a readable PDF"),
    "html login page": (f"<html><body>Welcome back, {CANARY}</body></html>".encode(), "text/html", ".html",
                        "got a web page"),
}


PLAN_CHILD = """
import contextlib, io, json, logging, sys
logging.basicConfig(level=logging.DEBUG, stream=sys.__stderr__)  # main()'s own basicConfig is then a no-op
from kiosk.cli.main import main
results = []
for args in json.loads(sys.argv[1]):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(["-v", *args])
        except SystemExit as exc:
            code = exc.code
    results.append({"args": args, "code": code, "stdout": out.getvalue(), "stderr": err.getvalue()})
open(sys.argv[2], "w").write(json.dumps(results))
"""


class World:
    """The servers, the folders and every child's captured stderr, for one test."""

    def __init__(self, tmp_path: Path, http: LocalHTTPServer, cupsd: PrivateCupsd, status: StatusWorld) -> None:
        self.root = tmp_path
        self.http = http
        self.cupsd = cupsd
        self.status = status
        self.queue = cupsd.add_capture_queue()
        self.stderr: list[str] = []
        (tmp_path / "tmp").mkdir()
        self.env = {**cupsd.env, "TMPDIR": str(tmp_path / "tmp"), "GPIOZERO_PIN_FACTORY": "mock"}

    def config(self, route: str, name: str) -> Path:
        """A configuration reading `route` from the HTTP server, printing to the capture queue."""
        columns = "".join(f'{k} = "{v}"\n' for k, v in CSV_COLUMNS.items())
        status = "\n".join(f"{key} = {json.dumps(value)}"
                           for key, value in status_table(self.status, poll=30, confirm=1).items())
        path = self.root / f"config-{name.replace(' ', '-')}.toml"
        path.write_text(
            f'[paths]\nstate_dir = "{self.root}/state"\nruntime_dir = "{self.root}/run"\n'
            f'key_file = "{self.root}/keys/schedule.key"\n'
            f"[status]\n{status}\n"
            f'[printing]\nprinter = "{self.queue.name}"\n'
            f'[schedule]\nsource = "{self.http.url}{route}"\ntimezone = "America/New_York"\n'
            'require_clock_sync = false\nprovider_from = "description:Provider"\n'
            f"[schedule.csv_columns]\n{columns}")
        return path

    def run_plan(self, plan: list[list[str]]) -> list[dict[str, object]]:
        """Run each `downtime-kiosk ARGS…` of `plan` in one child (debug logging on its stderr, kept)."""
        results = self.root / "results.json"
        child = subprocess.run([sys.executable, "-c", PLAN_CHILD, json.dumps(plan), str(results)],
                               capture_output=True, text=True, env=cli_env(self.env), cwd=REPO, timeout=280,
                               check=False)
        self.stderr.append(child.stderr)
        assert child.returncode == 0, child.stderr[-3000:]
        assert "Traceback" not in child.stderr, child.stderr[-3000:]
        done: list[dict[str, object]] = json.loads(results.read_text())
        results.unlink()
        for result in done:
            self.stderr.append(str(result["stderr"]))
        return done

    def watch_until(self, config: Path, done: Callable[[dict[str, object]], bool]) -> dict[str, object]:
        """Run `watch` until state.json satisfies `done`; its state, with the child's stderr kept."""
        state_file = self.root / "run" / "state.json"
        child = subprocess.Popen([sys.executable, "-m", "kiosk", "-v", "--config", str(config), "watch"], cwd=REPO,
                                 env=cli_env(self.env), stderr=subprocess.PIPE, text=True)
        try:
            wait_until(lambda: done(_read_json(state_file)), 30, "watch to publish the schedule error")
        finally:
            child.send_signal(signal.SIGTERM)
            child.wait(timeout=20)
            self.stderr.append(child.stderr.read() if child.stderr else "")
        assert "Traceback" not in self.stderr[-1], self.stderr[-1][-3000:]
        return _read_json(state_file)


def _read_json(path: Path) -> dict[str, object]:
    try:
        found = json.loads(path.read_text())
    except (FileNotFoundError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


@pytest.fixture
def world(tmp_path: Path, http_server: LocalHTTPServer, cupsd: PrivateCupsd, status_world: StatusWorld) -> World:
    """Every shape served under the secret path, plus the good reference calendar."""
    for name, (body, content_type, suffix, _) in SHAPES.items():
        http_server.route(f"{SECRET}/{name.replace(' ', '-')}{suffix}", Reply(body=body, content_type=content_type))
    http_server.route(f"{SECRET}/good.ics", Reply(body=reference_ics(), content_type="text/calendar"))
    return World(tmp_path, http_server, cupsd, status_world)


def _route(name: str) -> str:
    return f"{SECRET}/{name.replace(' ', '-')}{SHAPES[name][2]}"


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


def _assert_clean(text: bytes | str, where: str) -> None:
    data = text.encode() if isinstance(text, str) else text
    for needle in NEEDLES:
        for encoded in (needle.encode(), needle.lower().encode(), needle.upper().encode(),
                        needle.encode("utf-16-le")):
            assert encoded not in data, f"{needle!r} found in {where}"
    assert SECRET.encode() not in data, f"the secret path is in {where}"


def _shape_plan(world: World, name: str, *, cached: bool) -> list[list[str]]:
    config = str(world.config(_route(name), name))
    plan = [["--config", config, "schedule", "fetch"], ["--config", config, "schedule", "show", "--json"],
            ["--config", config, "nightly", "--now", "2026-10-29T17:30"]]
    return plan + ([["--config", config, "schedule", "show"]] if cached else [])


def _check_shape(name: str, results: list[dict[str, object]], *, cached: bool) -> None:
    expected = SHAPES[name][3]
    fetch, show, nightly = results[:3]
    assert fetch["code"] != 0
    line = str(fetch["stderr"]).strip().splitlines()[-1]
    assert expected in line, f"{name}: {line}"
    assert len(line) <= 420
    assert ("kept the schedule fetched" in line) == cached, line
    assert (show["code"] == 0) == cached
    assert "nightly 2026-" in str(nightly["stdout"])
    _assert_clean(str(nightly["stdout"]), f"nightly's output for {name}")
    _assert_clean(str(fetch["stdout"]), f"fetch's output for {name}")


def _run_shapes(world: World, *, cached: bool) -> None:
    plans = {name: _shape_plan(world, name, cached=cached) for name in SHAPES}
    results = world.run_plan([step for plan in plans.values() for step in plan])
    for name, plan in plans.items():
        _check_shape(name, results[:len(plan)], cached=cached)
        results = results[len(plan):]


def _screen_texts(kivy: KivyHarness, config: Path) -> list[str]:
    """Status, Info and the locked Schedule screen in a real Kivy window on the watch's state and the real cache."""
    from kiosk.config import load_config
    from kiosk.ui.wiring import context_from_config

    ctx = context_from_config(load_config(config, {}))
    assert ctx.schedule_desk is not None  # the cache with the canary is right behind the locked screen
    root = kivy.mount(ctx)
    texts: list[str] = []
    for name in ("status", "info", "schedule"):
        root.go(name)
        root.tick()
        kivy.frames(3)
        shot = kivy.screenshot(f"canary-{name}")
        assert shot.stat().st_size > 0
        texts.append(f"{name}: " + "\n".join(kivy.texts()))
    assert "Last refresh failed: schedule source http://127.0.0.1" in texts[1]
    return texts


def test_no_shape_leaks_the_canary(world: World, kivy_screen: KivyHarness) -> None:
    _run_shapes(world, cached=False)  # no cache yet: every error path without a copy to fall back on
    good = str(world.config(f"{SECRET}/good.ics", "good"))
    fetched, printed = world.run_plan([["--config", good, "schedule", "fetch"],
                                       ["--config", good, "schedule", "print", "--date", "2026-11-02"]])
    assert fetched["code"] == 0 and printed["code"] == 0, (fetched, printed)
    world.queue.wait_for_documents(1)
    _run_shapes(world, cached=True)  # over a good cache: the "kept the schedule" paths
    state = world.watch_until(world.config(_route("stray quote in the header"), "watch"),
                              lambda s: "quote in it is not closed" in str(s.get("schedule") or {}))
    now = datetime.now(UTC)
    screen = info_sections(StateDocument.from_json(state), now, version="test", address="127.0.0.1",
                           config_source="config.toml")
    shown = "\n".join(line for section in screen for line in section.lines)
    assert "Last refresh failed: schedule source http://127.0.0.1" in shown
    _assert_clean(shown, "the Info screen's lines")
    for text in _screen_texts(kivy_screen, world.config(_route("stray quote in the header"), "screen")):
        _assert_clean(text, "the words on the screen")
    _search_everywhere(world)


def _search_everywhere(world: World) -> None:
    searched = (_files(world.root / "state") + _files(world.root / "run") + _files(world.root / "tmp")
                + _files(world.root / "keys"))
    assert any(p.name == "status.json" for p in searched) and any(p.name == "state.json" for p in searched)
    for path in searched:
        _assert_clean(path.read_bytes(), str(path))
        _assert_clean(path.name, f"the name {path}")
    status = world.root / "state" / "schedule" / "status.json"
    assert status.stat().st_mode & 0o777 == 0o600
    assert len(world.stderr) >= 3 * len(SHAPES) * 2
    for number, text in enumerate(world.stderr):
        _assert_clean(text, f"captured stderr #{number}")
    for path in _files(world.cupsd.root / "spool"):
        _assert_clean(path.read_bytes(), f"the CUPS spool {path}")
    jobs = world.cupsd.run("lpstat", "-W", "all", "-o", world.queue.name).stdout
    assert world.queue.name in jobs  # the schedule's jobs, by their titles
    _assert_clean(jobs, "the CUPS job list")

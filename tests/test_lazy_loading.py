"""Each process loads only what it uses: proven in fresh interpreters, by the modules they end up holding.

Loading the configuration and importing the pure core must leave every heavy library out; the
`status` check (the Nagios plugin run every minute) loads no forms, schedule, crypto, screen or GPIO
library; `--help` loads none at all.
"""

import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.fixtures.calendars import CANARY, THERAPIST, ics_with
from tests.fixtures.http_server import LocalHTTPServer, Reply
from tests.fixtures.status_servers import StatusWorld

REPO = Path(__file__).resolve().parent.parent
HEAVY = ("httpx", "reportlab", "pypdf", "icalendar", "cryptography", "gpiozero", "cups", "kivy")
PURE_CORE = (
    "kiosk.config", "kiosk.config.sections", "kiosk.cli.commands", "kiosk.cli.main",
    "kiosk.status", "kiosk.status.decide", "kiosk.status.guidance", "kiosk.status.level", "kiosk.status.report",
    "kiosk.status.page_signals", "kiosk.status.providers", "kiosk.status.snapshot", "kiosk.status.summary",
    "kiosk.status.step", "kiosk.status.observe", "kiosk.status.providers.registry",
    "kiosk.state.document", "kiosk.led.table", "kiosk.led.scene", "kiosk.led.pattern", "kiosk.button.recogniser",
    "kiosk.gpio.pins", "kiosk.ui.levels", "kiosk.ui.status_view", "kiosk.ui.info_view", "kiosk.ui.state_file",
    "print_service.forms", "print_service.forms.builtin", "print_service.forms.custom",
    "print_service.schedule", "print_service.schedule.model", "print_service.printing",
    "print_service.printing.words",
)

# Runs argv through the real entry point, then writes which modules are loaded to $LOADED_FILE.
PROBE = """
import atexit, json, os, sys
def _loaded():
    names = {m for m, module in sys.modules.items() if module is not None}
    with open(os.environ["LOADED_FILE"], "w") as out:
        json.dump(sorted(names), out)
atexit.register(_loaded)
for name in json.loads(os.environ.get("IMPORTS", "[]")):
    __import__(name)
if os.environ.get("LOAD_CONFIG"):
    from kiosk.config import load_config
    load_config()
exec(os.environ.get("CODE", ""))
if len(sys.argv) > 1:
    from kiosk.cli.main import main
    sys.exit(main(sys.argv[1:]))
"""

Probe = Callable[..., set[str]]


@pytest.fixture
def loaded_by(tmp_path: Path) -> Probe:
    """Run the probe in a fresh interpreter and return the heavy libraries it ended up holding (with `ours`:
    the kiosk's and print_service's own modules instead)."""

    def probe(*argv: str, imports: tuple[str, ...] = (), load_config: bool = False, code: str = "",
              env: dict[str, str] | None = None, ours: bool = False) -> set[str]:
        out = tmp_path / "loaded.json"
        environ = {**os.environ, "LOADED_FILE": str(out), "IMPORTS": json.dumps(list(imports)),
                   "LOAD_CONFIG": "1" if load_config else "", "CODE": code, "PYTHONPATH": str(REPO), **(env or {})}
        done = subprocess.run([sys.executable, "-c", PROBE, *argv], env=environ, cwd=REPO, capture_output=True,
                              text=True, timeout=60, check=False)
        assert done.returncode == 0, done.stderr  # a run that failed early would load less
        modules = set(json.loads(out.read_text()))
        if ours:
            return {name for name in modules if name.split(".")[0] in ("kiosk", "print_service")}
        return {name.split(".")[0] for name in modules} & set(HEAVY)

    return probe


def test_the_probe_sees_a_heavy_import(loaded_by: Probe) -> None:
    assert loaded_by(imports=("kiosk.status.fetch",)) == {"httpx"}


def test_config_and_the_pure_core_load_no_heavy_library(loaded_by: Probe, write_config: Callable[..., Path],
                                                        tmp_path: Path) -> None:
    form = tmp_path / "intake.pdf"
    form.write_bytes(b"%PDF-1.4\n" + b" " * 200)
    config = write_config(f'[led]\nkind = "rgb"\npins = {{ red = "GPIO17", green = "GPIO27", blue = "BOARD15" }}\n'
                          f'[button]\npin = "GPIO5"\n[forms]\nintake = "{form}"\n')
    assert loaded_by(imports=PURE_CORE, load_config=True, env={"DOWNTIME_KIOSK_CONFIG": str(config)}) == set()


def test_checking_the_configuration_builds_no_form(loaded_by: Probe, write_config: Callable[..., Path]) -> None:
    """The form model and the built-in forms are data, but not small: `status` checks the config without them."""
    config = write_config('[printing]\npacket = ["therapist-note", "procedure-card"]\n')
    loaded = loaded_by(load_config=True, env={"DOWNTIME_KIOSK_CONFIG": str(config)}, ours=True)
    assert "print_service.forms.settings" in loaded  # the probe sees our modules
    assert not loaded & {"print_service.forms.model", "print_service.forms.blocks", "print_service.forms.builtin",
                         "print_service.printing.model", "print_service.schedule.model"}, sorted(loaded)


def test_the_watch_daemon_loads_renderers_and_parsers_only_when_used(loaded_by: Probe) -> None:
    """Built for a box, the daemon holds the printer (cups), the fetcher (httpx) and the cache's cipher; the
    renderer, the parsers and gpiozero wait for a print, a fetched document, a fitted LED or button."""
    loaded = loaded_by(imports=("kiosk.watch.wiring", "kiosk.watch.daemon", "kiosk.watch.hardware"))
    assert loaded <= {"httpx", "cups", "cryptography"}, sorted(loaded)
    assert "httpx" in loaded


WATCH_REFRESH = """
import asyncio
from datetime import datetime, UTC
from kiosk.config import load_config
from kiosk.watch.schedule_part import SchedulePart
from kiosk.watch.state import WatchState
from kiosk.watch.wiring import build_services
config = load_config()
part = next(p for p in build_services(config).parts if isinstance(p, SchedulePart))
state = WatchState(config_source=config.source)
asyncio.run(part.update(state, datetime.now(UTC)))
assert state.schedule.count == 1 and state.schedule.error is None, state.schedule
"""


def test_the_watch_daemon_fetches_the_schedule_in_a_child_process(
        loaded_by: Probe, write_config: Callable[..., Path], http_server: LocalHTTPServer) -> None:
    """The calendar parsers and the heap a parse leaves stay out of the long-running daemon."""
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=1)
    http_server.route("/clinic.ics", Reply(body=ics_with([(start, start + timedelta(minutes=50), CANARY, THERAPIST)]),
                                           content_type="text/calendar"))
    config = write_config(f'[schedule]\nsource = "{http_server.url}/clinic.ics"\ntimezone = "UTC"\n')
    env = {"DOWNTIME_KIOSK_CONFIG": str(config)}
    assert "kiosk.watch.schedule_refresh" in loaded_by(code=WATCH_REFRESH, env=env, ours=True)
    heavy = loaded_by(code=WATCH_REFRESH, env=env)
    assert "cryptography" in heavy  # it did read the new copy back (the schedule block's count)
    assert "icalendar" not in heavy, sorted(heavy)


def test_help_loads_no_heavy_library(loaded_by: Probe) -> None:
    assert loaded_by("--help") == set()
    assert loaded_by("status", "--help") == set()


def test_status_loads_only_httpx(loaded_by: Probe, status_world: StatusWorld,
                                 write_config: Callable[..., Path]) -> None:
    status_world.instatus("UP")
    config = write_config(
        f'[status]\npage_url = "{status_world.page.url}"\nehr_url = "{status_world.ehr.url}/"\n'
        f'upload_url = "{status_world.upload.url}/"\ninternet_urls = ["{status_world.canary.url}/generate_204"]\n'
        "timeout_seconds = 2\n")
    assert loaded_by("--config", str(config), "status", "--json") == {"httpx"}


SCREEN = """
from kiosk.config import load_config
from kiosk.ui.wiring import context_from_config
import kiosk.ui.app, kiosk.ui.root
ctx = context_from_config(load_config())
assert [form.id for form in ctx.print_desk.forms()][:2] == ["therapist-note", "prescriber-note"]
assert ctx.schedule_desk is not None
"""


def test_the_screen_loads_no_renderer_schedule_or_gpio_library_until_it_prints(
        loaded_by: Probe, write_config: Callable[..., Path], tmp_path: Path) -> None:
    feed = tmp_path / "feed.ics"
    feed.write_text("BEGIN:VCALENDAR\nEND:VCALENDAR\n")
    config = write_config(f'[printing]\noutput_dir = "{tmp_path}/out"\n[schedule]\nsource = "{feed}"\n')
    env = {"DOWNTIME_KIOSK_CONFIG": str(config), "KIVY_NO_ARGS": "1", "KIVY_NO_CONSOLELOG": "1",
           "KIVY_HOME": str(tmp_path / "kivy")}
    assert loaded_by(code=SCREEN, env=env) <= {"cups", "kivy"}
    printed = SCREEN + "assert ctx.print_desk.print_form('therapist-note', 1, print).ok\n"
    assert "reportlab" in loaded_by(code=printed, env=env)

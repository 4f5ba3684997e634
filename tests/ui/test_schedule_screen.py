"""The unlocked Schedule screen on the real encrypted cache: today's and the next clinic day's visits with
"data as of", printing the day and the pre-filled notes to a real cupsd, and no name left after it locks."""

from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.ui.pin import hash_pin
from kiosk.ui.services import ServiceScheduleDesk
from print_service.forms.catalogue import FormCatalogue
from print_service.paths import AppPaths
from print_service.printing import PrintingSettings
from print_service.printing.service import PrintService
from print_service.schedule import ScheduleSettings
from print_service.schedule.cache import ScheduleCache
from print_service.schedule.printer import cups_document_printer
from tests.fixtures.calendars import ics_with
from tests.fixtures.cupsd import CaptureQueue, PrivateCupsd
from tests.fixtures.xvfb import KivyHarness
from tests.ui.conftest import MakeCtx
from tests.ui.states import NOW, FakeClock, make_state, write_state

TODAY_PATIENT = "Zebediah Testcase-Moonbeam"
NEXT_PATIENT = "Ophelia Notarealname"
PROVIDER = "Dr. Imaginary Quill"


def schedule_desk(tmp_path: Path, clock: FakeClock, cupsd: PrivateCupsd, queue: CaptureQueue) -> ServiceScheduleDesk:
    feed = tmp_path / "clinic.ics"
    feed.write_text(ics_with([
        (NOW + timedelta(hours=1), NOW + timedelta(hours=2), TODAY_PATIENT, PROVIDER),
        (NOW + timedelta(days=1, hours=-4), NOW + timedelta(days=1, hours=-3), NEXT_PATIENT, PROVIDER),
    ]))
    settings = ScheduleSettings(source=str(feed), provider_from="description:Provider")
    paths = AppPaths(state_dir=tmp_path / "state", runtime_dir=tmp_path / "run", key_file=tmp_path / "schedule.key")
    cache = ScheduleCache(settings, paths, now=clock.now)
    assert cache.refresh().ok
    service = PrintService(PrintingSettings(printer=queue.name), server=cupsd.server)
    return ServiceScheduleDesk(cache, cups_document_printer(service, now=clock.now),
                               FormCatalogue(cache_dir=tmp_path / "forms"), now=clock.now)


@pytest.fixture
def desk_and_queue(tmp_path: Path, clock: FakeClock, cupsd: PrivateCupsd) -> tuple[ServiceScheduleDesk, CaptureQueue]:
    queue = cupsd.add_capture_queue()
    return schedule_desk(tmp_path, clock, cupsd, queue), queue


def unlock(kivy: KivyHarness, root: object) -> object:
    kivy.tap(root.nav.tabs["schedule"])  # type: ignore[attr-defined]
    screen = root.screens["schedule"]  # type: ignore[attr-defined]
    for key in [*"2468", "OK"]:
        kivy.tap(screen.pad.keys[key])
    kivy.wait_until(lambda: screen.data is not None, what="the schedule to load")
    kivy.frames(3)
    return screen


def test_unlocked_schedule_shows_both_days_prints_and_forgets_names_when_locked(
        kivy_screen: KivyHarness, make_ctx: MakeCtx, state_path: Path, clock: FakeClock,
        desk_and_queue: tuple[ServiceScheduleDesk, CaptureQueue]) -> None:
    desk, queue = desk_and_queue
    write_state(state_path, make_state("outage"))
    root = kivy_screen.mount(make_ctx(pin_hash=hash_pin("2468"), lock_seconds=60, schedule_desk=desk))
    assert all(TODAY_PATIENT not in text for text in kivy_screen.texts())
    screen = unlock(kivy_screen, root)
    kivy_screen.screenshot("schedule-unlocked")
    text = "\n".join(kivy_screen.texts())
    assert TODAY_PATIENT in text and NEXT_PATIENT in text and PROVIDER in text
    assert "TODAY: Wed 25 Nov" in text and "NEXT CLINIC DAY: Thu 26 Nov" in text
    assert screen.as_of.text.startswith("Schedule — data as of 14:30 today")  # type: ignore[attr-defined]

    kivy_screen.tap(kivy_screen.find("Print today"))
    kivy_screen.wait_until(lambda: screen.result.text.startswith(("Printed", "FAILED")),  # type: ignore[attr-defined]
                           timeout=30, what="the day's schedule to print")
    assert screen.result.text == "Printed the schedule for Wed 25 Nov"  # type: ignore[attr-defined]
    assert queue.wait_for_documents(1)[0].read_bytes().startswith(b"%PDF")

    kivy_screen.tap(kivy_screen.find("Pre-filled packet Thu 26 Nov"))
    kivy_screen.wait_until(lambda: screen.result.text.startswith(("Printed", "FAILED")),  # type: ignore[attr-defined]
                           timeout=30, what="the pre-filled notes to print")
    assert screen.result.text == "Printed 1 pre-filled notes for Thu 26 Nov"  # type: ignore[attr-defined]
    assert len(queue.wait_for_documents(2)) == 2

    clock.advance(61)
    write_state(state_path, make_state("outage", now=clock.now()))
    root.tick()  # type: ignore[attr-defined]
    kivy_screen.frames(2)
    assert not screen.showing_unlocked  # type: ignore[attr-defined]
    assert all(TODAY_PATIENT not in t and NEXT_PATIENT not in t for t in kivy_screen.texts())

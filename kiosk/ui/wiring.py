"""Builds the screen's `UiContext` from the configuration and runs the screen.

Printing and the schedule are wired here once (`kiosk.ui.services`); when one of them cannot be
set up the screen still runs and says why on the Print or Schedule screen.
"""

import logging
import os
import tempfile
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from kiosk.config import Config
from kiosk.drill.store import DrillStore
from kiosk.errors import DowntimeKioskError
from kiosk.reconcile.book import ReconcileBook
from kiosk.status.settings import StatusSettings
from kiosk.ui import kivy_env
from kiosk.ui.catchup_desk import CatchUpDesk
from kiosk.ui.context import UiContext
from kiosk.ui.drill_desk import DrillDesk, NotingPrintDesk, NotingScheduleDesk
from kiosk.ui.pin import configured_pin_hash
from kiosk.ui.services import ServicePrintDesk, ServiceScheduleDesk
from kiosk.ui.settings import UiSettings
from kiosk.wiring import catalogue_from_config
from print_service.errors import PrintServiceError
from print_service.forms.settings import PracticeSettings
from print_service.paths import AppPaths
from print_service.printing import PrintingSettings
from print_service.printing.service import PrintService
from print_service.schedule import ScheduleSettings
from print_service.schedule.cache import ScheduleCache
from print_service.schedule.printer import cups_document_printer

__all__ = ["context_from_config", "kivy_home", "run_screen"]

log = logging.getLogger(__name__)


def context_from_config(config: Config, *, fullscreen: bool | None = None) -> UiContext:
    """The screen's inputs for `config` (`fullscreen` overrides `ui.fullscreen`, e.g. for the demo)."""
    settings = config.get(UiSettings)
    settings = replace(settings, pin_hash=configured_pin_hash(settings.pin_hash))  # the setup's pin.hash first
    if fullscreen is not None and fullscreen != settings.fullscreen:
        settings = replace(settings, fullscreen=fullscreen)
    status = config.get(StatusSettings)
    paths = config.get(AppPaths)
    ctx = UiContext(
        settings=settings,
        state_file=paths.state_file,
        stale_after=max(60.0, 3 * status.poll_seconds + status.confirm_seconds),
        config_source=config.source,
        pin_lockout_file=paths.state_dir / "pin-lockout.json",
    )
    drills = DrillDesk(DrillStore(paths.state_dir), lambda: datetime.now().astimezone(),
                       upload_url=status.upload_url)
    ctx.drill_desk = drills
    try:
        service = PrintService(config.get(PrintingSettings))
        catalogue = catalogue_from_config(config)
        ctx.print_desk = NotingPrintDesk(ServicePrintDesk(service, catalogue), drills)
        schedule = config.get(ScheduleSettings)
        zone = schedule.timezone
        ctx.catchup_desk = CatchUpDesk(
            ScheduleCache(schedule, paths) if schedule.source else None,
            cups_document_printer(service, now=lambda: datetime.now(zone)), ReconcileBook(paths.state_dir),
            practice=config.get(PracticeSettings).name, zone=zone, paper=config.get(PrintingSettings).paper,
            now=lambda: datetime.now(zone))
        if schedule.source:
            ctx.schedule_desk = NotingScheduleDesk(ServiceScheduleDesk(
                ScheduleCache(schedule, paths), cups_document_printer(service, now=lambda: datetime.now(zone)),
                catalogue, paper=config.get(PrintingSettings).paper), drills)
        else:
            ctx.schedule_unavailable = "no schedule source is configured ([schedule] source)"
    except (DowntimeKioskError, PrintServiceError) as exc:
        log.warning("printing is not available on the screen: %s", exc)
        ctx.print_unavailable = ctx.schedule_unavailable = str(getattr(exc, "user_message", exc))
    return ctx


def kivy_home(paths: AppPaths) -> Path:
    """A writable folder for Kivy's own files: $KIVY_HOME, else in the runtime dir, else a temp dir."""
    if os.environ.get("KIVY_HOME"):
        return Path(os.environ["KIVY_HOME"])
    candidate = paths.runtime_dir / "kivy"
    try:
        candidate.mkdir(parents=True, exist_ok=True)
        if os.access(candidate, os.W_OK):
            return candidate
    except OSError:
        pass
    return Path(tempfile.mkdtemp(prefix="downtime-kiosk-kivy-"))


def run_screen(ctx: UiContext, paths: AppPaths) -> int:
    """Set Kivy's environment, then import and run the app (Kivy reads its settings at import)."""
    kivy_env.prepare(ctx.settings, kivy_home(paths))
    from kiosk.ui.app import run_app

    return run_app(ctx)

"""Building the daemon's real components from the configuration: the one place that knows them all."""

from pathlib import Path

from kiosk.config import Config
from kiosk.config.loader import BUILTIN_SOURCE
from kiosk.drill.store import DrillStore
from kiosk.reconcile.book import ReconcileBook
from kiosk.reconcile.settings import ReconcileSettings
from kiosk.status.monitor import StatusMonitor
from kiosk.status.settings import StatusSettings
from kiosk.watch.catchup_button import CatchUpButton
from kiosk.watch.daemon import WatchServices
from kiosk.watch.downtime_part import DowntimeLogPart
from kiosk.watch.drill_button import DrillNotes
from kiosk.watch.drill_part import DrillPart
from kiosk.watch.files import AlertsPart, NightlyPart, SetupConfigErrorPart
from kiosk.watch.part import Part
from kiosk.watch.printer import ButtonPrints, JobBook, PrinterPart
from kiosk.watch.reconcile_part import ReconcilePart
from kiosk.watch.schedule_part import SchedulePart
from kiosk.watch.schedule_refresh import ChildRefresh
from kiosk.wiring import catalogue_from_config, paper_from_config
from print_service.alerts import AlertStore
from print_service.forms import PracticeSettings
from print_service.paths import AppPaths
from print_service.printing import PrintingSettings
from print_service.printing.service import PrintService
from print_service.schedule import ScheduleSettings
from print_service.schedule.cache import ScheduleCache
from print_service.schedule.records import NightlyStore

__all__ = ["build_services"]


def build_services(config: Config, *, monitor: StatusMonitor | None = None) -> WatchServices:
    """The status monitor, the periodic parts and the button's print actions for `config`.

    Tests pass their own `monitor` (the real one, on a clock they step).
    """
    paths = config.get(AppPaths)
    monitor = monitor or StatusMonitor(config.get(StatusSettings), paths)
    service = PrintService(config.get(PrintingSettings))
    book = JobBook()
    schedule = ScheduleCache(config.get(ScheduleSettings), paths)
    parts: list[Part] = [
        PrinterPart(service, book),
        SchedulePart(schedule, _child_refresh(config, schedule)),
        NightlyPart(NightlyStore(paths.state_dir)),
        AlertsPart(AlertStore(paths.alerts_dir).active),
        SetupConfigErrorPart(paths.state_dir / "config-error.json"),
        DowntimeLogPart(monitor.downtime_log),
    ]
    prints = ButtonPrints(service, catalogue_from_config(config), book, schedule=schedule,
                          paper=paper_from_config(config))
    zone = config.get(ScheduleSettings).timezone
    reconcile_book = ReconcileBook(paths.state_dir)
    reconcile = ReconcilePart(monitor.downtime_log, reconcile_book, config.get(ReconcileSettings), zone)
    parts.append(reconcile)
    catchup = CatchUpButton(prints, reconcile, reconcile_book, practice=config.get(PracticeSettings).name,
                            zone=zone, now=prints.now)
    drills = DrillStore(paths.state_dir)
    parts.append(DrillPart(drills, upload_url=config.get(StatusSettings).upload_url))
    actions = DrillNotes(catchup, drills, prints.now)
    return WatchServices(monitor=monitor, parts=parts, actions=actions)


def _child_refresh(config: Config, cache: ScheduleCache) -> ChildRefresh | None:
    """The refresh in a child process reading the same file; in the daemon when there is no file."""
    return ChildRefresh(Path(config.source), cache) if config.source != BUILTIN_SOURCE else None

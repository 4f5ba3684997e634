"""Building the daemon's real components from the configuration: the one place that knows them all."""

from kiosk.config import Config
from kiosk.status.monitor import StatusMonitor
from kiosk.status.settings import StatusSettings
from kiosk.watch.daemon import WatchServices
from kiosk.watch.downtime_part import DowntimeLogPart
from kiosk.watch.files import AlertsPart, NightlyPart, SetupConfigErrorPart
from kiosk.watch.part import Part
from kiosk.watch.printer import ButtonPrints, JobBook, PrinterPart
from kiosk.watch.schedule_part import SchedulePart
from kiosk.wiring import catalogue_from_config, paper_from_config
from print_service.alerts import AlertStore
from print_service.paths import AppPaths
from print_service.printing import PrintingSettings
from print_service.printing.service import PrintService
from print_service.schedule import ScheduleSettings
from print_service.schedule.cache import ScheduleCache
from print_service.schedule.records import NightlyStore

__all__ = ["build_services"]


def build_services(config: Config) -> WatchServices:
    """The status monitor, the periodic parts and the button's print actions for `config`."""
    paths = config.get(AppPaths)
    monitor = StatusMonitor(config.get(StatusSettings), paths)
    service = PrintService(config.get(PrintingSettings))
    book = JobBook()
    schedule = ScheduleCache(config.get(ScheduleSettings), paths)
    parts: list[Part] = [
        PrinterPart(service, book),
        SchedulePart(schedule),
        NightlyPart(NightlyStore(paths.state_dir)),
        AlertsPart(AlertStore(paths.alerts_dir).active),
        SetupConfigErrorPart(paths.state_dir / "config-error.json"),
        DowntimeLogPart(monitor.downtime_log),
    ]
    actions = ButtonPrints(service, catalogue_from_config(config), book, schedule=schedule,
                           paper=paper_from_config(config))
    return WatchServices(monitor=monitor, parts=parts, actions=actions)

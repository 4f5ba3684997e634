"""Building the daemon's real components from the configuration (the one place that knows them all)."""

from kiosk.config import Config
from kiosk.watch.daemon import WatchServices

__all__ = ["build_services"]


def build_services(config: Config) -> WatchServices:
    """The status monitor, the periodic parts and the button's print actions for `config`."""
    raise NotImplementedError("the status engine has not landed yet")

"""`downtime-kiosk watch`: the headless daemon behind the LED, the button and the screen's state file.

Runs until SIGTERM or SIGINT, then turns the LED off and exits 0 within two seconds.
A configuration file with a mistake does not stop it: it runs on the built-in defaults
and publishes the mistake as a `config` alert, so the wall still shows the status.
"""

import argparse
import asyncio
import logging
import os
import signal
from pathlib import Path

from kiosk.cli.command import Context
from kiosk.config import BUILTIN_SOURCE, DEFAULT_CONFIG_PATH, Config, parse_config
from kiosk.config.loader import ENV_VAR
from kiosk.errors import ConfigError
from kiosk.watch.logs import configure_logging

log = logging.getLogger("kiosk.watch")


def _config_path(context: Context) -> Path | None:
    if context.config_path is not None:
        return context.config_path
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    return DEFAULT_CONFIG_PATH if DEFAULT_CONFIG_PATH.exists() else None


def _load(context: Context) -> tuple[Config, str | None]:
    try:
        return context.config, None
    except ConfigError as exc:
        log.error("configuration problem, running on the built-in defaults: %s", exc,
                  extra={"EVENT": "alert", "KIND": "config"})
        path = _config_path(context)
        return parse_config({}, str(path) if path else BUILTIN_SOURCE), str(exc)


async def _serve(config: Config, error: str | None, config_path: Path | None) -> int:
    # imported here: every CLI call loads every command module, and only `watch` needs the whole stack
    from kiosk.watch.config_watch import ConfigPart
    from kiosk.watch.daemon import WatchDaemon
    from kiosk.watch.wiring import build_services

    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    services = build_services(config)
    services.parts.append(ConfigPart(config_path))
    await WatchDaemon(config, services, config_error=error).run(stop)
    return 0


def run(args: argparse.Namespace, context: Context) -> int:
    """Run the daemon in the foreground until stopped."""
    configure_logging(bool(getattr(args, "verbose", False)))
    config, error = _load(context)
    return asyncio.run(_serve(config, error, _config_path(context)))

"""`downtime-kiosk ui`: the wall screen; `ui --set-pin` makes the `ui.pin_hash` line for a new PIN.

The screen reads only the watch daemon's state file, so it can start before the daemon and
says "status monitor not running" until the daemon writes.
"""

import argparse
import getpass
import logging
import sys

from kiosk.cli.command import Context
from kiosk.config import BUILTIN_SOURCE, Config, parse_config
from kiosk.errors import ConfigError, UsageError
from kiosk.ui.pin import hash_pin, valid_pin
from print_service.paths import AppPaths

log = logging.getLogger("kiosk.ui")


def run(args: argparse.Namespace, context: Context) -> int:
    """Print the PIN hash line, or run the screen until it is stopped."""
    if args.set_pin:
        return _set_pin()
    from kiosk.ui.wiring import context_from_config, run_screen

    config = _config_or_defaults(context)
    ctx = context_from_config(config, fullscreen=False if args.window else None)
    return run_screen(ctx, config.get(AppPaths))


def _config_or_defaults(context: Context) -> Config:
    """The configuration; when it is broken, the built-in defaults, so the wall still shows the status.

    The watch daemon does the same and publishes the mistake as an alert, which the screen shows.
    """
    try:
        return context.config
    except ConfigError as exc:
        log.error("configuration problem, the screen runs on the built-in defaults: %s", exc)
        return parse_config({}, BUILTIN_SOURCE)


def _set_pin() -> int:
    if sys.stdin.isatty():
        pin = getpass.getpass("New PIN (6-12 digits): ").strip()
        if getpass.getpass("Same PIN again: ").strip() != pin:
            raise UsageError("the two PINs differ; nothing changed")
    else:
        pin = sys.stdin.readline().strip()
    if not valid_pin(pin):
        raise UsageError("a new PIN is 6 to 12 digits (the screen's pad has only digits)")
    print("# put this line in the [ui] section of the configuration file:")
    print(f'pin_hash = "{hash_pin(pin)}"')
    return 0

"""`downtime-kiosk config check`: validate the configuration file and say where it came from.

The IT person runs it after editing the file; first boot runs it before installing one.
"""

import argparse
import sys

from kiosk.cli.command import Context
from kiosk.ui.pin import pin_warning
from kiosk.ui.settings import UiSettings


def run(args: argparse.Namespace, context: Context) -> int:
    """Load the configuration (raising ConfigError, exit 78, when it is wrong); warnings on stderr."""
    config = context.config
    warning = pin_warning(config.get(UiSettings).pin_hash)
    if warning:
        print(f"downtime-kiosk: warning: {warning}", file=sys.stderr)
    print(f"configuration OK: {config.source}")
    return 0

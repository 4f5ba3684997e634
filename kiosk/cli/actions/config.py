"""`downtime-kiosk config check`: validate the configuration file and say where it came from.

The IT person runs it after editing the file; first boot runs it before installing one.
"""

import argparse

from kiosk.cli.command import Context


def run(args: argparse.Namespace, context: Context) -> int:
    """Load the configuration (raising ConfigError, exit 78, when it is wrong)."""
    config = context.config
    print(f"configuration OK: {config.source}")
    return 0

"""`downtime-kiosk config check`: validate the configuration file and say where it came from.

The IT person runs it after editing the file; first boot runs it before installing one.
"""

import argparse

from kiosk.cli.command import Context
from kiosk.config.sections.forms import open_custom_forms


def run(args: argparse.Namespace, context: Context) -> int:
    """Load the configuration and open the practice's own PDFs (raising ConfigError, exit 78, when wrong)."""
    config = context.config
    open_custom_forms(config)
    print(f"configuration OK: {config.source}")
    return 0

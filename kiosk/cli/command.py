"""What a subcommand of `downtime-kiosk` is.

Each module in `kiosk/cli/commands/` defines `COMMAND = Command(...)`; `main` finds them
all, so a new capability adds its subcommand without touching the entry point.
"""

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from kiosk.config import Config, load_config

__all__ = ["Command", "Context"]


class Context:
    """What a command gets besides its arguments: the configuration, loaded on first use.

    Loading lazily keeps `--help` and usage errors working with a broken config file.
    """

    def __init__(self, config_path: Path | None) -> None:
        self.config_path = config_path

    @cached_property
    def config(self) -> Config:
        """The validated configuration (raises ConfigError, exit 78)."""
        return load_config(self.config_path)


@dataclass(frozen=True)
class Command:
    """One subcommand: its name, one-line help, how to add its arguments, and what it runs.

    >>> COMMAND = Command("status", "show whether ICANotes can be used", add_arguments, run)

    `run` returns the exit code; it may raise any DowntimeKioskError or PrintServiceError,
    whose `exit_code` the CLI returns after printing one line on stderr.
    """

    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, Context], int]
    description: str = ""

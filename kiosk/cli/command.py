"""What a subcommand of `downtime-kiosk` is: a declaration that names its implementation without importing it.

Each module in `kiosk/cli/commands/` declares `COMMAND = Command(...)`: the name, the one-line
help and the arguments (argparse only), plus `run`, the "module:function" that does the work.
That module is imported only when the command runs, so `--help`, `status` and the Nagios check
never load the screen, the forms renderer or the schedule's libraries. Implementations live in
`kiosk/cli/actions/`.
"""

import argparse
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from kiosk.config import Config, load_config

__all__ = ["Command", "Context", "Runner"]


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


Runner = Callable[[argparse.Namespace, Context], int]
"""What a command runs: the parsed arguments and the context in, the exit code out."""


@dataclass(frozen=True)
class Command:
    """One subcommand: its name, one-line help, how to add its arguments, and where its `run` lives.

    >>> COMMAND = Command("status", "show whether ICANotes can be used", add_arguments,
    ...                   "kiosk.cli.actions.status:run")

    The runner returns the exit code; it may raise any DowntimeKioskError or PrintServiceError,
    whose `exit_code` the CLI returns after printing one line on stderr.
    """

    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: str
    description: str = ""

    def load(self) -> Runner:
        """Import the implementation and return its runner (only the chosen command is loaded)."""
        module_name, _, function = self.run.partition(":")
        runner: Runner = getattr(importlib.import_module(module_name), function)
        return runner

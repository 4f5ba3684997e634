"""One declaration module per subcommand of `downtime-kiosk`; each defines `COMMAND` (name, help, arguments).

A declaration imports only argparse and `kiosk.cli.command`: the work is in `kiosk/cli/actions/`,
named by `Command.run` and imported only when that command runs. A new command is one module here
plus its action.
"""

import importlib
import pkgutil

from kiosk.cli.command import Command

__all__ = ["all_commands"]


def all_commands() -> list[Command]:
    """Every subcommand in this package, in name order."""
    commands: list[Command] = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        command = getattr(module, "COMMAND", None)
        if isinstance(command, Command):
            commands.append(command)
    return sorted(commands, key=lambda c: c.name)

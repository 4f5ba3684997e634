"""The one command-line entry point, `downtime-kiosk` (also `python -m kiosk`).

Exit codes are the same for every command: 0 done, 1 the operation failed, 64 bad usage or
an unknown name, 69 a service we need cannot be reached, 78 bad configuration (`status`
alone uses 0-3 for the level). Errors are one line on stderr, never a traceback.
"""

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from kiosk import __version__
from kiosk.cli.command import Context
from kiosk.cli.commands import all_commands
from kiosk.errors import DowntimeKioskError
from print_service.errors import PrintServiceError
from print_service.exit_codes import ExitCode

__all__ = ["build_parser", "main"]

PROG = "downtime-kiosk"


class _Parser(argparse.ArgumentParser):
    """argparse with the project's usage exit code (64) instead of 2."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(ExitCode.USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The full parser: global options, then one subparser per discovered command."""
    parser = _Parser(prog=PROG, description="Downtime kiosk for ICANotes: status, forms, schedule.")
    parser.add_argument("--config", type=Path, metavar="PATH",
                        help="configuration file (default: $DOWNTIME_KIOSK_CONFIG, else "
                             "/etc/downtime-kiosk/config.toml, else built-in defaults)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug detail on stderr")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for command in all_commands():
        child = sub.add_parser(command.name, help=command.help, description=command.description or command.help)
        command.add_arguments(child)
        child.set_defaults(_command=command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse, run one command, and turn expected errors into one line and an exit code."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format=f"{PROG}: %(levelname)s: %(message)s")
    context = Context(args.config)
    try:
        return int(args._command.load()(args, context))
    except (DowntimeKioskError, PrintServiceError) as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return int(exc.exit_code)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

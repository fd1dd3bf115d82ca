"""The ``runtimer`` command: one parser, and the edge where a :class:`UserError` becomes one line.

Each family of commands adds its own subcommands (:mod:`~runtimer.cli.plans`,
:mod:`~runtimer.cli.history`, :mod:`~runtimer.cli.pace`, :mod:`~runtimer.cli.goal`,
:mod:`~runtimer.cli.training`); this module only
parses, dispatches and turns every problem the user can cause into one line on
stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import NoReturn

from runtimer import __version__
from runtimer.cli.goal import add_goal_command
from runtimer.cli.history import add_history_commands
from runtimer.cli.pace import add_pace_command
from runtimer.cli.plans import add_plan_commands, open_picker
from runtimer.cli.table import print_line
from runtimer.cli.training import add_training_commands
from runtimer.errors import USAGE_ERROR, UserError
from runtimer.plan.text import visible


class _Parser(argparse.ArgumentParser):
    """argparse prints usage plus an error; the runner gets one line instead."""

    def error(self, message: str) -> NoReturn:
        self.exit(USAGE_ERROR, visible(f"{self.prog}: {message} (see --help)") + "\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="runtimer",
        description="An interval timer for runners: jog and sprint phases cued by sound.",
    )
    parser.add_argument("--version", action="version", version=f"runtimer {__version__}")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    add_plan_commands(commands)
    add_history_commands(commands)
    add_pace_command(commands)
    add_goal_command(commands, date.today)
    add_training_commands(commands, date.today)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = getattr(args, "handler", open_picker)
    try:
        return handler(args)
    except UserError as error:
        print_line(f"runtimer: {error}", sys.stderr)
        return USAGE_ERROR
    except BrokenPipeError:
        # `runtimer history | head`: the reader left, which is not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0

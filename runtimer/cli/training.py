"""``runtimer plan``: its arguments. What it does is in :mod:`runtimer.cli.plan_calendar`, loaded
when it runs: the plan's code stays off the start-up path of every other command.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import TypeVar

_ParserT = TypeVar("_ParserT", bound=argparse.ArgumentParser)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MIN_WEEKS, MAX_WEEKS = 4, 24
"""The planner's own limits (:mod:`runtimer.coach.planner`), repeated here so parsing loads no planner;
a unit test holds the two copies equal."""


def add_training_commands(commands: argparse._SubParsersAction[_ParserT], today: Callable[[], date]) -> None:
    plan = commands.add_parser("plan", help="build a week-by-week plan toward your goal, or show it")
    plan.add_argument(
        "--weeks",
        type=_weeks_argument,
        metavar="N",
        help=f"weeks, {MIN_WEEKS}-{MAX_WEEKS} (default: to the race)",
    )
    plan.add_argument(
        "--days",
        type=_days_argument,
        metavar="DAYS",
        help="the days you can run: mon,wed,fri,sat (the default)",
    )
    plan.add_argument("--today", action="store_true", help="print today's session in one line, for scripts")
    plan.set_defaults(handler=lambda args: _plan(args, today()))


def _weeks_argument(text: str) -> int:
    if not text.isdigit() or not MIN_WEEKS <= int(text) <= MAX_WEEKS:
        raise argparse.ArgumentTypeError(f'"{text}" is not a number of weeks from {MIN_WEEKS} to {MAX_WEEKS}')
    return int(text)


def _days_argument(text: str) -> frozenset[int]:
    names = [name.strip().lower()[:3] for name in text.split(",")]
    unknown = [name for name in names if name not in WEEKDAYS]
    if unknown or not text.strip():
        raise argparse.ArgumentTypeError(f'"{text}" is not a list of days (try mon,wed,fri,sat)')
    return frozenset(WEEKDAYS.index(name) for name in names)


def _plan(args: argparse.Namespace, today: date) -> int:
    from runtimer.cli.plan_calendar import plan_command

    return plan_command(args, today)

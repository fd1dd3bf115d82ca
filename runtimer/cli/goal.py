"""``runtimer goal``: set the race goal, or show it with its VDOT, paces and equivalent times.

The maths lives in :mod:`runtimer.coach.goal` and :mod:`runtimer.coach.vdot`,
the file in :mod:`runtimer.config.goal_file` (loaded only when this command
runs, or when a goal file exists); this module reads arguments and lays out text.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from runtimer.cli.table import text_table
from runtimer.coach.goal_pace import PaceRate, format_pace
from runtimer.config.paths import goal_path
from runtimer.errors import UserError
from runtimer.plan.durations import format_time

if TYPE_CHECKING:  # the goal's maths loads when a goal is set or shown, not on every start
    from runtimer.coach.goal import Goal

_ParserT = TypeVar("_ParserT", bound=argparse.ArgumentParser)


def add_goal_command(commands: argparse._SubParsersAction[_ParserT], today: Callable[[], date]) -> None:
    goal = commands.add_parser("goal", help="set your race goal, or show it with its paces")
    goal.add_argument("distance", nargs="?", metavar="DISTANCE", help="5k, 10k, half, marathon, mile or 8km")
    goal.add_argument("time", nargs="?", metavar="TIME", help="the time to beat: 19:59 or 3:05:00")
    goal.add_argument("--on", type=date_argument, metavar="DATE", help="the race date, like 2027-03-14")
    goal.add_argument("--clear", action="store_true", help="forget the goal")
    goal.set_defaults(handler=lambda args: _goal(args, today()))


def date_argument(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f'"{text}" is not a date (try 2027-03-14)') from None


def _goal(args: argparse.Namespace, today: date) -> int:
    from runtimer.coach.goal import make_goal
    from runtimer.config.goal_file import load_goal, save_goal

    if args.clear:
        goal_path().unlink(missing_ok=True)
        print("goal cleared")
        return 0
    if args.distance is None:
        goal = load_goal()
        print("\n".join(goal_report(goal, today)) if goal else "no goal yet: runtimer goal 5k 19:59 sets one")
        return 0
    if args.time is None:
        example = f"runtimer goal {args.distance} 19:59"
        raise UserError(f'goal: "{args.distance}" needs a time to beat, like {example}')
    if args.on is not None and args.on <= today:
        raise UserError(f"--on: {args.on.isoformat()} is not after today ({today.isoformat()})")
    try:
        goal = make_goal(args.distance, args.time, args.on)
    except ValueError as error:
        raise UserError(f"goal: {error}") from None
    path = save_goal(goal)
    print("\n".join(goal_report(goal, today)))
    print(f"\nkept in {path}")
    return 0


def goal_report(goal: Goal, today: date) -> list[str]:
    """The goal, its VDOT, the three paces that come from it, and what it is worth at other races."""
    from runtimer.coach.vdot import INTERVAL_SHARE, REPETITION_SHARE

    when = ""
    if goal.race_on is not None:
        days = (goal.race_on - today).days
        ahead = f"in {days // 7} weeks" if days >= 14 else f"in {days} days" if days >= 0 else "past"
        when = f", race on {goal.race_on.isoformat()} ({ahead})"
    paces = [
        ["race pace", *_pace_cells(goal.race_pace), "the 400s run at this"],
        ["I pace", *_pace_cells(goal.interval), f"interval: {INTERVAL_SHARE:.0%} of VDOT"],
        ["R pace", *_pace_cells(goal.repetition), f"repetition: {REPETITION_SHARE:.1%} of VDOT"],
    ]
    equivalents = [[name, format_time(seconds)] for name, seconds in goal.equivalents()]
    return [
        f"goal: {goal.headline}{when}",
        f"VDOT {goal.vdot:.1f} (Daniels-Gilbert)",
        "",
        *text_table([["", "PER KM", "PER MILE", "400 M", ""], *paces], right=(1, 2, 3)),
        "",
        *text_table([["RACE", "EQUIVALENT (RIEGEL)"], *equivalents], right=(1,)),
    ]


def _pace_cells(rate: PaceRate) -> list[str]:
    return [format_pace(rate, "km"), format_pace(rate, "mi"), format_time(rate.seconds_per_km * 0.4)]


def goal_argument(text: str) -> Goal:
    """``5k=19:59`` for ``pace --goal``."""
    distance, equals, time = text.partition("=")
    if not equals:
        raise argparse.ArgumentTypeError(f'"{text}" is not a goal (try 5k=19:59)')
    from runtimer.coach.goal import make_goal

    try:
        return make_goal(distance, time)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None

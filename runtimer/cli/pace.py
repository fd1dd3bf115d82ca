"""``runtimer pace``: a usual pace in both units, a faster target from it, and track splits.

For the notes' 400 m repeats ("20-25% faster than what my normal running
pace is"): the runner types the pace they know, from a watch in minutes per
mile or kilometre or from a treadmill in km/h or mph, and gets the per-lap
times to aim for. The arithmetic lives in :mod:`runtimer.coach.goal_pace`; this
module only reads arguments and lays out text.
"""

from __future__ import annotations

import argparse
from typing import TypeVar

from runtimer.cli.goal import goal_argument
from runtimer.cli.table import text_table
from runtimer.coach.goal_pace import (
    GoalPace,
    PaceRate,
    format_pace,
    format_time_range,
    goal_pace,
    parse_pace_or_speed,
    parse_percent_range,
    split_seconds,
)
from runtimer.errors import UserError
from runtimer.plan.durations import format_time
from runtimer.plan.units import METRES_PER_UNIT, PaceUnit, check_plausible

SPLITS: tuple[tuple[str, float], ...] = (
    ("200 m", 200.0),
    ("400 m", 400.0),
    ("800 m", 800.0),
    ("1 km", 1000.0),
    ("1 mile", METRES_PER_UNIT["mi"]),
)
"""Track distances a runner times: half a lap to four laps, plus the two units paces are quoted in."""

_ParserT = TypeVar("_ParserT", bound=argparse.ArgumentParser)


def add_pace_command(commands: argparse._SubParsersAction[_ParserT]) -> None:
    """Add ``pace``; the CLI's parser class keeps its usage errors to one line."""
    pace = commands.add_parser("pace", help="a pace in both units, a faster target and track splits")
    pace.add_argument(
        "pace", nargs="?", metavar="PACE", help="your usual pace or speed: 8:30/mi, 5:17/km, 8:30, 12km/h"
    )
    pace.add_argument(
        "--goal",
        type=goal_argument,
        metavar="RACE=TIME",
        help="or a race goal: 5k=19:59",
    )
    pace.add_argument(
        "--faster",
        type=_percent_argument,
        metavar="PCT",
        help="a target this much faster (time per mile cut by PCT): 20, 20%% or 20-25%%",
    )
    pace.add_argument(
        "--unit", choices=("mi", "km"), default="mi", help="how to read a bare pace like 8:30 (default: mi)"
    )
    pace.set_defaults(handler=_pace)


def _percent_argument(text: str) -> tuple[float, float]:
    try:
        return parse_percent_range(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _pace(args: argparse.Namespace) -> int:
    if (args.pace is None) == (args.goal is None):
        raise UserError("pace: give a pace (8:30/mi) or a goal (--goal 5k=19:59), one of the two")
    # Read here, not as an argparse type: a bare "8:30" needs --unit, which may come after it.
    try:
        usual = args.goal.race_pace if args.goal else parse_pace_or_speed(args.pace, args.unit)
        goal = None if args.faster is None else goal_pace(usual, *args.faster)
        if goal is not None:
            fast = f"{format_pace(goal.fast, 'km')}, {format_pace(goal.fast, 'mi')}"
            fastest = f'"{args.pace or args.goal.headline}" made {goal.high_percent:g}% faster ({fast})'
            check_plausible(goal.fast.seconds_per_km, fastest)  # a calculator, but no sprint below 1:40/km
    except ValueError as error:
        raise UserError(str(error)) from None
    label = (f"{args.goal.headline} pace", "RACE") if args.goal else ("usual pace", "USUAL")
    print("\n".join(_report(usual, goal, *label)))
    return 0


def _report(usual: PaceRate, goal: GoalPace | None, label: str, column: str) -> list[str]:
    """``label`` and ``column`` name the pace the table starts from: the runner's usual one, or a
    goal's race pace."""
    paces = [[label, format_pace(usual, "mi"), format_pace(usual, "km"), _speeds(usual)]]
    header = ["DISTANCE", column]
    if goal is not None:
        label = f"{goal.low_percent:g}-{goal.high_percent:g}%" if goal.is_range else f"{goal.low_percent:g}%"
        paces.append([f"{label} faster", _pace_range(goal, "mi"), _pace_range(goal, "km")])
        header.append("TARGET")
        if goal.is_range:
            middle = f"{goal.target_percent:g}% faster, the middle of the range"
            paces.append(["aim for", format_pace(goal.target, "mi"), format_pace(goal.target, "km"), middle])
            header.append("AIM")
    splits = [[name, *_splits(usual, goal, metres)] for name, metres in SPLITS]
    return [*text_table(paces), "", *text_table([header, *splits], right=range(1, len(header)))]


def _speeds(rate: PaceRate) -> str:
    return f"{rate.kmh:.1f} km/h  {rate.mph:.1f} mph"


def _pace_range(goal: GoalPace, unit: PaceUnit) -> str:
    return f"{format_time_range(goal.fast.seconds_per(unit), goal.slow.seconds_per(unit))}/{unit}"


def _splits(usual: PaceRate, goal: GoalPace | None, metres: float) -> list[str]:
    cells = [format_time(split_seconds(usual, metres))]
    if goal is not None:
        cells.append(format_time_range(split_seconds(goal.fast, metres), split_seconds(goal.slow, metres)))
        if goal.is_range:
            cells.append(format_time(split_seconds(goal.target, metres)))
    return cells

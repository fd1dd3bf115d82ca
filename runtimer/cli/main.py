"""The ``runtimer`` command: argument parsing and plain-text output.

Every problem the user can cause ends as one line on stderr and exit code 2;
this module is the edge where :class:`UserError` turns into that line.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from runtimer import __version__
from runtimer.cli.history import add_history_commands
from runtimer.cli.pace import add_pace_command
from runtimer.cli.table import text_table
from runtimer.config.paths import seeds_dir, user_workouts_dir
from runtimer.config.settings import load_settings
from runtimer.errors import USAGE_ERROR, UserError
from runtimer.plan.durations import format_clock, parse_duration
from runtimer.plan.loader import Catalogue, Entry, load_workout_file
from runtimer.plan.overrides import Overrides, apply_overrides
from runtimer.plan.phases import expand, total_label
from runtimer.plan.units import Pace, parse_pace
from runtimer.session.prepare import HISTORY_WINDOW, prepare, with_goal_pace
from runtimer.store.null import open_store


class _Parser(argparse.ArgumentParser):
    """argparse prints usage plus an error; the runner gets one line instead."""

    def error(self, message: str) -> NoReturn:
        self.exit(USAGE_ERROR, f"{self.prog}: {message} (see --help)\n")


def _duration_argument(text: str) -> int:
    try:
        return parse_duration(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _pace_argument(text: str) -> Pace:
    try:
        return parse_pace(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _reps_argument(text: str) -> int:
    if not text.isdigit() or int(text) <= 0:
        raise argparse.ArgumentTypeError(f'"{text}" is not a rep count (a whole number above zero)')
    return int(text)


def _add_overrides(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("workout", help="a workout name, a .toml file, or a one-line workout in quotes")
    parser.add_argument("--reps", type=_reps_argument, help="reps of each repeated block")
    for kind in ("sprint", "jog", "warmup", "cooldown"):
        parser.add_argument(
            f"--{kind}", type=_duration_argument, metavar="DUR", help=f"length of every {kind} step"
        )
    parser.add_argument(
        "--usual-pace",
        type=_pace_argument,
        metavar="PACE",
        help="your everyday pace (8:30/mi): sets the goal pace of @goal steps",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="runtimer",
        description="An interval timer for runners: jog and sprint phases cued by sound.",
    )
    parser.add_argument("--version", action="version", version=f"runtimer {__version__}")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    listing = commands.add_parser("list", help="list every workout with its source and length")
    listing.set_defaults(handler=_list)

    show = commands.add_parser("show", help="print a workout's phases and total time")
    _add_overrides(show)
    show.set_defaults(handler=_show)

    run = commands.add_parser("run", help="run a workout now, skipping the picker")
    _add_overrides(run)
    run.add_argument("--mute", action="store_true", help="start with sound off")
    run.add_argument("--fresh", action="store_true", help="ignore history: rests as written")
    run.set_defaults(handler=_run)

    check = commands.add_parser("check", help="validate workout files")
    check.add_argument("files", nargs="+", type=Path, metavar="FILE")
    check.set_defaults(handler=_check)
    add_history_commands(commands)
    add_pace_command(commands)
    return parser


def _catalogue() -> Catalogue:
    return Catalogue.load(seeds_dir(), user_workouts_dir())


def _overrides(args: argparse.Namespace) -> Overrides:
    return Overrides(args.reps, args.sprint, args.jog, args.warmup, args.cooldown)


def _chosen(args: argparse.Namespace, catalogue: Catalogue) -> Entry:
    """The workout as written, with the edits asked for; a usual pace fills in @goal with
    the settings' "faster", so the 400s show the target times they would run to."""
    entry = catalogue.resolve(args.workout)
    workout = entry.workout
    if args.usual_pace is not None:
        workout = with_goal_pace(workout, load_settings().goal(args.usual_pace))
    return Entry(apply_overrides(workout, _overrides(args)), entry.source, entry.path)


def _run(args: argparse.Namespace) -> int:
    catalogue = _catalogue()
    entry = catalogue.resolve(args.workout)
    settings = load_settings()
    store = open_store()
    try:  # every input problem surfaces here, before the screen opens
        history = store.sessions(limit=HISTORY_WINDOW)
        prepared = prepare(entry, _overrides(args), settings, history, args.fresh, args.usual_pace)
    except BaseException:
        store.close()
        raise
    _launch()(catalogue, settings, store, prepared, mute=args.mute)
    return 0


def _app(args: argparse.Namespace) -> int:
    catalogue = _catalogue()
    settings = load_settings()
    _launch()(catalogue, settings, open_store())
    return 0


def _launch() -> Callable[..., None]:
    """The UI and sound stack load only for commands that open them: ``list`` stays quick."""
    from runtimer.launch import launch

    return launch


def _list(args: argparse.Namespace) -> int:
    catalogue = _catalogue()
    rows = []
    for name, entry in sorted(catalogue.entries.items()):
        phases = expand(entry.workout)
        rows.append((name, entry.source, total_label(phases), entry.workout.description))
    _print_table(("NAME", "SOURCE", "TOTAL", "DESCRIPTION"), rows)
    for problem in catalogue.problems.values():
        print(f"runtimer: skipped {problem}", file=sys.stderr)
    return 0


def _show(args: argparse.Namespace) -> int:
    entry = _chosen(args, _catalogue())
    phases = expand(entry.workout)
    print(f"{entry.workout.name} ({entry.source}): {entry.workout.description}".rstrip(": "))
    rows = [
        (
            str(number),
            phase.kind.value,
            "lap" if phase.duration is None else format_clock(phase.duration),
            phase.rep_label,
            phase.targets_label,
        )
        for number, phase in enumerate(phases, start=1)
    ]
    _print_table(("#", "KIND", "TIME", "REP", "TARGETS"), rows, right=(0, 2))
    print(f"Total: {total_label(phases)}")
    return 0


def _check(args: argparse.Namespace) -> int:
    failed = False
    for path in args.files:
        try:
            load_workout_file(path)
        except UserError as error:
            print(f"runtimer check: {error}", file=sys.stderr)
            failed = True
        else:
            print(f"{path}: ok")
    return USAGE_ERROR if failed else 0


def _print_table(header: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[int] = ()) -> None:
    print("\n".join(text_table([header, *rows], right)))


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = getattr(args, "handler", _app)
    try:
        return handler(args)
    except UserError as error:
        print(f"runtimer: {error}", file=sys.stderr)
        return USAGE_ERROR
    except BrokenPipeError:
        # `runtimer history | head`: the reader left, which is not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0

"""``runtimer`` (the picker), ``run``, ``show``, ``list`` and ``check``: the commands about workouts.

Every input problem surfaces here as a :class:`~runtimer.errors.UserError`
before any screen opens, so a typo costs one line on the terminal, never a
half-drawn app. The UI and sound stack load only for the commands that open
them: ``list`` and ``show`` stay quick.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from runtimer.cli.table import print_line, print_table
from runtimer.config.paths import goal_path, seeds_dir, training_plan_path, user_workouts_dir
from runtimer.config.settings import load_settings
from runtimer.errors import USAGE_ERROR, UserError
from runtimer.plan.durations import format_clock, parse_duration
from runtimer.plan.loader import FOREIGN_SUFFIXES, Catalogue, Entry, load_workout_file
from runtimer.plan.models import Workout
from runtimer.plan.overrides import Overrides, apply_overrides
from runtimer.plan.phases import expand, total_label
from runtimer.plan.units import Pace, parse_pace
from runtimer.session.prepare import HISTORY_WINDOW, goal_pace, prepare, with_goal_pace
from runtimer.store.null import open_store

if TYPE_CHECKING:
    from runtimer.coach.goal import Goal
    from runtimer.coach.planner import PlannedSession, TrainingPlan

_ParserT = TypeVar("_ParserT", bound=argparse.ArgumentParser)


def add_plan_commands(commands: argparse._SubParsersAction[_ParserT]) -> None:
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

    check = commands.add_parser("check", help="validate workout files (.toml, .fit or intervals.icu .txt)")
    check.add_argument("files", nargs="+", type=Path, metavar="FILE")
    check.set_defaults(handler=_check)

    export = commands.add_parser(
        "export-workout", help="write a workout as a FIT workout file (for a watch) or intervals.icu text"
    )
    export.add_argument("workout", help="a workout name, a file, or a one-line workout in quotes")
    export.add_argument("--format", required=True, choices=("fit", "icu"), help="fit or icu")
    export.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="fit: default NAME.fit here; icu: default stdout"
    )
    export.add_argument(
        "--usual-pace", type=_pace_argument, metavar="PACE", help="your everyday pace, for @goal steps"
    )
    export.set_defaults(handler=_export_workout)

    imported = commands.add_parser(
        "import", help="keep a FIT workout or intervals.icu text as a TOML workout in your folder"
    )
    imported.add_argument(
        "file", type=Path, metavar="FILE", help="a .fit workout file or a .txt of intervals.icu text"
    )
    imported.add_argument("--name", help="the name to keep it under (default: the workout's own)")
    imported.set_defaults(handler=_import)


def open_picker(_args: argparse.Namespace) -> int:
    """``runtimer`` alone: the workout picker."""
    from runtimer.launch import run_app

    catalogue = _catalogue()
    settings, goal = load_settings(), _race_goal()  # read before the history opens: a mistake stops here
    notices: list[str] = []
    plan = _training_plan(catalogue, notices)
    run_app(catalogue, settings, open_store(), goal=goal, plan=plan, notices=notices)
    return 0


def _race_goal() -> Goal | None:
    """The race goal, read (and its file's model built) only when there is one."""
    if not goal_path().exists():
        return None
    from runtimer.config.goal_file import load_goal

    return load_goal()


def _training_plan(catalogue: Catalogue, notices: list[str]) -> TrainingPlan | None:
    """The plan, read (and its code loaded) only when there is one: most starts have none.

    A plan.toml edited into a mistake must not stand between the runner and a run: the
    mistake goes to ``notices`` and today runs without the plan; ``runtimer plan`` says
    it again, and refuses to go on until it is mended.
    """
    if not training_plan_path().exists():
        return None
    from runtimer.config.plan_file import load_plan

    try:
        return load_plan(catalogue)
    except UserError as error:
        notices.append(f"{error} (running without the plan today)")
        return None


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
    if not text.isdigit() or len(text) > 4 or int(text) <= 0:  # int() refuses thousands of digits itself
        shown = text if len(text) <= 40 else text[:40] + "…"
        raise argparse.ArgumentTypeError(f'"{shown}" is not a rep count (a whole number from 1 to 99)')
    return int(text)


def _add_overrides(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "workout",
        help="a workout name, a .toml, .fit or intervals.icu .txt file, or a one-line workout in quotes",
    )
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


def _catalogue() -> Catalogue:
    return Catalogue.load(seeds_dir(), user_workouts_dir())


def read_foreign(path: Path) -> Workout:
    """A FIT workout file or intervals.icu text: the readers (and Garmin's SDK) load only now."""
    from runtimer.interop.workouts import load_foreign_workout

    return load_foreign_workout(path)


def _overrides(args: argparse.Namespace, planned: PlannedSession | None = None) -> Overrides:
    """The edits typed, and where none was typed, the reps and sprint today's planned session asks for
    (as the picker fills them in)."""
    reps = args.reps if args.reps is not None or planned is None else planned.reps
    sprint = args.sprint if args.sprint is not None or planned is None else planned.sprint_s
    return Overrides(reps, sprint, args.jog, args.warmup, args.cooldown)


def _chosen(args: argparse.Namespace, catalogue: Catalogue) -> Entry:
    """The workout as written, with the edits asked for; @goal filled in as a session would
    (the race goal, or a usual pace made faster), so the 400s show the target times they run to."""
    entry = catalogue.resolve(args.workout, read_foreign)
    target, _ = goal_pace(load_settings(), args.usual_pace, _race_goal())
    workout = with_goal_pace(entry.workout, target)
    return Entry(apply_overrides(workout, _overrides(args)), entry.source, entry.path)


def _run(args: argparse.Namespace) -> int:
    from runtimer.launch import run_app

    catalogue = _catalogue()
    entry = catalogue.resolve(args.workout, read_foreign)
    settings = load_settings()
    store = open_store()
    try:  # every input problem surfaces here, before the screen opens
        history = store.sessions(limit=HISTORY_WINDOW)
        goal = _race_goal()
        notices: list[str] = []
        plan = _training_plan(catalogue, notices)
        for notice in notices:  # printed before the screen opens, so it is there again once it closes
            print_line(f"runtimer: {notice}", sys.stderr)
        planned = None
        if plan is not None:
            from runtimer.coach.schedule import planned_for

            planned = planned_for(plan, history, date.today(), entry.workout.name)
        overrides = _overrides(args, planned)
        prepared = prepare(entry, overrides, settings, history, args.fresh, args.usual_pace, goal)
        if planned is not None:
            prepared = prepared.replace(plan_day=planned.on)
    except BaseException:
        store.close()
        raise
    run_app(catalogue, settings, store, prepared, mute=args.mute, goal=goal, plan=plan)
    return 0


def _list(_args: argparse.Namespace) -> int:
    catalogue = _catalogue()
    rows = []
    for name, entry in sorted(catalogue.entries.items()):
        phases = expand(entry.workout)
        rows.append((name, entry.source, total_label(phases), entry.workout.description))
    print_table(("NAME", "SOURCE", "TOTAL", "DESCRIPTION"), rows)
    for problem in catalogue.problems.values():
        print_line(f"runtimer: skipped {problem}", sys.stderr)
    return 0


def _show(args: argparse.Namespace) -> int:
    entry = _chosen(args, _catalogue())
    phases = expand(entry.workout)
    print_line(f"{entry.workout.name} ({entry.source}): {entry.workout.description}".rstrip(": "))
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
    print_table(("#", "KIND", "TIME", "REP", "TARGETS"), rows, right=(0, 2))
    print(f"Total: {total_label(phases)}")
    return 0


def _check(args: argparse.Namespace) -> int:
    failed = False
    for path in args.files:
        read = read_foreign if path.suffix.lower() in FOREIGN_SUFFIXES else load_workout_file
        try:
            read(path)
        except UserError as error:
            print_line(f"runtimer check: {error}", sys.stderr)
            failed = True
        else:
            print_line(f"{path}: ok")
    return USAGE_ERROR if failed else 0


def _export_workout(args: argparse.Namespace) -> int:
    from runtimer.cli.interop import export_workout

    entry = _catalogue().resolve(args.workout, read_foreign)
    target, _ = goal_pace(load_settings(), args.usual_pace, _race_goal())
    # Without a goal pace, an @goal step stays as it is, and the exporter says which step needs one.
    workout = entry.workout if target is None else with_goal_pace(entry.workout, target)
    return export_workout(workout, args.format, args.output)


def _import(args: argparse.Namespace) -> int:
    from runtimer.cli.interop import import_file

    return import_file(args.file, args.name, user_workouts_dir())

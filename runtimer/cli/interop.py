"""The commands that reach the runner's other tools: FIT and TCX activities, FIT workouts, intervals.icu text.

Imported only when one of them runs (``export --format fit|tcx``,
``export-workout``, ``import``), so nothing here or in
:mod:`runtimer.interop` loads on the way to the picker.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from runtimer.cli.table import print_line
from runtimer.errors import UserError
from runtimer.plan.models import MAX_NAME, Workout
from runtimer.plan.text import check_plain
from runtimer.records import SessionRecord


def export_activities(records: Sequence[SessionRecord], fmt: str, output: Path | None, one: bool) -> int:
    """A file per session into ``output`` (a folder, here by default), or, for one session, to a named file.

    Each path written goes to stdout. A session with nothing to export (still
    running, or no phase run) is skipped with a line on stderr, unless it was
    the one asked for.
    """
    from runtimer.config.settings import ActivityFormat
    from runtimer.interop.activity import NothingToExport
    from runtimer.interop.files import write_activity

    kind: ActivityFormat = "fit" if fmt == "fit" else "tcx"
    folder, path = output or Path("."), None
    if output is not None and output.suffix.lower() == f".{kind}":
        if not one:
            raise UserError(f"-o {output}: a file name is for one session (--session ID); give a folder")
        folder, path = output.parent, output
    elif output is not None and output.exists() and not output.is_dir():
        raise UserError(f"-o {output}: not a folder")
    if not records:
        print_line("runtimer export: no sessions to export", sys.stderr)
    for record in reversed(records):  # oldest first, as a training log takes them
        try:
            print_line(str(write_activity(record, kind, folder, path)))
        except NothingToExport as error:
            if one:
                raise
            print_line(f"runtimer export: skipped {error}", sys.stderr)
    return 0


def export_workout(workout: Workout, fmt: str, output: Path | None) -> int:
    """A FIT workout file (``NAME.fit`` here by default), or intervals.icu text (stdout by default)."""
    from runtimer.interop.files import slug, write_atomically

    if fmt == "icu":
        from runtimer.interop.icu import workout_icu

        text = workout_icu(workout)
        if output is None:
            sys.stdout.write(text)
            return 0
        write_atomically(output, text.encode("utf-8"))
    else:
        from runtimer.interop.fit_workout import workout_fit

        output = output or Path(f"{slug(workout.name)}.fit")
        write_atomically(output, workout_fit(workout, datetime.now(UTC)))
    print_line(str(output))
    return 0


def import_file(path: Path, name: str | None, folder: Path) -> int:
    """Keep a FIT workout or intervals.icu text as TOML in ``folder``; print where it went."""
    from runtimer.interop.workouts import import_workout, load_foreign_workout

    workout = load_foreign_workout(path)
    if name is not None:
        if not 0 < len(name.strip()) <= MAX_NAME:
            raise UserError(f"--name: a workout name is 1 to {MAX_NAME} characters")
        try:
            check_plain(name)
        except ValueError as error:
            raise UserError(f"--name: {error}") from None
        workout = workout.model_copy(update={"name": name.strip()})
    print_line(str(import_workout(workout, folder)))
    return 0

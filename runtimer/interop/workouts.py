"""Workouts from other tools into runtimer: reading them by their file's kind, and keeping them as TOML.

``runtimer run``, ``show`` and ``check`` read a ``.fit`` (FIT workout) or
``.txt`` (intervals.icu text) file through :func:`load_foreign_workout`;
``runtimer import`` keeps one in the runner's workouts folder as TOML, which
reads back as the same workout.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from runtimer.errors import UserError
from runtimer.interop.files import slug, write_atomically
from runtimer.interop.steps import flat
from runtimer.plan.models import Repeat, Step, Workout


def load_foreign_workout(path: Path) -> Workout:
    """A FIT workout file or intervals.icu text, by its suffix."""
    if path.suffix.lower() == ".fit":
        from runtimer.interop.fit_workout_read import load_fit_workout

        return load_fit_workout(path)
    if path.suffix.lower() == ".txt":
        from runtimer.interop.icu import load_icu_workout

        return load_icu_workout(path)
    raise UserError(f"{path}: runtimer imports FIT workout files (.fit) and intervals.icu text (.txt)")


def import_workout(workout: Workout, folder: Path) -> Path:
    """Keep ``workout`` as ``folder/<name>.toml``; an existing file is never replaced."""
    target = folder / f"{slug(workout.name)}.toml"
    if target.exists():
        raise UserError(f"{target} already exists: remove it, or import under another name (--name)")
    write_atomically(target, workout_toml(workout).encode("utf-8"))
    return target


def workout_toml(workout: Workout) -> str:
    """The workout as a TOML file that :func:`runtimer.plan.loader.load_workout_file` reads back the same."""
    lines = [f"name = {_string(workout.name)}"]
    if workout.description:
        lines.append(f"description = {_string(workout.description)}")
    for item in workout.steps:
        lines += ["", "[[steps]]"]
        if isinstance(item, Repeat):
            lines.append(f"repeat = {_string(item.repeat.to_text())}")
            lines.append("steps = [")
            lines += [f"  {{ {', '.join(_pairs(step))} }}," for step in flat(item)]
            lines.append("]")
        else:
            lines += _pairs(item)
    return "\n".join(lines) + "\n"


def _pairs(step: Step) -> list[str]:
    """A step's keys as runtimer writes them by hand: text for every value but a plain cadence."""
    data: dict[str, Any] = {"kind": step.kind.value, "duration": "lap"}
    if step.duration is not None:
        data["duration"] = step.duration.to_text()
    if step.distance is not None:
        data["distance"] = str(step.distance)
        if step.timed_by_pace:  # the pace times it, as it did where it came from
            del data["duration"]
    for key in ("pace", "cadence", "note"):
        value = getattr(step, key)
        if value is not None:
            data[key] = value if isinstance(value, int) else str(value)
    return [f"{key} = {_string(value)}" for key, value in data.items()]


def _string(value: Any) -> str:
    """TOML's basic strings take JSON's escapes; a whole number stays a number."""
    return str(value) if isinstance(value, int) else json.dumps(value, ensure_ascii=False)

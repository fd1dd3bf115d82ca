"""A FIT workout file (from a watch, Garmin Connect, intervals.icu or runtimer) as a runtimer workout.

Each step's kind comes from its name when the name starts with one ("Sprint",
"Recovery jog"), else from its intensity. Whatever runtimer cannot run is one
line naming the step: a step that ends on heart rate, power or calories, a
heart-rate or power target, a zone where runtimer needs a pace, a repeat
until something other than its count, and (not yet) a repeat inside a repeat.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from runtimer.errors import UserError
from runtimer.interop.fit_workout import fit_workout_messages
from runtimer.interop.steps import (
    distance_from_metres,
    kind_and_note,
    nested_repeat,
    note_text,
    pace_from_speed,
)
from runtimer.plan.loader import describe_validation_error
from runtimer.plan.models import LAP, StepKind, Workout
from runtimer.plan.targets import MAX_CADENCE
from runtimer.plan.units import looks_like_distance, parse_distance

RUNNING_SPORTS = (None, "running", "generic", "walking", "training")
FROM_INTENSITY = {
    "warmup": StepKind.WARMUP,
    "cooldown": StepKind.COOLDOWN,
    "recovery": StepKind.JOG,
    "rest": StepKind.REST,
}
"""A step whose name says no kind takes one from its intensity; active, interval and other run."""
PLAIN = {"speed": "pace", "cadence": "steps a minute"}
UNSUPPORTED_ENDS = {
    "hr_less_than": "heart rate, which runtimer cannot measure yet",
    "hr_greater_than": "heart rate, which runtimer cannot measure yet",
    "calories": "calories, which runtimer cannot count",
}


def load_fit_workout(path: Path) -> Workout:
    """The workout in a FIT workout file; every problem is one :class:`UserError` line naming the file."""
    workout, steps = fit_workout_messages(path)
    sport = workout.get("sport")
    if sport not in RUNNING_SPORTS:
        raise UserError(f"{path}: a {sport} workout; runtimer runs running workouts")
    items: list[tuple[int, dict[str, Any]]] = []
    for index, step in enumerate(steps):
        place = f"{path}: step {index + 1}"
        if step.get("duration_type") == "repeat_until_steps_cmplt":
            items = _repeat(items, step, place)
        else:
            items.append((index, _step(step, place)))
    data = {
        "name": str(workout.get("wkt_name") or path.stem)[:40],
        "description": " ".join(str(workout.get("wkt_description") or "").split()),
        "steps": [item for _, item in items],
    }
    try:
        return Workout.model_validate(data)
    except ValidationError as error:
        raise UserError(f"{path}: {describe_validation_error(error)}") from None


def _repeat(
    items: list[tuple[int, dict[str, Any]]], step: dict[str, Any], place: str
) -> list[tuple[int, dict[str, Any]]]:
    """The steps from the one it names up to here, as one repeat block."""
    first, count = step.get("duration_step"), step.get("repeat_steps")
    inside = [(index, item) for index, item in items if isinstance(first, int) and index >= first]
    if not inside or not isinstance(count, int) or count < 1:
        raise UserError(f"{place}: a repeat with nothing to repeat")
    if any("repeat" in item for _, item in inside):
        raise nested_repeat(place)
    block = {"repeat": count, "steps": [item for _, item in inside]}
    return [*items[: len(items) - len(inside)], (inside[0][0], block)]


def _step(step: dict[str, Any], place: str) -> dict[str, Any]:
    kind, rest = kind_and_note(str(step.get("wkt_step_name") or ""))
    kind = kind or FROM_INTENSITY.get(str(step.get("intensity")), StepKind.RUN)
    data: dict[str, Any] = {"kind": kind.value}
    ends = step.get("duration_type")
    if ends == "time":
        data["duration"] = max(1, round(float(step.get("duration_time") or 0)))
    elif ends == "distance":
        data["distance"] = str(distance_from_metres(float(step.get("duration_distance") or 0)))
    elif ends == "open":
        data["duration"] = LAP
        if rest is not None and looks_like_distance(rest):  # runtimer's own "Sprint 400m"
            data["distance"], rest = str(parse_distance(rest)), None
    elif isinstance(ends, str) and ends.startswith("repeat_until"):
        raise UserError(
            f"{place}: a repeat until {ends.removeprefix('repeat_until_')}: runtimer repeats a count"
        )
    else:
        why = UNSUPPORTED_ENDS.get(str(ends), f"{ends}, which runtimer cannot run")
        if str(ends).startswith("power"):
            why = "power, which runtimer does not measure"
        raise UserError(f"{place}: ends on {why}")
    data.update(_targets(step, place))
    note = note_text(str(step.get("notes") or "")) or rest
    if note is not None:
        data["note"] = note
    return data


def _targets(step: dict[str, Any], place: str) -> dict[str, Any]:
    """The step's target and its secondary one: a pace, a cadence, or a line on why not."""
    found: dict[str, Any] = {}
    for prefix in ("", "secondary_"):
        target = step.get(f"{prefix}target_type")
        low = float(step.get(f"{prefix}custom_target_value_low") or 0)
        high = float(step.get(f"{prefix}custom_target_value_high") or 0)
        if target in (None, "open"):
            continue
        if target in ("speed", "cadence") and not (low and high):
            raise UserError(f"{place}: a {target} zone; runtimer needs the {PLAIN[target]} itself")
        if target == "speed":  # mm/s; the middle of the band in pace, not in speed
            found["pace"] = str(pace_from_speed(2 / (1000 / float(low) + 1000 / float(high))))
        elif (
            target == "cadence"
        ):  # FIT counts strides; a band written in steps is plainly too fast for strides
            total = int(low) + int(high)
            found["cadence"] = total if total <= MAX_CADENCE else round(total / 2)
        elif target == "heart_rate":
            raise UserError(f"{place}: a heart-rate target, which runtimer cannot measure yet")
        elif str(target).startswith("power"):
            raise UserError(f"{place}: a power target, which runtimer does not measure")
        else:
            raise UserError(f"{place}: a {target} target, which runtimer cannot hold")
    return found

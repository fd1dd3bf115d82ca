"""Workouts to and from FIT workout files: what a Garmin watch runs when the file is in its NewFiles folder.

Written and read with Garmin's FIT SDK. A step is a ``workout_step``: its name
is the kind (``Sprint``), its notes the runtimer note, its intensity FIT's
word for the kind. A timed step lasts its time; a distance timed by its pace
lasts its distance with the pace as a speed target; a step the lap key ends
is "open" (the lap button), with its distance, if it has one, in its name. A
repeat block is its steps followed by a "repeat until steps complete" step.

Targets are bands a watch can hold: a pace is 5 s per km either side, in
FIT's speed (mm/s); a cadence is FIT's running cadence, strides a minute
(half the steps), a stride or so either side, so the two ends add up to the
steps a minute. A step with both has the pace first and the cadence as its
secondary target. Read back, a pace comes per km, to the second.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from garmin_fit_sdk import Decoder, Encoder, Profile, Stream

from runtimer.errors import UserError
from runtimer.interop.activity import INTENSITY, version_numbers
from runtimer.interop.fit_activity import MANUFACTURER
from runtimer.interop.steps import Item, flat, step_title, writable_items
from runtimer.plan.loader import read_limited
from runtimer.plan.models import Step, Workout
from runtimer.plan.units import METRES_PER_UNIT, Pace

_MESG = Profile["mesg_num"]
PACE_BAND_S_PER_KM = 5


def workout_fit(workout: Workout, created: datetime) -> bytes:
    """The FIT workout file; a step FIT cannot hold is a :class:`UserError` naming it."""
    steps = _steps(writable_items(workout))
    major, minor = version_numbers()
    encoder = Encoder()
    encoder.on_mesg(
        _MESG["FILE_ID"],
        {"type": "workout", "manufacturer": MANUFACTURER, "product": 0, "time_created": created},
    )
    encoder.on_mesg(_MESG["FILE_CREATOR"], {"software_version": major * 100 + minor})
    encoder.on_mesg(
        _MESG["WORKOUT"],
        {
            "wkt_name": workout.name,
            "sport": "running",
            "num_valid_steps": len(steps),
            "wkt_description": workout.description or None,
        },
    )
    for index, step in enumerate(steps):
        encoder.on_mesg(_MESG["WORKOUT_STEP"], {"message_index": index, **step})
    return encoder.close()


def _steps(items: list[Item]) -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, Step):
            steps.append(_step(item))
            continue
        first = len(steps)
        steps += [_step(step) for step in flat(item)]
        steps.append(
            {
                "duration_type": "repeat_until_steps_cmplt",
                "duration_value": first,
                "target_type": "open",
                "target_value": item.repeat.value,
            }
        )
    return steps


def _step(step: Step) -> dict[str, Any]:
    """Durations and targets go in their raw units: the SDK's encoder writes fields, not sub-fields."""
    message: dict[str, Any] = {
        "wkt_step_name": step_title(step),
        "notes": step.note,
        "intensity": INTENSITY[step.kind],
        "target_type": "open",
    }
    if step.duration is None:
        message["duration_type"] = "open"
    elif step.distance is not None:  # a distance timed by its pace: the watch ends it at the distance
        message.update(duration_type="distance", duration_value=round(step.distance.metres * 100))
    else:
        message.update(duration_type="time", duration_value=step.duration.value * 1000)
    targets = [target for target in (_pace_target(step), _cadence_target(step)) if target is not None]
    for prefix, (kind, low, high) in zip(("", "secondary_"), targets, strict=False):
        message.update(
            {
                f"{prefix}target_type": kind,
                f"{prefix}target_value": 0,
                f"{prefix}custom_target_value_low": low,
                f"{prefix}custom_target_value_high": high,
            }
        )
    return message


def _pace_target(step: Step) -> tuple[str, int, int] | None:
    """A speed band 5 s per km either side of the pace, in mm/s."""
    if not isinstance(step.pace, Pace):
        return None
    s_per_km = step.pace.seconds * 1000 / METRES_PER_UNIT[step.pace.unit]
    slow, fast = (1000 / (s_per_km + d) for d in (PACE_BAND_S_PER_KM, -PACE_BAND_S_PER_KM))
    return "speed", round(slow * 1000), round(fast * 1000)


def _cadence_target(step: Step) -> tuple[str, int, int] | None:
    """Strides a minute either side of half the steps, so that the two ends add up to the steps."""
    if not isinstance(step.cadence, int):
        return None
    return "cadence", step.cadence // 2 - 1, (step.cadence + 1) // 2 + 1


def read_fit(path: Path) -> dict[str, Any] | None:
    """Every message of a FIT file by kind, or ``None`` when it is not a sound FIT file.

    The integrity check (header, size, CRC) reads the stream to its end, so
    the messages are read from a second stream.
    """
    try:
        data = bytearray(read_limited(path, "a workout file"))
    except OSError as error:
        raise UserError(f"{path}: cannot read it ({error.strerror or error})") from None
    if not Decoder(Stream.from_byte_array(data)).check_integrity():
        return None
    messages, errors = Decoder(Stream.from_byte_array(data)).read()
    return None if errors else dict(messages)


def fit_workout_messages(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The workout message and its steps from ``path``, or one :class:`UserError` line on what is amiss."""
    messages = read_fit(path)
    if messages is None:
        raise UserError(f"{path}: not a readable FIT file (cut short, damaged, or not FIT at all)")
    file_ids: list[dict[str, Any]] = messages.get("file_id_mesgs", [])
    file_type = file_ids[0].get("type") if file_ids else None
    if file_type != "workout":
        what = f"a FIT {file_type} file" if isinstance(file_type, str) else "a FIT file of no known type"
        raise UserError(f"{path}: {what}, not a workout (runtimer reads FIT workout files)")
    workouts = messages.get("workout_mesgs", [])
    steps = sorted(messages.get("workout_step_mesgs", []), key=lambda step: step.get("message_index", 0))
    if not workouts or not steps:
        raise UserError(f"{path}: a FIT workout with no steps")
    return workouts[0], steps

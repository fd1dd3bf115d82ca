"""What a step aims at: a pace (or the runner's goal pace), a cadence or a cadence ramp, a distance.

Each is read by one plain validator, so a bad value gets one message naming
it rather than a union's two, and prints back in the form it was written.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import PlainSerializer, PlainValidator

from runtimer.plan.frozen import Frozen
from runtimer.plan.units import DISTANCE_HINT, PACE_HINT, Distance, Pace, parse_distance, parse_pace

MIN_CADENCE, MAX_CADENCE = 100, 240


GOAL = "goal"
"""A pace written as ``goal`` is the runner's goal pace from their settings (usual pace made faster)."""


def _pace(value: Any) -> Pace:
    if isinstance(value, Pace):
        return value
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a pace ({PACE_HINT})")
    return parse_pace(value)


def pace_or_goal(value: Any) -> Pace | Literal["goal"]:
    """One validator for both forms, so a bad pace gets one message rather than a union's two."""
    if isinstance(value, Pace):
        return value
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a pace (try 6:30/mi, 4:00/km or goal)")
    if value.strip().lower() == GOAL:
        return "goal"
    return parse_pace(value)


PaceOrGoalField = Annotated[Pace | Literal["goal"], PlainValidator(pace_or_goal), PlainSerializer(str)]


PaceField = Annotated[Pace, PlainValidator(_pace), PlainSerializer(str)]


class CadenceRamp(Frozen):
    """A cadence that climbs across the reps of a block: ``170-180`` steps a minute.

    The metronome holds one tempo per phase, so a ramp moves rep by rep, from
    ``low`` in the first rep to ``high`` in the last.
    """

    low: int
    high: int

    def at(self, rep: int, reps: int) -> int:
        if reps <= 1:
            return self.high
        return round(self.low + (self.high - self.low) * (rep - 1) / (reps - 1))

    def __str__(self) -> str:
        return f"{self.low}-{self.high}"


CADENCE_HINT = f"steps per minute, {MIN_CADENCE}-{MAX_CADENCE}, or a ramp like 170-180"


def parse_cadence(value: Any) -> int | CadenceRamp:
    """180, "180", or a ramp "170-180"; the ``ValueError`` message is user-facing."""
    if isinstance(value, int | CadenceRamp) and not isinstance(value, bool):
        parts = [value] if isinstance(value, int) else [value.low, value.high]
    elif isinstance(value, str) and re.fullmatch(r"\s*\d+\s*(-\s*\d+\s*)?", value):
        parts = [int(part) for part in value.split("-")]
    else:
        raise ValueError(f"{value!r} is not a cadence ({CADENCE_HINT})")
    if not all(MIN_CADENCE <= part <= MAX_CADENCE for part in parts):
        raise ValueError(f'"{value}": cadence runs from {MIN_CADENCE} to {MAX_CADENCE} steps per minute')
    if len(parts) == 1:
        return parts[0]
    if parts[0] >= parts[1]:
        raise ValueError(f'"{value}": a cadence ramp climbs, low end first (try 170-180)')
    return CadenceRamp(parts[0], parts[1])


CadenceField = Annotated[
    int | CadenceRamp,
    PlainValidator(parse_cadence),
    PlainSerializer(lambda value: value if isinstance(value, int) else str(value)),
]


def distance_from_text(value: Any) -> Any:
    return parse_distance(value) if isinstance(value, str) else value


def _distance(value: Any) -> Distance:
    value = distance_from_text(value)
    if not isinstance(value, Distance):
        raise ValueError(f"{value!r} is not a distance ({DISTANCE_HINT})")
    return value


DistanceField = Annotated[Distance, PlainValidator(_distance), PlainSerializer(str)]

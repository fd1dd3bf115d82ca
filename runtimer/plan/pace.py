"""Pace targets as runners write them: ``6:30/mi`` or ``4:00/km``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

PaceUnit = Literal["mi", "km"]
PACE_HINT = "try 6:30/mi or 4:00/km"
_PACE = re.compile(r"(\d{1,2}):(\d{2})/(mi|km)")


@dataclass(frozen=True)
class Pace:
    """Time per mile or kilometre, in whole seconds."""

    seconds: int
    unit: PaceUnit

    def __str__(self) -> str:
        minutes, secs = divmod(self.seconds, 60)
        return f"{minutes}:{secs:02d}/{self.unit}"


def parse_pace(text: str) -> Pace:
    """Read ``M:SS/mi`` or ``M:SS/km``; the message of the ``ValueError`` is user-facing."""
    match = _PACE.fullmatch(text.strip().lower())
    if not match:
        raise ValueError(f'"{text}" is not a pace ({PACE_HINT})')
    minutes, secs, unit = match.groups()
    if int(secs) >= 60:
        raise ValueError(f'"{text}" has 60 or more seconds ({PACE_HINT})')
    seconds = int(minutes) * 60 + int(secs)
    if seconds == 0:
        raise ValueError(f'"{text}" is not a pace ({PACE_HINT})')
    return Pace(seconds, "mi" if unit == "mi" else "km")


DistanceUnit = Literal["m", "km", "mi"]
METRES_PER_UNIT: dict[str, float] = {"m": 1.0, "km": 1000.0, "mi": 1609.344}
DISTANCE_HINT = "try 400m, 1km or 1mi"
_DISTANCE = re.compile(r"(\d+(?:\.\d+)?)(m|km|mi)")


@dataclass(frozen=True)
class Distance:
    """A distance as written (``400m``, ``1.5km``, ``1mi``), so it prints back the same."""

    value: float
    unit: DistanceUnit

    @property
    def metres(self) -> float:
        return self.value * METRES_PER_UNIT[self.unit]

    def __str__(self) -> str:
        number = f"{self.value:.6f}".rstrip("0").rstrip(".")
        return f"{number}{self.unit}"


def parse_distance(text: str) -> Distance:
    match = _DISTANCE.fullmatch(text.strip().lower())
    if not match or float(match.group(1)) <= 0:
        raise ValueError(f'"{text}" is not a distance ({DISTANCE_HINT})')
    unit = match.group(2)
    return Distance(float(match.group(1)), "m" if unit == "m" else "km" if unit == "km" else "mi")


def looks_like_distance(text: str) -> bool:
    return _DISTANCE.fullmatch(text.strip().lower()) is not None


def split_seconds(pace: Pace, metres: float) -> float:
    """How long ``metres`` takes at ``pace``: 400 m at 6:30/mi is 96.9 s."""
    return pace.seconds * metres / METRES_PER_UNIT[pace.unit]

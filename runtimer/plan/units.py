"""Pace targets as runners write them: ``6:30/mi`` or ``4:00/km``."""

from __future__ import annotations

import re
from typing import Literal

from runtimer.plan.frozen import Frozen

PaceUnit = Literal["mi", "km"]
PACE_HINT = "try 6:30/mi or 4:00/km"
_PACE = re.compile(r"(\d{1,2}):(\d{2})/(mi|km)")


class Pace(Frozen):
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
    pace = Pace(seconds, "mi" if unit == "mi" else "km")
    check_plausible(seconds * 1000 / METRES_PER_UNIT[pace.unit], f'"{text}"')
    return pace


FASTEST_S_PER_KM = 100
"""1:40/km (2:41/mi): faster than the 400 m world record (about 1:48/km), so no runner's pace."""
SLOWEST_S_PER_KM = 1800
"""30:00/km (48:16/mi), 2 km/h: slower than a slow walk."""


class ImplausiblePace(ValueError):
    """A well-formed pace no runner runs: nearly always a slip (``0:30/km`` for ``3:00/km``).

    Caught apart from a malformed pace so callers that reword format errors
    still pass this one on as it is.
    """


def check_plausible(seconds_per_km: float, shown: str) -> None:
    """Refuse a pace or speed outside what a runner could mean; ``shown`` is the text as typed."""
    if seconds_per_km < FASTEST_S_PER_KM:
        raise ImplausiblePace(f"{shown} is faster than anyone runs (1:40/km or 2:41/mi at the fastest)")
    if seconds_per_km > SLOWEST_S_PER_KM:
        raise ImplausiblePace(f"{shown} is slower than a walk (30:00/km or 48:16/mi at the slowest)")


DistanceUnit = Literal["m", "km", "mi"]
METRES_PER_UNIT: dict[str, float] = {"m": 1.0, "km": 1000.0, "mi": 1609.344}
DISTANCE_HINT = "try 400m, 1km or 1mi"
_DISTANCE = re.compile(r"(\d+(?:\.\d+)?)(m|km|mi)")


class Distance(Frozen):
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

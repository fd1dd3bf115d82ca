"""Pace arithmetic for the training notes' 400 m repeats: "20-25% faster than your usual pace".

The notes: "I typically will shoot to run about 20-25% faster than what my
normal running pace is. So if I'm running a 8:30/min mile on average, I'll try
to run a 6:30 min pace or less at the minimum on each 400."

Plans keep paces as whole seconds (:class:`runtimer.plan.units.Pace`), which is
right for a target someone typed. The arithmetic here (unit conversion, a
percentage off, a 400 m split) lands between seconds, so a :class:`PaceRate`
keeps fractional seconds and only the formatting functions round. Pure: no
terminal, clock, storage or event loop.
"""

from __future__ import annotations

import math
import re

from runtimer.plan.durations import format_time
from runtimer.plan.frozen import Frozen
from runtimer.plan.units import METRES_PER_UNIT, ImplausiblePace, Pace, PaceUnit, check_plausible, parse_pace

_SECONDS_PER_HOUR = 3600.0

PACE_OR_SPEED_HINT = "try 8:30/mi, 5:17/km, 8:30 or 12km/h"
PERCENT_HINT = "try 20, 20% or 20-25%"

_CLOCK = re.compile(r"\d{1,2}:\d{2}")
_SPEED = re.compile(r"(\d{1,3}(?:\.\d+)?)\s*(km/h|kmh|kph|mph)")
_PERCENT = re.compile(r"(\d{1,3}(?:\.\d+)?)(?:%?-(\d{1,3}(?:\.\d+)?))?%?")


class PaceRate(Frozen):
    """How fast someone runs, as seconds per kilometre, unrounded.

    One canonical unit means two rates that are the same speed compare equal
    whichever unit they were written in (up to float noise).
    """

    seconds_per_km: float

    def __post_init__(self) -> None:
        if not (math.isfinite(self.seconds_per_km) and self.seconds_per_km > 0):
            raise ValueError(f"a pace needs a positive, finite time per km, not {self.seconds_per_km!r}")

    @classmethod
    def from_seconds_per(cls, seconds: float, unit: PaceUnit) -> PaceRate:
        metres = METRES_PER_UNIT[unit]
        return cls(seconds * METRES_PER_UNIT["km"] / metres)

    @classmethod
    def from_pace(cls, pace: Pace) -> PaceRate:
        """A plan's whole-second target (``@6:30/mi``) as a rate: plans and this module share one parser."""
        return cls.from_seconds_per(pace.seconds, pace.unit)

    @classmethod
    def from_kmh(cls, kmh: float) -> PaceRate:
        return cls(_SECONDS_PER_HOUR / kmh)

    @classmethod
    def from_mph(cls, mph: float) -> PaceRate:
        return cls.from_seconds_per(_SECONDS_PER_HOUR / mph, "mi")

    def seconds_per(self, unit: PaceUnit) -> float:
        """Unrounded seconds per mile or per kilometre."""
        metres = METRES_PER_UNIT[unit]
        return self.seconds_per_km * metres / METRES_PER_UNIT["km"]

    @property
    def kmh(self) -> float:
        return _SECONDS_PER_HOUR / self.seconds_per_km

    @property
    def mph(self) -> float:
        return _SECONDS_PER_HOUR / self.seconds_per("mi")


def parse_pace_or_speed(text: str, default_unit: PaceUnit) -> PaceRate:
    """Read ``8:30/mi``, ``5:17/km``, a bare ``8:30`` (per ``default_unit``) or a speed.

    Speeds are what a treadmill console shows: ``12km/h``, ``12 kph``,
    ``12kmh``, ``7.5mph``. The ``ValueError`` message is user-facing. One about
    the form names ``text`` as typed; one about a pace no runner runs names the
    pace as read, so a bare ``0:30`` shows the unit it was taken in.
    """
    cleaned = text.strip().lower()
    speed = _SPEED.fullmatch(cleaned)
    if speed:
        value, unit = float(speed.group(1)), speed.group(2)
        if value <= 0:
            raise ValueError(f'"{text}" must be faster than zero ({PACE_OR_SPEED_HINT})')
        rate = PaceRate.from_mph(value) if unit == "mph" else PaceRate.from_kmh(value)
        check_plausible(rate.seconds_per_km, f'"{text}"')
        return rate
    written = f"{cleaned}/{default_unit}" if _CLOCK.fullmatch(cleaned) else cleaned
    try:
        return PaceRate.from_pace(parse_pace(written))
    except ImplausiblePace:
        raise  # names the pace with the unit it was read in: "0:30/mi" for a bare "0:30"
    except ValueError:
        raise ValueError(f'"{text}" is not a pace ({PACE_OR_SPEED_HINT})') from None


def parse_percent_range(text: str) -> tuple[float, float]:
    """Read a ``--faster`` value, ``20``, ``20%``, ``20-25`` or ``20-25%``, as ``(low, high)``.

    A single number is a range of one, so callers handle one shape. Each end
    must be above 0 and below 100: 100% faster would be a time of zero.
    """
    match = _PERCENT.fullmatch("".join(text.split()))
    if not match:
        raise ValueError(f'"{text}" is not a percentage ({PERCENT_HINT})')
    low = float(match.group(1))
    high = low if match.group(2) is None else float(match.group(2))
    for percent in (low, high):
        _check_percent(percent, f'"{text}"')
    if low > high:
        raise ValueError(f'"{text}" has its low end above its high end (try 20-25%)')
    return low, high


def faster(rate: PaceRate, percent: float) -> PaceRate:
    """The pace ``percent`` faster than ``rate``, read the way the notes read it.

    The notes call 6:30/mi "20-25% faster" than 8:30/mi, so the time per mile
    shrinks by the percentage (8:30 at 20% faster is 6:48), rather than the
    speed growing by it (which would give 7:05).
    """
    _check_percent(percent, f"{percent:g}%")
    return PaceRate(rate.seconds_per_km * (1 - percent / 100))


def _check_percent(percent: float, shown: str) -> None:
    if not 0 < percent < 100:
        raise ValueError(f"{shown} is out of range (a pace can be more than 0% and less than 100% faster)")


class GoalPace(Frozen):
    """A target pace for repeats, and the range it came from."""

    low_percent: float
    high_percent: float
    target_percent: float
    target: PaceRate
    fast: PaceRate
    """The high-percent end: the quickest the range asks for."""
    slow: PaceRate
    """The low-percent end: the slowest that still counts."""

    @property
    def is_range(self) -> bool:
        """False for a single percentage, whose target is its only pace: nothing to aim between."""
        return self.low_percent != self.high_percent


def goal_pace(usual: PaceRate, low_percent: float, high_percent: float) -> GoalPace:
    """The notes' goal pace for repeats: the middle of a "``low``-``high``% faster" range.

    The midpoint, rather than either end, because the notes treat the range as
    where to land, not a floor: their own example, 6:30/mi from 8:30/mi, is
    about 23.5% faster, inside 20-25% and near its 22.5% middle. Since
    :func:`faster` is linear in the percentage, the midpoint percentage is
    also the midpoint of the two end paces.
    """
    if low_percent > high_percent:
        raise ValueError(f"{low_percent:g}-{high_percent:g}% has its low end above its high end")
    middle = (low_percent + high_percent) / 2
    return GoalPace(
        low_percent=low_percent,
        high_percent=high_percent,
        target_percent=middle,
        target=faster(usual, middle),
        fast=faster(usual, high_percent),
        slow=faster(usual, low_percent),
    )


def split_seconds(rate: PaceRate, metres: float) -> float:
    """Unrounded time for ``metres`` at ``rate``: 400 m at 6:30/mi is 96.9 s."""
    if not metres > 0:
        raise ValueError(f"a split needs a distance above zero, not {metres!r} m")
    return rate.seconds_per_km * metres / METRES_PER_UNIT["km"]


def format_time_range(fast_seconds: float, slow_seconds: float) -> str:
    """``6:22-6:48``, quickest first as runners say it; a single time when both ends show the same."""
    fast, slow = format_time(fast_seconds), format_time(slow_seconds)
    return fast if fast == slow else f"{fast}-{slow}"


def format_pace(rate: PaceRate, unit: PaceUnit) -> str:
    """``6:48/mi``: the form :func:`parse_pace_or_speed` reads back (to the second)."""
    return f"{format_time(rate.seconds_per(unit))}/{unit}"

"""A race goal: a distance, the time to beat, and maybe the day of the race.

The training notes start here: "what is your goal, a sub-20-minute 5K, a
Boston qualifier?" Everything a plan asks for follows from it: the goal's own
race pace (the pace of the 400 m repeats), its VDOT and the interval and
repetition paces that come with it (:mod:`runtimer.coach.vdot`).

A goal no human runs is refused. The bound is the men's outright world record
for the distance, as ratified by World Athletics (recorded here in 2025):

==============  =========  ========================  ====
distance        time       holder                    year
==============  =========  ========================  ====
1500 m          3:26.00    Hicham El Guerrouj        1998
mile            3:43.13    Hicham El Guerrouj        1999
3000 m          7:17.55    Jakob Ingebrigtsen        2024
5000 m          12:35.36   Joshua Cheptegei          2020
10,000 m        26:11.00   Joshua Cheptegei          2020
half marathon   56:42      Jacob Kiplimo             2025
marathon        2:00:35    Kelvin Kiptum             2023
==============  =========  ========================  ====

Between two of them (an 8 km goal), the bound is drawn between the records
on either side as Riegel's power law does, through both.
"""

from __future__ import annotations

import itertools
import math
import re
from datetime import date

from runtimer.coach.goal_pace import PaceRate, format_pace
from runtimer.coach.vdot import interval_pace, repetition_pace, riegel, vdot
from runtimer.plan.durations import format_time, parse_duration
from runtimer.plan.frozen import Frozen
from runtimer.plan.units import METRES_PER_UNIT, Pace, PaceUnit, check_plausible

RACES: dict[str, float] = {
    "mile": METRES_PER_UNIT["mi"],
    "5k": 5000.0,
    "10k": 10000.0,
    "half": 21097.5,
    "marathon": 42195.0,
}
"""The races a goal names by word, and the distances runtimer shows equivalents for."""
_ALIASES = {"1mi": "mile", "5km": "5k", "10km": "10k", "half-marathon": "half", "hm": "half"}
_DISTANCE = re.compile(r"(\d+(?:\.\d+)?)(m|k|km|mi)")
DISTANCE_HINT = "try 5k, 10k, half, marathon, mile, or a distance like 8km"
TIME_HINT = "try 19:59 or 3:05:00"
SHORTEST_M = 1500.0
"""Daniels' equations were fitted to races of about 3.5 minutes and longer: nothing under 1500 m."""
LONGEST_M = RACES["marathon"]

WORLD_RECORDS: tuple[tuple[float, float, str], ...] = (
    (1500.0, 206.00, "1500 m: Hicham El Guerrouj, 1998"),
    (METRES_PER_UNIT["mi"], 223.13, "mile: Hicham El Guerrouj, 1999"),
    (3000.0, 437.55, "3000 m: Jakob Ingebrigtsen, 2024"),
    (5000.0, 755.36, "5000 m: Joshua Cheptegei, 2020"),
    (10000.0, 1571.00, "10,000 m: Joshua Cheptegei, 2020"),
    (21097.5, 3402.0, "half marathon: Jacob Kiplimo, 2025"),
    (42195.0, 7235.0, "marathon: Kelvin Kiptum, 2023"),
)


class Goal(Frozen):
    """``distance`` as the runner named it (``5k``, ``8km``), and the time they aim to beat."""

    distance: str
    metres: float
    seconds: int
    race_on: date | None = None

    @property
    def unit(self) -> PaceUnit:
        """Paces in the unit the race is measured in: per mile for a mile goal, per km otherwise."""
        return "mi" if self.distance == "mile" or self.distance.endswith("mi") else "km"

    @property
    def race_pace(self) -> PaceRate:
        return PaceRate(self.seconds * 1000 / self.metres)

    @property
    def vdot(self) -> float:
        return vdot(self.metres, self.seconds)

    @property
    def interval(self) -> PaceRate:
        return interval_pace(self.vdot)

    @property
    def repetition(self) -> PaceRate:
        return repetition_pace(self.vdot)

    def pace_target(self) -> Pace:
        """The race pace as a plan's whole-second target: what ``@goal`` steps run to."""
        return Pace(round(self.race_pace.seconds_per(self.unit)), self.unit)

    def split_s(self, metres: float) -> float:
        """Time for ``metres`` at race pace: the 400 m target of the 400s."""
        return self.seconds * metres / self.metres

    def equivalents(self) -> list[tuple[str, float]]:
        """Riegel's equivalent time for each named race."""
        return [(name, riegel(self.seconds, self.metres, metres)) for name, metres in RACES.items()]

    @property
    def headline(self) -> str:
        """``5k in 19:59``: how the runner said it."""
        return f"{self.distance} in {format_time(self.seconds)}"

    @property
    def pace_line(self) -> str:
        return f"{format_pace(self.race_pace, 'km')}, {format_pace(self.race_pace, 'mi')}"


def parse_race_distance(text: str) -> tuple[str, float]:
    """``5k``, ``half``, ``mile``, ``8km``, ``1500m``, ``10mi``: (the name to keep, metres)."""
    cleaned = text.strip().lower()
    name = _ALIASES.get(cleaned, cleaned)
    if name in RACES:
        return name, RACES[name]
    match = _DISTANCE.fullmatch(name)
    if not match:
        raise ValueError(f'"{text}" is not a race distance ({DISTANCE_HINT})')
    number, unit = float(match.group(1)), match.group(2)
    metres = number * {"m": 1.0, "k": 1000.0, "km": 1000.0, "mi": METRES_PER_UNIT["mi"]}[unit]
    if not SHORTEST_M <= metres <= LONGEST_M:
        raise ValueError(f'"{text}": goals run from 1500m to the marathon (42.195km)')
    return name, metres


def parse_race_time(text: str) -> int:
    """``19:59``, ``1:29:59`` or ``3h05m``, in whole seconds."""
    try:
        return parse_duration(text)
    except ValueError:
        raise ValueError(f'"{text}" is not a race time ({TIME_HINT})') from None


def world_record(metres: float) -> tuple[float, str]:
    """The fastest time any human has run ``metres`` in (or the record line through it), and whose."""
    for (low_m, low_s, low_who), (high_m, high_s, high_who) in itertools.pairwise(WORLD_RECORDS):
        if low_m <= metres <= high_m:
            if metres == low_m:
                return low_s, low_who
            if metres == high_m:
                return high_s, high_who
            exponent = math.log(high_s / low_s) / math.log(high_m / low_m)
            between = f"the line between the {low_who.split(':')[0]} and {high_who.split(':')[0]} records"
            return low_s * (metres / low_m) ** exponent, between
    raise ValueError(f"{metres:g} m is outside the records runtimer knows (1500 m to the marathon)")


def make_goal(distance: str, time: str, race_on: date | None = None) -> Goal:
    """A goal from what the runner typed; the ``ValueError`` message is one user-facing line."""
    name, metres = parse_race_distance(distance)
    seconds = parse_race_time(time)
    record, holder = world_record(metres)
    if seconds < record:
        raise ValueError(
            f"{name} in {format_time(seconds)} is faster than the world record "
            f"({format_time(record)}, {holder}): no one has run that fast"
        )
    check_plausible(seconds * 1000 / metres, f"{name} in {format_time(seconds)}")
    return Goal(name, metres, seconds, race_on)

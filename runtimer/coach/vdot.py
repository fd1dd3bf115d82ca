"""Jack Daniels' VDOT and Riegel's race-time formula: the paces a goal asks for.

**VDOT** (Daniels and Gilbert, *Oxygen Power*, 1979; Daniels' *Running
Formula*): two fits to measurements of trained runners. The oxygen a runner
uses at speed ``v`` (metres a minute) is

    VO2 = -4.60 + 0.182258 v + 0.000104 v^2          (ml/kg/min)

and the fraction of their maximum they can hold for a race of ``t`` minutes is

    %max = 0.8 + 0.1894393 e^(-0.012778 t) + 0.2989558 e^(-0.1932605 t)

so a race run in ``t`` at ``v`` says the runner's VDOT is ``VO2 / %max``: a
20:00 5K is VDOT 49.8. Training paces come back the other way: the speed
whose oxygen cost is a given share of VDOT. Daniels does not print those
shares; :data:`INTERVAL_SHARE` and :data:`REPETITION_SHARE` are the ones that
reproduce his published I and R paces (see the tests, which quote his table).

**Riegel** (Peter Riegel, "Athletic Records and Human Endurance", *American
Scientist*, 1981): a time ``T1`` over ``D1`` is worth ``T2 = T1 (D2/D1)^1.06``
over ``D2``. It is what runtimer uses for equivalent race times.

Pure arithmetic: no clock, no files.
"""

from __future__ import annotations

import math

from runtimer.coach.goal_pace import PaceRate

INTERVAL_SHARE = 0.98
"""I pace: hard, at about the speed the runner's VO2max is reached (Daniels' table: 97.6-98.7%)."""
REPETITION_SHARE = 1.075
"""R pace: faster than VO2max, for speed and economy (Daniels' table: 107.2-107.5% from VDOT 40 to 60)."""
RIEGEL_EXPONENT = 1.06


def oxygen_cost(metres_per_minute: float) -> float:
    """Millilitres of oxygen per kilogram per minute to run at this speed."""
    v = metres_per_minute
    return -4.60 + 0.182258 * v + 0.000104 * v * v


def fraction_sustained(minutes: float) -> float:
    """The share of VO2max a runner can hold for a race lasting ``minutes``."""
    return 0.8 + 0.1894393 * math.exp(-0.012778 * minutes) + 0.2989558 * math.exp(-0.1932605 * minutes)


def vdot(metres: float, seconds: float) -> float:
    """The VDOT a race of ``metres`` in ``seconds`` stands for."""
    if not (metres > 0 and seconds > 0):
        raise ValueError("a race needs a distance and a time above zero")
    minutes = seconds / 60
    return oxygen_cost(metres / minutes) / fraction_sustained(minutes)


def speed_for(oxygen: float) -> float:
    """Metres a minute whose oxygen cost is ``oxygen``: the cost equation solved for ``v``."""
    a, b, c = 0.000104, 0.182258, -4.60 - oxygen
    return (-b + math.sqrt(b * b - 4 * a * c)) / (2 * a)


def pace_at(share: float, of_vdot: float) -> PaceRate:
    """The pace whose oxygen cost is ``share`` of ``of_vdot``."""
    return PaceRate(60_000 / speed_for(share * of_vdot))


def interval_pace(of_vdot: float) -> PaceRate:
    return pace_at(INTERVAL_SHARE, of_vdot)


def repetition_pace(of_vdot: float) -> PaceRate:
    return pace_at(REPETITION_SHARE, of_vdot)


def riegel(seconds: float, from_metres: float, to_metres: float) -> float:
    """Riegel's equivalent time over ``to_metres`` for ``seconds`` over ``from_metres``."""
    ratio: float = (to_metres / from_metres) ** RIEGEL_EXPONENT
    return seconds * ratio

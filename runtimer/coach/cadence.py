"""A cadence that climbs from session to session, from the notes' 160 toward 180.

Quicker turnover comes in small steps. A workout's cadence ramp (``160-180``)
says where the runner starts and where they are headed; each completed session
of that workout raises where the next one starts by ``step_s`` steps a minute,
never past the target. The runner's current cadence is worked out from their
history rather than written back into a settings file, so it can never drift
from what they actually ran, and deleting the history resets it.
"""

from __future__ import annotations

from collections.abc import Iterable

from runtimer.plan.frozen import Frozen
from runtimer.plan.models import Step, Workout
from runtimer.plan.targets import CadenceRamp
from runtimer.records import SessionRecord

DEFAULT_CADENCE_STEP = 2


class CadenceProgress(Frozen):
    start: int
    target: int
    sessions: int
    reason: str


def completed_sessions(records: Iterable[SessionRecord], workout: str) -> int:
    return sum(1 for record in records if record.workout == workout and record.status == "completed")


def with_current_cadence(
    workout: Workout, completed: int, step: int = DEFAULT_CADENCE_STEP
) -> tuple[Workout, CadenceProgress | None]:
    """Every ramp starts ``step`` higher per completed session, capped at its top."""

    def start_of(ramp: CadenceRamp) -> int:
        return min(ramp.high, ramp.low + step * completed)

    def climb(step_: Step) -> Step:
        ramp = step_.cadence
        if not isinstance(ramp, CadenceRamp):
            return step_
        start = start_of(ramp)
        return step_.model_copy(
            update={"cadence": ramp.high if start >= ramp.high else CadenceRamp(start, ramp.high)}
        )

    ramps = [step_.cadence for step_ in workout.all_steps() if isinstance(step_.cadence, CadenceRamp)]
    if not ramps:
        return workout, None
    last = ramps[-1]  # the one the runner climbs last, which the reason speaks of
    reason = _reason(last, start_of(last), completed, step)
    return workout.map_steps(climb), CadenceProgress(start_of(last), last.high, completed, reason)


def _reason(ramp: CadenceRamp, start: int, completed: int, step: int) -> str:
    if completed == 0:
        return f"cadence {start} to {ramp.high} spm: your first session, +{step} after each one you finish"
    if start == ramp.high:
        return f"cadence {ramp.high} spm all the way: you reached the target"
    return f"cadence {start} to {ramp.high} spm: +{step} for each of {completed} finished sessions"

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
from dataclasses import dataclass

from runtimer.plan.models import CadenceRamp, Repeat, Workout
from runtimer.records import SessionRecord

DEFAULT_CADENCE_STEP = 2


@dataclass(frozen=True)
class CadenceProgress:
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
    progress: CadenceProgress | None = None
    items = []
    for item in workout.steps:
        if isinstance(item, Repeat):
            steps = []
            for step_ in item.steps:
                if isinstance(step_.cadence, CadenceRamp):
                    ramp = step_.cadence
                    start = min(ramp.high, ramp.low + step * completed)
                    progress = CadenceProgress(
                        start, ramp.high, completed, _reason(ramp, start, completed, step)
                    )
                    climbed = ramp.high if start >= ramp.high else CadenceRamp(start, ramp.high)
                    step_ = step_.model_copy(update={"cadence": climbed})
                steps.append(step_)
            item = item.model_copy(update={"steps": steps})
        items.append(item)
    return workout.model_copy(update={"steps": items}), progress


def _reason(ramp: CadenceRamp, start: int, completed: int, step: int) -> str:
    if completed == 0:
        return f"cadence {start} to {ramp.high} spm: your first session, +{step} after each one you finish"
    if start == ramp.high:
        return f"cadence {ramp.high} spm all the way: you reached the target"
    return f"cadence {start} to {ramp.high} spm: +{step} for each of {completed} finished sessions"

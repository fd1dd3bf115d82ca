"""Quick edits before a session: reps, sprint, jog, warm-up and cool-down lengths.

The CLI flags and the picker's fields both land here, so "--jog 90s" and typing
90s into the picker change a workout the same way.
"""

from __future__ import annotations

from runtimer.errors import UserError
from runtimer.plan.durations import format_duration
from runtimer.plan.frozen import Frozen
from runtimer.plan.models import Repeat, Step, StepKind, Workout
from runtimer.plan.spans import MAX_DURATION_S, MAX_REPS, DurationSpan


class Overrides(Frozen):
    """Values in whole seconds (durations) or reps; ``None`` leaves the plan alone."""

    reps: int | None = None
    sprint: int | None = None
    jog: int | None = None
    warmup: int | None = None
    cooldown: int | None = None

    def duration_kinds(self) -> dict[StepKind, int]:
        chosen = {StepKind(name): getattr(self, name) for name in self._fields if name != "reps"}
        return {kind: seconds for kind, seconds in chosen.items() if seconds is not None}


def apply_overrides(workout: Workout, overrides: Overrides) -> Workout:
    """Return a copy of ``workout`` with the overrides applied.

    Asking for an edit the workout cannot take (``--reps`` with no repeat block,
    ``--sprint`` with no sprint) is an error, not a silent no-op: the runner
    would otherwise start a session they did not ask for.
    """
    if overrides.reps is not None and not 0 < overrides.reps <= MAX_REPS:
        raise UserError(f"--reps: {overrides.reps} is not a rep count from 1 to {MAX_REPS}")
    for kind, seconds in overrides.duration_kinds().items():
        if not 0 < seconds <= MAX_DURATION_S:
            raise UserError(f"--{kind.value}: a step runs from 1s to {format_duration(MAX_DURATION_S)}")
    kinds = overrides.duration_kinds()
    used: set[StepKind] = set()

    def edit(step: Step) -> Step:
        seconds = kinds.get(step.kind)
        if seconds is None:
            return step
        used.add(step.kind)
        duration = step.duration.choose(seconds) if step.duration else DurationSpan.fixed(seconds)
        return step.model_copy(update={"duration": duration})

    def set_reps(block: Repeat) -> Repeat:
        return block.model_copy(update={"repeat": block.repeat.choose(overrides.reps or block.repeat.value)})

    if overrides.reps and not workout.has_repeats:
        raise UserError(f'--reps: workout "{workout.name}" has no repeated block')
    edited = workout.map_steps(edit)
    if overrides.reps:
        edited = edited.map_repeats(set_reps)
    missing = sorted(kinds.keys() - used)
    if missing:
        name = missing[0].value
        raise UserError(f'--{name}: workout "{workout.name}" has no {name} step')
    return edited

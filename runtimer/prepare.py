"""From "which workout, with which edits" to the exact phases a session will run.

The CLI's ``run`` and ``show``, the picker's preview and the tests all go
through :func:`prepare`, so what the picker previews is what runs.
"""

from __future__ import annotations

from dataclasses import dataclass

from runtimer.coach.progression import Progression, progress_workout
from runtimer.plan.loader import Entry
from runtimer.plan.models import Workout
from runtimer.plan.overrides import Overrides, apply_overrides
from runtimer.plan.phases import Phase, expand
from runtimer.plan.textsyntax import workout_to_text
from runtimer.settings import Settings
from runtimer.store.records import SessionRecord


@dataclass(frozen=True)
class PreparedSession:
    entry: Entry
    workout: Workout
    phases: tuple[Phase, ...]
    progression: Progression | None
    """Why the rests are what they are; ``None`` when history had no say."""

    @property
    def name(self) -> str:
        return self.workout.name

    @property
    def plan_text(self) -> str:
        return workout_to_text(self.workout)

    @property
    def reps_planned(self) -> int:
        return sum({p.block: p.reps or 0 for p in self.phases if p.block is not None}.values())

    @property
    def rest_s(self) -> float | None:
        return next((p.duration for p in self.phases if p.is_recovery and p.duration), None)


def prepare(
    entry: Entry,
    overrides: Overrides,
    settings: Settings,
    last: SessionRecord | None = None,
    fresh: bool = False,
) -> PreparedSession:
    """History moves the rests first; the runner's own edits then have the last word.

    An explicit ``--jog`` (or an edit of whichever kind the workout rests with)
    replaces what history suggested, so no "why" line is shown for it. One-line
    workouts and loose files share no identity across sessions, so only named
    workouts (built-in or the runner's own) learn from history.
    """
    workout, progression = entry.workout, None
    if entry.source in ("built-in", "user"):
        workout, progression = progress_workout(
            workout, last, step_s=settings.rest_step_s, floor_s=settings.rest_floor_s, fresh=fresh
        )
    workout = apply_overrides(workout, overrides)
    phases = expand(workout)
    if progression is not None and overrides.jog is not None:
        progression = None
    return PreparedSession(entry, workout, phases, progression)

"""From "which workout, with which edits" to the exact phases a session will run.

The CLI's ``run`` and ``show``, the picker's preview and the tests all go
through :func:`prepare`, so what the picker previews is what runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from runtimer.coach.cadence import CadenceProgress, completed_sessions, with_current_cadence
from runtimer.coach.progression import Progression, last_finished, progress_workout
from runtimer.config.settings import Settings
from runtimer.plan.frozen import Frozen
from runtimer.plan.loader import Entry
from runtimer.plan.models import Step, Workout
from runtimer.plan.overrides import Overrides, apply_overrides
from runtimer.plan.phases import Phase, expand, reference_rest, reps_planned
from runtimer.plan.targets import GOAL
from runtimer.plan.textwriter import workout_to_text
from runtimer.plan.units import Pace
from runtimer.records import SessionRecord

if TYPE_CHECKING:
    from runtimer.coach.goal import Goal

NAMED_SOURCES = ("built-in", "user")
"""Workouts with a name that means the same plan every time: only these learn from history."""
HISTORY_WINDOW = 200
"""Sessions read to prepare the next one: rests need the last, cadence counts up to ten."""


class PreparedSession(Frozen):
    entry: Entry
    workout: Workout
    phases: tuple[Phase, ...]
    progression: Progression | None
    """Why the rests are what they are; ``None`` when history had no say."""
    cadence: CadenceProgress | None = None
    """Where a cadence ramp starts this time, and why."""

    @property
    def reasons(self) -> list[str]:
        """What history changed, in words, for the picker and the session screen."""
        return [why.reason for why in (self.progression, self.cadence) if why is not None]

    own_rest: bool = False
    """The runner set the rest by hand; such a session is kept under its own name."""
    goal: Goal | None = None
    """The race goal whose pace ``@goal`` steps run to, when that is where it came from."""
    plan_day: date | None = None
    """The training plan's day this session is run for, kept with it in the history."""

    @property
    def name(self) -> str:
        """The name the history keeps: a hand-set rest must not teach the workout its rests."""
        return f"{self.workout.name} (own rest)" if self.own_rest else self.workout.name

    @property
    def teaches_next_session(self) -> bool:
        """Whether this session's end (and its gassed answer) moves the next one's rests."""
        return self.entry.source in NAMED_SOURCES and not self.own_rest

    @property
    def plan_text(self) -> str:
        return workout_to_text(self.workout)

    @property
    def reps_planned(self) -> int:
        return reps_planned(self.phases)

    @property
    def rest_s(self) -> float | None:
        return reference_rest(self.phases)


def prepare(
    entry: Entry,
    overrides: Overrides,
    settings: Settings,
    history: Sequence[SessionRecord] = (),
    fresh: bool = False,
    usual_pace: Pace | None = None,
    goal: Goal | None = None,
) -> PreparedSession:
    """History moves the rests and cadence first; the runner's own edits then have the last word.

    ``history`` is the stored sessions, newest first (a recent window is enough).

    An explicit ``--jog`` replaces what history suggested, and the session is
    kept under its own name ("intervals (own rest)"), so a quick test with
    short jogs never becomes the rest the everyday workout starts from. One-line
    workouts and loose files share no identity across sessions, so only named
    workouts (built-in or the runner's own) learn from history.
    """
    workout, progression, cadence = entry.workout, None, None
    if entry.source in NAMED_SOURCES:
        name = workout.name
        workout, progression = progress_workout(
            workout,
            last_finished(history, name),
            step_s=settings.rest_step_s,
            floor_s=settings.rest_floor_s,
            fresh=fresh,
        )
        completed = 0 if fresh else completed_sessions(history, name)
        workout, cadence = with_current_cadence(workout, completed, settings.cadence_step)
    target, goal = goal_pace(settings, usual_pace, goal)
    workout = apply_overrides(with_goal_pace(workout, target), overrides)
    phases = expand(workout)
    own_rest = overrides.jog is not None
    if own_rest:
        progression = None
    uses_goal = any(step.pace == GOAL for step in entry.workout.all_steps())
    return PreparedSession(
        entry, workout, phases, progression, cadence, own_rest, goal if uses_goal else None
    )


def goal_pace(
    settings: Settings, usual_pace: Pace | None, goal: Goal | None
) -> tuple[Pace | None, Goal | None]:
    """What ``@goal`` means today, and the race goal when that is where it comes from.

    The notes run their 400s at goal pace: with a race goal set, that is its race
    pace. A usual pace typed for this session (``--usual-pace``, the picker's
    field) says the runner wants the notes' "20-25% faster than usual" today
    instead; without either, the settings' ``usual_pace`` and ``faster`` decide.
    """
    if usual_pace is None and goal is not None:
        return goal.pace_target(), goal
    return settings.goal(usual_pace), None


def with_goal_pace(workout: Workout, goal: Pace | None) -> Workout:
    """``@goal`` steps take the runner's goal pace; without one they run with no pace target.

    Only the pace changes: a goal-paced distance had no pace to be timed by when
    it was read, so it runs to the lap key, and keeps doing so.
    """

    def edit(step: Step) -> Step:
        return step.model_copy(update={"pace": goal}) if step.pace == GOAL else step

    return workout.map_steps(edit)

"""The recovery length to start a session with, from how the last one went.

The training notes: "By the time you get to the last interval, you should be
gassed. If you're not, lower the rest time." So each session starts from the
recovery the last one ended with (in-session "+"/"-" included) and moves one
step on the runner's answer. Pure: records in, numbers and a sentence out.
"""

from __future__ import annotations

from collections.abc import Iterable

from runtimer.plan.durations import format_time
from runtimer.plan.frozen import Frozen
from runtimer.plan.models import REST_FLOOR_S, REST_STEP_S, Step, StepKind, Workout
from runtimer.records import SessionRecord

STEPS_ABOVE_PLAN = 4
"""The ceiling: plan + 4 steps (2:00 becomes at most 3:00). A runner who still
stops early with half as much rest again needs a shorter sprint, fewer reps or
the recovery day, not an interval session that drifts into an easy jog."""


class Progression(Frozen):
    rest_s: int
    previous_rest_s: int | None
    reason: str


def last_finished(history: Iterable[SessionRecord], workout: str) -> SessionRecord | None:
    """The newest session of ``workout`` that has ended: where its progression starts.

    ``history`` is newest first, as the store returns it.
    """
    return next((r for r in history if r.workout == workout and r.status != "running"), None)


def planned_recovery(workout: Workout) -> tuple[StepKind, int] | None:
    """The first timed recovery inside a repeat block: what progression moves.

    ``None`` when there is none (a cadence run, a lap-ended recovery): then
    there is nothing to progress.
    """
    for step in workout.all_steps(only_repeated=True):
        if step.kind.is_recovery and step.duration is not None:
            return step.kind, step.duration.value
    return None


def next_recovery(
    last: SessionRecord | None,
    planned_s: int,
    *,
    kind: StepKind = StepKind.JOG,
    step_s: int = REST_STEP_S,
    floor_s: int = REST_FLOOR_S,
    fresh: bool = False,
) -> Progression:
    """Where the next session's recovery starts.

    The floor never lengthens a plan written shorter than it: a 20 s rest stays
    20 s, it just never shrinks further.
    """
    if min(planned_s, step_s, floor_s) <= 0:
        raise ValueError("planned rest, step and floor must be greater than zero")
    if fresh or last is None or last.rest_s is None:
        why = "fresh start" if fresh else "first time" if last is None else "no rest recorded last time"
        return Progression(planned_s, None, f"{kind} {format_time(planned_s)}: as planned, {why}")
    change, why = _verdict(last, step_s)
    wanted = last.rest_s + change
    lowest, highest = min(floor_s, planned_s), planned_s + STEPS_ABOVE_PLAN * step_s
    rest = min(max(wanted, lowest), highest)
    if rest != wanted:
        why += f", but {format_time(rest)} is the {'floor' if rest == lowest else 'ceiling'}"
    head = (
        f"{kind} {format_time(rest)} again"
        if rest == last.rest_s
        else f"{kind} {format_time(rest)}, was {format_time(last.rest_s)}"
    )
    return Progression(rest, last.rest_s, f"{head}: {why}")


def _verdict(last: SessionRecord, step_s: int) -> tuple[int, str]:
    """The runner's answer wins; stopping early only speaks when they said nothing against it.

    A stop before the first rep says nothing about the rest (a phone call, a
    false start); a stop during the cool-down is not early.
    """
    if last.gassed is False:
        return -step_s, "not gassed last time"
    if last.status == "stopped" and 0 < last.reps_done < last.reps_planned:
        return step_s, f"stopped after {last.reps_done} of {last.reps_planned} reps last time"
    if last.gassed:
        return 0, "gassed last time"
    if last.status == "stopped" and last.reps_done == 0:
        return 0, "stopped before the first rep last time"
    return 0, "no answer last time"


def with_recovery(workout: Workout, seconds: int, floor_s: int = REST_FLOOR_S) -> Workout:
    """The planned recovery moved to ``seconds``, and every other one by the same amount.

    Moving by the same amount rather than setting one length keeps a plan's shape:
    the strength circuit's 15 s rests and its 60 s round break both move, and the
    break stays the longer one. Nothing goes below the floor, or below its own plan
    when the plan is already shorter. A range keeps its ends (``choose``), as the
    quick edits do. Warm-up walks and lap-ended recoveries stay as written.
    """
    planned = planned_recovery(workout)
    shift = seconds - planned[1] if planned else 0

    def edit(step: Step) -> Step:
        if step.kind.is_recovery and step.duration is not None:
            own = step.duration.value
            moved = max(own + shift, min(floor_s, own))
            return step.model_copy(update={"duration": step.duration.choose(moved)})
        return step

    return workout.map_steps(edit, only_repeated=True)


def progress_workout(
    workout: Workout,
    last: SessionRecord | None,
    *,
    step_s: int = REST_STEP_S,
    floor_s: int = REST_FLOOR_S,
    fresh: bool = False,
) -> tuple[Workout, Progression | None]:
    """The workout to run and why its recovery is what it is; ``None`` if it has none to move."""
    planned = planned_recovery(workout)
    if planned is None:
        return workout, None
    kind, planned_s = planned
    progression = next_recovery(last, planned_s, kind=kind, step_s=step_s, floor_s=floor_s, fresh=fresh)
    return with_recovery(workout, progression.rest_s, floor_s), progression

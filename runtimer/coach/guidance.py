"""Rest-day guidance: a nudge toward the recovery workout after a hard day, never a block.

The training notes: "If you're going to be focusing on increasing stride
cadence and have your neurons fire a little faster, you will need to rest.
The nervous system needs a chance to recover."
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta, tzinfo

from runtimer.plan.frozen import Frozen
from runtimer.plan.models import StepKind, Workout
from runtimer.plan.textsyntax import parse_workout_text
from runtimer.records import SessionRecord

RECOVERY_WORKOUT = "recovery"
WEEK_DAYS = 7


class Guidance(Frozen):
    rest_day: str | None
    """A suggestion to run ``recovery`` instead, or ``None``."""
    hard_days: int
    easy_days: int
    """Days in the last seven (today included) with a session; a day with both counts as hard."""

    @property
    def week_line(self) -> str:
        return f"last 7 days: {self.hard_days} hard, {self.easy_days} easy"


def is_hard_workout(workout: Workout) -> bool:
    """Any sprint, or a run held to a pace: the efforts the nervous system pays for."""
    return bool(_hard_kinds(workout))


def is_hard_session(record: SessionRecord) -> bool:
    """A hard plan that was completed, or stopped after reaching a hard phase.

    Stopping during the warm-up of an interval day was not a hard day.
    """
    kinds = _session_hard_kinds(record)
    if record.status == "completed":
        return bool(kinds)
    if record.status == "stopped":
        return any(phase.kind in kinds for phase in record.phases)
    return False


def guidance(
    planned: Workout, history: Iterable[SessionRecord], today: date, tz: tzinfo | None = None
) -> Guidance:
    """Days are local dates (``tz``, or the system's zone) of when sessions started."""
    week = {today - timedelta(days=back) for back in range(WEEK_DAYS)}
    days: dict[date, bool] = {}
    for record in history:
        if record.status == "running":
            continue
        day = record.started_at.astimezone(tz).date()
        days[day] = days.get(day, False) or is_hard_session(record)
    yesterday = today - timedelta(days=1)
    rest_day = None
    if is_hard_workout(planned) and days.get(yesterday):
        rest_day = (
            f"Yesterday was a hard day. Your nervous system needs a chance to recover: "
            f"consider {RECOVERY_WORKOUT} today instead of {planned.name}."
        )
    hard = sum(1 for day, was_hard in days.items() if day in week and was_hard)
    easy = sum(1 for day, was_hard in days.items() if day in week and not was_hard)
    return Guidance(rest_day, hard, easy)


def _hard_kinds(workout: Workout) -> set[StepKind]:
    return {
        step.kind
        for step in workout.all_steps()
        if step.kind is StepKind.SPRINT or (step.kind is StepKind.RUN and step.pace is not None)
    }


def _session_hard_kinds(record: SessionRecord) -> set[StepKind]:
    """From the stored plan, which keeps paces; the phases alone only know kinds."""
    try:
        return _hard_kinds(parse_workout_text(record.plan_text))
    except ValueError:  # UserError, or a plan text from an older syntax
        return {StepKind.SPRINT} if any(p.kind is StepKind.SPRINT for p in record.phases) else set()

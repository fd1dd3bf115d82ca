"""A workout written back as one line, the form :func:`~runtimer.plan.textsyntax.parse_workout_text`
reads to the same steps: how history keeps the plan a session ran."""

from __future__ import annotations

from runtimer.plan.models import LAP, Repeat, Step, StepKind, Workout
from runtimer.plan.texttokens import too_short_after_kind


def workout_to_text(workout: Workout) -> str:
    """The one-line form that :func:`parse_workout_text` reads back to the same steps."""
    return ", ".join(_item_text(item) for item in workout.steps)


def _item_text(item: Step | Repeat) -> str:
    if isinstance(item, Repeat):
        return f"{item.repeat.to_text()}x({', '.join(_item_text(inner) for inner in item.steps)})"
    return _step_text(item)


def _step_text(step: Step) -> str:
    if step.distance is not None and step.timed_by_pace and step.kind is StepKind.RUN:
        words = [str(step.distance)]
    elif (
        step.distance is not None
        and not too_short_after_kind(step.distance)
        and (step.timed_by_pace or (step.duration is None and step.pace is None))
    ):
        words = [step.kind.value, str(step.distance)]
    else:
        words = [LAP if step.duration is None else step.duration.to_text(), step.kind.value]
        if step.distance is not None:
            words.append(str(step.distance))
    if step.pace is not None:
        words.append(f"@{step.pace}")
    if step.cadence is not None:
        words.append(f"@{step.cadence}spm")
    if step.note is not None:
        words.append(f'"{step.note}"')
    return " ".join(words)

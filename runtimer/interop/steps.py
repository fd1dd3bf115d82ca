"""What FIT workouts and intervals.icu text can say of a runtimer workout, and the words they share.

Both formats hold steps and single repeat blocks with one value per step, so
a workout is brought into that shape once, here, before either writer sees
it: a range runs its chosen value, and a cadence ramp, which climbs rep by
rep, is written out rep by rep. What neither can say is refused with one line
naming the step, never dropped.
"""

from __future__ import annotations

import re

from runtimer.errors import UserError
from runtimer.plan.models import Repeat, Step, StepKind, Workout, parse_kind
from runtimer.plan.spans import DurationSpan, RepSpan
from runtimer.plan.targets import CadenceRamp
from runtimer.plan.units import Distance, Pace

Item = Step | Repeat


def writable_items(workout: Workout) -> list[Item]:
    """The workout's items as the formats take them, or a :class:`UserError` naming the step."""
    items: list[Item] = []
    for number, item in enumerate(workout.steps, start=1):
        if isinstance(item, Step):
            items.append(_writable(item, f"step {number}"))
            continue
        if item.is_set:
            raise nested_repeat(f"step {number}")
        steps = [_writable(step, f"step {number} > step {inner}") for inner, step in enumerate(flat(item), 1)]
        reps = item.repeat.value
        if any(isinstance(step.cadence, CadenceRamp) for step in steps):
            items += [_at_rep(step, rep, reps) for rep in range(1, reps + 1) for step in steps]
        else:
            items.append(Repeat(repeat=RepSpan.fixed(reps), steps=steps))
    return items


def flat(block: Repeat) -> list[Step]:
    """A repeat's steps: sets of reps are refused before any writer or reader gets here."""
    steps = [item for item in block.steps if isinstance(item, Step)]
    if len(steps) != len(block.steps):
        raise nested_repeat("a repeat")
    return steps


def _writable(step: Step, place: str) -> Step:
    if step.pace == "goal":
        raise UserError(
            f"{place}: @goal needs a goal pace to become a pace a watch can hold "
            "(set a race goal with runtimer goal, usual_pace in settings.toml, or pass --usual-pace)"
        )
    if step.distance is not None and step.duration is not None and not step.timed_by_pace:
        raise UserError(
            f"{place}: {step.distance} with a time of its own ({step.duration.to_text()}) has no form there: "
            "a step ends on its time, its distance or the lap key"
        )
    if step.duration is not None and step.duration.is_range:
        return step.model_copy(update={"duration": DurationSpan.fixed(step.duration.value)})
    return step


def _at_rep(step: Step, rep: int, reps: int) -> Step:
    """One rep of a cadence ramp, at the tempo the ramp has reached in it."""
    if isinstance(step.cadence, CadenceRamp):
        return step.model_copy(update={"cadence": step.cadence.at(rep, reps)})
    return step


def nested_repeat(place: str) -> UserError:
    """Sets of reps run in runtimer, but do not yet go to or come from other tools' files.

    The one place that says so, for every reader and writer: FIT's nested repeat
    steps and intervals.icu's flat blocks each need their own mapping.
    """
    return UserError(
        f"{place}: a repeat inside a repeat (sets of reps) cannot go to or come from FIT or "
        "intervals.icu text yet"
    )


KIND_WORDS = {kind.value: kind for kind in StepKind} | {
    "warm": StepKind.WARMUP,
    "cool": StepKind.COOLDOWN,
    "recover": StepKind.JOG,
    "recovery": StepKind.JOG,
}
"""A step's first word, as runtimer writes it ("Sprint") and as other tools often do ("Recovery")."""


def kind_and_note(text: str) -> tuple[StepKind | None, str | None]:
    """``Sprint as hard as you can`` -> (sprint, "as hard as you can"); text that names no kind is a note."""
    words = text.split()
    if not words:
        return None, None
    first = words[0].lower().rstrip(":,-")
    kind: StepKind | None
    try:
        kind = parse_kind(first)
    except ValueError:
        kind = KIND_WORDS.get(first)
        if first in ("warm", "cool") and len(words) > 1 and words[1].lower().rstrip(":,-") in ("up", "down"):
            words = words[1:]
    rest = " ".join(words[1:]) if kind is not None else text.strip()
    return kind, note_text(rest)


def note_text(text: str) -> str | None:
    """A note runtimer can keep: one line, no double quotes, at most 60 characters (cut with an ellipsis)."""
    cleaned = re.sub(r"\s+", " ", text.replace('"', "'")).strip()
    if not cleaned:
        return None
    return cleaned if len(cleaned) <= 60 else cleaned[:59].rstrip() + "…"


def step_title(step: Step) -> str:
    """``Sprint``, or ``Sprint 400m`` for a distance the lap key ends: what a watch shows for the step."""
    title = step.kind.value.capitalize()
    return f"{title} {step.distance}" if step.distance is not None and step.duration is None else title


def distance_from_metres(metres: float) -> Distance:
    """A distance in the unit it was likely written in: km, hundredths of a mile, or metres."""
    if metres >= 1000 and abs(metres / 1000 - round(metres / 1000, 2)) < 1e-6:
        return Distance(round(metres / 1000, 2), "km")
    miles = metres / 1609.344
    if miles >= 0.25 and abs(miles - round(miles, 2)) * 1609.344 < 0.01:
        return Distance(round(miles, 2), "mi")
    return Distance(round(metres, 2), "m")


def pace_from_speed(metres_per_s: float) -> Pace:
    """A speed as a pace per kilometre, to the second."""
    return Pace(max(1, round(1000 / metres_per_s)), "km")

"""Hypothesis strategies that build valid workouts, for round-trip and engine properties."""

from __future__ import annotations

from typing import TypeVar

from hypothesis import strategies as st

from runtimer.plan.models import Repeat, Step, StepKind, Workout
from runtimer.plan.spans import DurationSpan, RepSpan
from runtimer.plan.targets import MAX_CADENCE, MIN_CADENCE
from runtimer.plan.units import Distance, Pace

SpanT = TypeVar("SpanT", DurationSpan, RepSpan)


def spans(cls: type[SpanT], top: int) -> st.SearchStrategy[SpanT]:
    fixed = st.integers(1, top).map(cls.fixed)
    ranged = st.tuples(st.integers(1, top), st.integers(1, top)).filter(lambda t: t[0] < t[1])
    chosen = ranged.flatmap(lambda t: st.tuples(st.just(t[0]), st.just(t[1]), st.integers(t[0], t[1])))
    return fixed | chosen.map(lambda t: cls(low=t[0], high=t[1], value=t[2]))


note_text = st.text(
    alphabet=st.characters(whitelist_categories=("L", "N"), whitelist_characters=" -,.;:'()!?"),
    min_size=1,
    max_size=60,
)

steps = st.builds(
    Step,
    kind=st.sampled_from(StepKind),
    duration=st.none() | spans(DurationSpan, 4000),
    distance=st.none()
    | st.builds(Distance, st.integers(1, 20000).map(float), st.sampled_from(["m", "km", "mi"])),
    # 2:41 to 30:00 per mile or per km: paces runtimer reads back in either unit.
    pace=st.none() | st.just("goal") | st.builds(Pace, st.integers(161, 1800), st.sampled_from(["mi", "km"])),
    cadence=st.none() | st.integers(MIN_CADENCE, MAX_CADENCE),
    note=st.none() | note_text,
)

repeats = st.builds(Repeat, repeat=spans(RepSpan, 20), steps=st.lists(steps, min_size=1, max_size=4))
sets = st.builds(Repeat, repeat=spans(RepSpan, 4), steps=st.lists(repeats | steps, min_size=1, max_size=3))
"""Sets of reps, one level deep: ``2x(6x(400m, jog 200m), 4m rest)``."""

workouts = st.builds(
    Workout,
    name=st.just("one-line"),
    description=st.just(""),
    steps=st.lists(steps | repeats | sets, min_size=1, max_size=6),
)

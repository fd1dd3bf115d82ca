from __future__ import annotations

import pytest
from hypothesis import given

from runtimer.errors import UserError
from runtimer.plan.models import Repeat, Step, StepKind, Workout
from runtimer.plan.phases import expand, total_seconds
from runtimer.plan.spans import DurationSpan, RepSpan
from runtimer.plan.textsyntax import parse_workout_text
from runtimer.plan.textwriter import workout_to_text
from runtimer.plan.units import Pace
from tests.support.strategies import workouts


def test_the_core_session_expands_to_eighteen_phases() -> None:
    workout = parse_workout_text("10m warmup, 8x(40s sprint, 2m jog), 5m cooldown")
    phases = expand(workout)
    assert len(phases) == 18
    assert total_seconds(phases) == 36 * 60 + 20
    assert [p.kind for p in phases[:3]] == [StepKind.WARMUP, StepKind.SPRINT, StepKind.JOG]
    assert (phases[5].rep, phases[5].reps) == (3, 8)
    assert phases[-1].kind is StepKind.COOLDOWN and phases[-1].rep is None


def test_targets_notes_ranges_and_open_steps() -> None:
    workout = parse_workout_text('6-10=8x(30-45s sprint @6:30/mi "all out", lap jog @180spm), 5m cool-down')
    block = workout.steps[0]
    assert isinstance(block, Repeat)
    assert (block.repeat.low, block.repeat.high, block.repeat.value) == (6, 10, 8)
    sprint, jog = block.steps
    assert isinstance(sprint, Step) and isinstance(jog, Step)
    assert sprint.duration == DurationSpan(low=30, high=45, value=30)
    assert sprint.pace == Pace(390, "mi") and sprint.note == "all out"
    assert jog.is_open and jog.cadence == 180
    assert workout.steps[1] == Step(kind=StepKind.COOLDOWN, duration=DurationSpan.fixed(300))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("10m warmup, 8x(40q sprint, 2m jog)", 'at column 16: "40q" is not a duration (try 40s, 2m, 1:30)'),
        ("10m warmpu", 'at column 5: "warmpu" is not a step kind'),
        ("8x(40s sprint", 'at column 14: expected ")" but found the end'),
        ("", "at column 1: the workout is empty"),
        ("0s jog", 'at column 1: "0s" must be longer than zero'),
        ("0x(1s jog)", "at column 1: a rep count must be greater than zero"),
        ("3-1x(1s jog)", "at column 1: range 3-1 runs backwards"),
        ("40s sprint @foo", 'at column 12: "@foo" is not a target'),
        ("40s sprint @90spm", 'at column 12: "@90spm": cadence runs from 100 to 240'),
        ("4x(400m @0:45/mi, 90s jog)", 'at column 9: "0:45/mi" is faster than anyone runs'),
        ("40s", "at column 4: the workout ends too early"),
        ("3x(sprint)", 'at column 4: "sprint" needs a length before it, like "30s sprint", or a distance'),
        ("jog", 'at column 1: "jog" needs a length before it, like "30s jog"'),
        ("10m warmup 5m jog", 'at column 12: expected "," but found "5m"'),
        ('40s sprint "unclosed', "at column 12: this note has no closing quote"),
        ("2x(1m jog, 2x(3x(1m jog)))", "at column 15: repeats nest one level deep"),
        ("2x(6x(400m @goal, 200m jog), 4m rest)", 'at column 19: "200m" before the kind is 200 minutes'),
        (
            "3x(400m run, 1m jog)",
            'at column 4: "400m" before the kind is 400 minutes: for metres write "run 400m"',
        ),
        ("40s sprint @180spm @170spm", "at column 20: this step already has a cadence"),
    ],
)
def test_errors_point_at_the_column(text: str, message: str) -> None:
    with pytest.raises(UserError) as caught:
        parse_workout_text(text)
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


def test_a_set_of_reps_numbers_its_sets_and_makes_each_set_a_block_of_its_own() -> None:
    workout = parse_workout_text("10m warmup, 2x(3x(400m @4:00/km, jog 200m), 4m rest), 5m cooldown")
    phases = expand(workout)
    assert [(p.kind.value, p.set, p.sets, p.block, p.rep, p.reps) for p in phases[6:10]] == [
        ("jog", 1, 2, 1, 3, 3),
        ("rest", 1, 2, None, None, None),
        ("run", 2, 2, 2, 1, 3),
        ("jog", 2, 2, 2, 1, 3),
    ]
    assert len(phases) == 1 + 2 * (3 * 2 + 1) + 1
    assert phases[1].rep_label == "set 1/2, rep 1/3" and phases[7].rep_label == "set 1/2"
    assert workout_to_text(workout) == "10m warmup, 2x(3x(400m @4:00/km, jog 200m), 4m rest), 5m cooldown"


def test_a_sets_own_steps_are_not_reps_to_the_traversals() -> None:
    workout = parse_workout_text("2x(3x(30s sprint, 1m jog), 4m rest)")
    assert [s.kind.value for s in workout.all_steps()] == ["sprint", "jog", "rest"]
    assert [s.kind.value for s in workout.all_steps(only_repeated=True)] == ["sprint", "jog"]
    longer = workout.map_steps(lambda s: s.model_copy(update={"note": "x"}), only_repeated=True)
    assert [s.note for s in longer.all_steps()] == ["x", "x", None]
    doubled = workout.map_repeats(lambda r: r.model_copy(update={"repeat": RepSpan.fixed(6)}))
    assert [(p.set, p.reps) for p in expand(doubled) if p.kind is StepKind.SPRINT][-1] == (2, 6)
    assert len([p for p in expand(doubled) if p.kind is StepKind.REST]) == 2, "the set count stays"


@given(workouts)
def test_text_form_round_trips(workout: Workout) -> None:
    text = workout_to_text(workout)
    assert parse_workout_text(text).steps == workout.steps


@pytest.mark.parametrize(
    ("text", "kind", "distance", "duration", "split"),
    [
        ("400m @6:30/mi", StepKind.RUN, 400, 97, 96.9),
        ("sprint 400m @6:30/mi", StepKind.SPRINT, 400, 97, 96.9),
        ("sprint 400m", StepKind.SPRINT, 400, None, None),
        ("lap sprint 1km @4:00/km", StepKind.SPRINT, 1000, None, 240),
        ("90s sprint 400m @6:30/mi", StepKind.SPRINT, 400, 90, 96.9),
        ("20m run @6:30/mi", StepKind.RUN, None, 1200, None),
    ],
)
def test_distance_steps(
    text: str, kind: StepKind, distance: float | None, duration: int | None, split: float | None
) -> None:
    [phase] = expand(parse_workout_text(text))
    assert phase.kind is kind
    assert (phase.distance.metres if phase.distance else None) == distance
    assert phase.duration == duration
    assert phase.target_split_s == pytest.approx(split, abs=0.05) if split else phase.target_split_s is None


def test_the_issue_example_runs_four_timed_400s() -> None:
    phases = expand(parse_workout_text("4x(400m @6:30/mi, 90s jog)"))
    assert [(p.kind, p.duration) for p in phases[:2]] == [(StepKind.RUN, 97), (StepKind.JOG, 90)]
    assert phases[0].targets_label == "400m @6:30/mi in 1:37"


def test_a_cadence_ramp_climbs_rep_by_rep() -> None:
    workout = parse_workout_text("5m warmup, 4x(5m run @160-180spm), 5m cooldown")
    assert [p.cadence for p in expand(workout)] == [None, 160, 167, 173, 180, None]
    assert workout_to_text(workout) == "5m warmup, 4x(5m run @160-180spm), 5m cooldown"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("20m run @170-180spm", "step 1: a cadence ramp (170-180) needs a repeat block to climb across"),
        ("2x(1m run @180-170spm)", 'at column 11: "@180-170spm": a cadence ramp climbs, low end first'),
    ],
)
def test_cadence_ramp_mistakes(text: str, message: str) -> None:
    with pytest.raises(UserError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_workout_text(text)

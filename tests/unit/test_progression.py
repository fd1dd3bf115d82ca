"""Recovery progression: "by the last interval you should be gassed; if not, lower the rest"."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runtimer.coach.progression import (
    Progression,
    last_finished,
    next_recovery,
    planned_recovery,
    progress_workout,
    with_recovery,
)
from runtimer.plan.models import Repeat, Step, StepKind, Workout
from runtimer.plan.phases import expand
from runtimer.plan.textsyntax import parse_workout_text
from runtimer.records import FinalStatus, SessionRecord
from runtimer.store.sessions import SessionStore
from tests.support.strategies import workouts

START = datetime(2025, 3, 1, 6, 15, tzinfo=UTC)
INTERVALS = "10m warmup, 8x(40s sprint, 2m jog), 5m cooldown"


def last(rest_s: int | None = 120, **changes: object) -> SessionRecord:
    base: dict[str, object] = {
        "id": 1,
        "workout": "intervals",
        "plan_text": INTERVALS,
        "started_at": START,
        "ended_at": START + timedelta(minutes=40),
        "status": "completed",
        "reps_done": 8,
        "reps_planned": 8,
        "rest_adjust_s": 0,
        "rest_s": rest_s,
        "gassed": None,
        "notes": None,
    }
    return SessionRecord.model_validate(base | changes)


def test_progression_starts_from_the_newest_ended_session_of_that_workout() -> None:
    history = [  # newest first, as the store gives them
        last(id=4, status="running"),
        last(id=3, workout="cadence"),
        last(id=2, status="stopped"),
        last(id=1),
    ]
    found = last_finished(history, "intervals")
    assert found is not None and found.id == 2
    assert last_finished(history[:2], "intervals") is None


def test_not_gassed_lowers_the_rest_by_one_step() -> None:
    assert next_recovery(last(120, gassed=False), 120) == Progression(
        rest_s=105, previous_rest_s=120, reason="jog 1:45, was 2:00: not gassed last time"
    )


def test_progression_starts_from_where_the_last_session_ended_not_the_plan() -> None:
    """In-session "-" presses are already in rest_s."""
    assert next_recovery(last(90, rest_adjust_s=-30, gassed=False), 120).rest_s == 75


@pytest.mark.parametrize(
    ("record", "expected", "reason"),
    [
        (
            last(120, status="stopped", reps_done=4),
            135,
            "jog 2:15, was 2:00: stopped after 4 of 8 reps last time",
        ),
        (last(120, status="stopped", reps_done=4, gassed=True), 135, None),
        (
            last(120, status="stopped", reps_done=4, gassed=False),
            105,
            "jog 1:45, was 2:00: not gassed last time",
        ),
        (
            last(120, status="stopped", reps_done=0),
            120,
            "jog 2:00 again: stopped before the first rep last time",
        ),
        (last(120, status="stopped", reps_done=8, gassed=True), 120, "jog 2:00 again: gassed last time"),
        (last(105, gassed=True), 105, "jog 1:45 again: gassed last time"),
        (last(105), 105, "jog 1:45 again: no answer last time"),
    ],
)
def test_the_rules(record: SessionRecord, expected: int, reason: str | None) -> None:
    progression = next_recovery(record, 120)
    assert progression.rest_s == expected
    assert progression.previous_rest_s == record.rest_s
    if reason is not None:
        assert progression.reason == reason


@pytest.mark.parametrize(
    ("record", "fresh", "reason"),
    [
        (None, False, "jog 2:00: as planned, first time"),
        (last(90, gassed=False), True, "jog 2:00: as planned, fresh start"),
        (last(None, gassed=False), False, "jog 2:00: as planned, no rest recorded last time"),
    ],
)
def test_without_usable_history_the_plan_stands(
    record: SessionRecord | None, fresh: bool, reason: str
) -> None:
    assert next_recovery(record, 120, fresh=fresh) == Progression(120, None, reason)


def test_the_floor_holds() -> None:
    assert (
        next_recovery(last(40, gassed=False), 120).reason
        == "jog 0:30, was 0:40: not gassed last time, but 0:30 is the floor"
    )
    assert (
        next_recovery(last(30, gassed=False), 120).reason
        == "jog 0:30 again: not gassed last time, but 0:30 is the floor"
    )


def test_the_floor_never_lengthens_a_plan_written_shorter() -> None:
    assert next_recovery(None, 20, kind=StepKind.REST).rest_s == 20
    assert next_recovery(last(20, gassed=False), 20, kind=StepKind.REST).reason == (
        "rest 0:20 again: not gassed last time, but 0:20 is the floor"
    )


def test_the_ceiling_is_the_plan_plus_four_steps() -> None:
    progression = next_recovery(last(175, status="stopped", reps_done=2), 120)
    assert progression.rest_s == 180
    held = next_recovery(last(200, status="stopped", reps_done=2), 120)
    assert held.reason == "jog 3:00, was 3:20: stopped after 2 of 8 reps last time, but 3:00 is the ceiling"


def test_step_and_floor_are_settings() -> None:
    assert next_recovery(last(120, gassed=False), 120, step_s=30, floor_s=100).rest_s == 100
    assert next_recovery(last(120, gassed=False), 120, step_s=10).rest_s == 110


def test_nonsense_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="greater than zero"):
        next_recovery(None, 120, step_s=0)


statuses = st.sampled_from(["completed", "stopped"])


@given(
    rest_s=st.none() | st.integers(1, 900),
    planned_s=st.integers(1, 900),
    gassed=st.none() | st.booleans(),
    status=statuses,
    reps=st.tuples(st.integers(0, 12), st.integers(0, 12)),
    step_s=st.integers(1, 60),
    floor_s=st.integers(1, 120),
)
def test_rest_stays_between_the_floor_and_the_ceiling(
    rest_s: int | None,
    planned_s: int,
    gassed: bool | None,
    status: str,
    reps: tuple[int, int],
    step_s: int,
    floor_s: int,
) -> None:
    record = last(rest_s, gassed=gassed, status=status, reps_done=min(reps), reps_planned=max(reps))
    rest = next_recovery(record, planned_s, step_s=step_s, floor_s=floor_s).rest_s
    assert rest >= min(floor_s, planned_s)
    if planned_s >= floor_s:
        assert rest >= floor_s
    assert rest <= planned_s + 4 * step_s
    if rest_s is not None:
        assert abs(rest - rest_s) <= step_s or rest in (min(floor_s, planned_s), planned_s + 4 * step_s)


def test_planned_recovery_is_the_first_timed_recovery_in_a_repeat() -> None:
    assert planned_recovery(parse_workout_text(INTERVALS)) == (StepKind.JOG, 120)
    assert planned_recovery(parse_workout_text("5m walk, 4x(1m exercise, 30s rest)")) == (StepKind.REST, 30)
    assert planned_recovery(parse_workout_text("10m warmup, 20m run @180spm")) is None
    assert planned_recovery(parse_workout_text("6x(lap sprint, lap walk)")) is None


def test_with_recovery_changes_only_timed_recoveries_inside_repeats() -> None:
    workout = parse_workout_text("5m jog, 6-10x(30-45s sprint, 90-120s jog, lap walk), 5m cooldown")
    changed = with_recovery(workout, 75)
    assert [(p.kind, p.duration) for p in expand(changed)[:4]] == [
        (StepKind.JOG, 300),
        (StepKind.SPRINT, 30),
        (StepKind.JOG, 75),
        (StepKind.WALK, None),
    ]
    block = changed.steps[1]
    assert isinstance(block, Repeat)
    jog_step = block.steps[1]
    assert isinstance(jog_step, Step)
    jog = jog_step.duration
    assert jog is not None
    assert jog.to_text() == "1m15s"  # below its 90-120 s range, it becomes a fixed length


@given(workout=workouts, seconds=st.integers(1, 3600))
def test_with_recovery_moves_every_rest_alike_and_touches_nothing_else(
    workout: Workout, seconds: int
) -> None:
    before, after = expand(workout), expand(with_recovery(workout, seconds, floor_s=30))
    planned = planned_recovery(workout)
    shift = seconds - planned[1] if planned else 0
    assert len(before) == len(after)
    for old, new in zip(before, after, strict=True):
        if old.is_recovery and old.duration is not None:
            assert new.duration == max(old.duration + shift, min(30, old.duration))
            assert new == old.replace(duration=new.duration)
        else:
            assert new == old


def test_in_sets_progression_moves_the_rests_between_reps_not_between_sets() -> None:
    workout = parse_workout_text("2x(6x(400m @goal, 90s jog), 4m rest)")
    assert planned_recovery(workout) == (StepKind.JOG, 90)
    moved = with_recovery(workout, 60)
    assert [s.duration.value for s in moved.all_steps() if s.duration] == [60, 240]


def test_a_circuit_keeps_its_long_round_break_when_rests_shrink() -> None:
    circuit = parse_workout_text("3x(45s exercise, 40s rest, 45s exercise, 90s rest)")
    rests = [p.duration for p in expand(with_recovery(circuit, 25, floor_s=30))[:4] if p.is_recovery]
    assert rests == [30, 75], "both rests moved by -15; the first stops at the floor"


class FakeClock:
    """One session a day, at the same time."""

    def __init__(self) -> None:
        self.now = START

    def next_day(self) -> datetime:
        self.now += timedelta(days=1)
        return self.now


def test_a_fortnight_of_sessions(tmp_path: Path) -> None:
    """The loop the app runs: last session -> progression -> run it -> record it."""
    store = SessionStore.open(tmp_path / "history.sqlite3")
    clock = FakeClock()
    plan = parse_workout_text(INTERVALS, name="intervals")
    # (answer, reps done, in-session rest adjustment) per session
    days: list[tuple[bool | None, int, int]] = [
        (False, 8, 0),  # 2:00 -> next 1:45
        (False, 8, 0),  # 1:45 -> 1:30
        (False, 8, -15),  # 1:30, pressed "-" once: ended 1:15 -> 1:00
        (True, 8, 0),  # 1:00 -> keep
        (None, 3, 0),  # stopped after 3 reps -> 1:15
        (None, 8, 0),  # no answer -> keep
    ]
    started_with = []
    for gassed, reps_done, adjust in days:
        workout, progression = progress_workout(plan, last_finished(store.sessions(), "intervals"))
        assert progression is not None
        rest = progression.rest_s
        started_with.append(rest)
        assert {p.duration for p in expand(workout) if p.is_recovery} == {rest}
        session = store.begin("intervals", INTERVALS, clock.next_day(), 8, rest)
        for position, phase in enumerate(expand(workout)):
            store.record_phase(
                session, position, phase.kind, phase.rep, phase.duration, float(phase.duration or 0)
            )
        status: FinalStatus = "completed" if reps_done == 8 else "stopped"
        store.finish(session, status, clock.now + timedelta(minutes=40), reps_done, 8, adjust, rest + adjust)
        store.set_gassed(session, gassed)
    assert started_with == [120, 105, 90, 60, 60, 75]
    fresh_workout, fresh = progress_workout(plan, last_finished(store.sessions(), "intervals"), fresh=True)
    assert fresh is not None
    assert fresh.rest_s == 120
    assert fresh_workout == with_recovery(plan, 120)
    store.close()


def test_a_workout_without_recoveries_is_left_alone() -> None:
    plan = parse_workout_text("10m warmup, 20m run @180spm")
    assert progress_workout(plan, last(90, gassed=False)) == (plan, None)

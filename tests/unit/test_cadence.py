"""The cadence ramp starts higher after each finished session, up to its target."""

from __future__ import annotations

from datetime import UTC, datetime

from runtimer.coach.cadence import completed_sessions, with_current_cadence
from runtimer.config.settings import Settings
from runtimer.plan.loader import Entry
from runtimer.plan.overrides import Overrides
from runtimer.plan.phases import expand
from runtimer.plan.textsyntax import parse_workout_text
from runtimer.records import SessionRecord
from runtimer.session.prepare import prepare
from tests.support.records_factory import session_record

PLAN = "5m warmup, 4x(5m run @160-180spm), 5m cooldown"


def record(status: str, workout: str = "cadence") -> SessionRecord:
    return session_record(
        workout=workout,
        plan_text=PLAN,
        started_at=datetime(2026, 3, 1, tzinfo=UTC),
        status=status,
        reps_done=4,
        reps_planned=4,
    )


def cadences(completed: int) -> list[int | None]:
    workout, _ = with_current_cadence(parse_workout_text(PLAN), completed, step=2)
    return [phase.cadence for phase in expand(workout)]


def test_each_finished_session_starts_the_climb_two_higher_until_the_target() -> None:
    assert cadences(0) == [None, 160, 167, 173, 180, None]
    assert cadences(3) == [None, 166, 171, 175, 180, None]
    assert cadences(10) == [None, 180, 180, 180, 180, None]
    assert cadences(50) == cadences(10)


def test_only_finished_sessions_of_the_same_workout_count() -> None:
    history = [record("completed"), record("stopped"), record("completed", "intervals"), record("completed")]
    assert completed_sessions(history, "cadence") == 2


def test_prepare_reads_the_history_and_says_why() -> None:
    entry = Entry(parse_workout_text(PLAN, name="cadence"), "built-in")
    history = [record("completed")] * 2
    prepared = prepare(entry, Overrides(), Settings(), history)
    assert [p.cadence for p in prepared.phases][1] == 164
    assert prepared.reasons == ["cadence 164 to 180 spm: +2 for each of 2 finished sessions"]
    fresh = prepare(entry, Overrides(), Settings(), history, fresh=True)
    assert [p.cadence for p in fresh.phases][1] == 160

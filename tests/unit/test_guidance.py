"""Rest-day guidance on fixed dates: a nudge after a hard day, and the week's count."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from runtimer.coach.guidance import Guidance, guidance, is_hard_session, is_hard_workout
from runtimer.plan.models import StepKind
from runtimer.plan.textsyntax import parse_workout_text
from runtimer.records import PhaseRecord, SessionRecord, Status
from tests.support.records_factory import session_record

TODAY = date(2025, 3, 10)
INTERVALS = "10m warmup, 8x(40s sprint, 2m jog), 5m cooldown"
TEMPO = "10m warmup, 20m run @6:30/mi"
CADENCE = "10m warmup, 20m run @180spm"
RECOVERY = "5m walk, 2x(1m exercise, 30s rest)"


def session(
    plan: str, day: date, status: Status = "completed", kinds: tuple[StepKind, ...] = ()
) -> SessionRecord:
    return session_record(
        workout="w",
        plan_text=plan,
        started_at=datetime(day.year, day.month, day.day, 7, 0, tzinfo=UTC),
        status=status,
        rest_s=120,
        phases=tuple(
            PhaseRecord(position=i, kind=kind, rep=None, planned_s=60, actual_s=60.0)
            for i, kind in enumerate(kinds)
        ),
    )


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


@pytest.mark.parametrize(
    ("plan", "hard"),
    [
        (INTERVALS, True),
        (TEMPO, True),
        (CADENCE, False),
        (RECOVERY, False),
        ("6x(lap sprint, 2m walk)", True),
    ],
)
def test_hard_means_a_sprint_or_a_paced_run(plan: str, hard: bool) -> None:
    assert is_hard_workout(parse_workout_text(plan)) is hard


def test_a_stopped_session_was_hard_only_if_it_reached_a_hard_phase() -> None:
    assert is_hard_session(session(INTERVALS, TODAY, "stopped", (StepKind.WARMUP, StepKind.SPRINT)))
    assert not is_hard_session(session(INTERVALS, TODAY, "stopped", (StepKind.WARMUP,)))
    assert is_hard_session(session(TEMPO, TODAY, "stopped", (StepKind.WARMUP, StepKind.RUN)))
    assert not is_hard_session(session(INTERVALS, TODAY, "running", (StepKind.SPRINT,)))
    assert not is_hard_session(session(CADENCE, TODAY))


def test_an_unreadable_plan_text_falls_back_to_the_phases() -> None:
    assert is_hard_session(session("??", TODAY, "completed", (StepKind.SPRINT,)))
    assert not is_hard_session(session("??", TODAY, "completed", (StepKind.RUN,)))


def test_a_hard_day_yesterday_suggests_the_recovery_workout() -> None:
    result = guidance(
        parse_workout_text(INTERVALS, name="intervals"), [session(TEMPO, days_ago(1))], TODAY, tz=UTC
    )
    assert result.rest_day is not None
    assert "consider recovery today" in result.rest_day
    assert "intervals" in result.rest_day


@pytest.mark.parametrize(
    ("planned", "history"),
    [
        (CADENCE, [session(INTERVALS, days_ago(1))]),  # an easy plan needs no nudge
        (INTERVALS, [session(CADENCE, days_ago(1))]),  # yesterday was easy
        (INTERVALS, [session(INTERVALS, days_ago(2))]),  # a day off in between
        (INTERVALS, [session(INTERVALS, days_ago(1), "stopped", (StepKind.WARMUP,))]),
        (INTERVALS, [session(INTERVALS, days_ago(1), "running", (StepKind.SPRINT,))]),
        (INTERVALS, []),
    ],
)
def test_no_nudge(planned: str, history: list[SessionRecord]) -> None:
    assert guidance(parse_workout_text(planned), history, TODAY, tz=UTC).rest_day is None


def test_yesterday_is_a_local_date() -> None:
    """03:00 UTC on the 10th is still the 9th in New York (UTC-5)."""
    new_york = timezone(timedelta(hours=-5))
    late = session(INTERVALS, TODAY).model_copy(
        update={"started_at": datetime(2025, 3, 10, 3, 0, tzinfo=UTC)}
    )
    plan = parse_workout_text(INTERVALS)
    assert guidance(plan, [late], TODAY, tz=new_york).rest_day is not None
    assert guidance(plan, [late], TODAY, tz=UTC).rest_day is None


def test_the_week_counts_days_once_and_hard_wins() -> None:
    history = [
        session(INTERVALS, days_ago(0)),
        session(RECOVERY, days_ago(0)),  # same day as a hard one: still one hard day
        session(CADENCE, days_ago(2)),
        session(RECOVERY, days_ago(2)),  # two easy sessions: one easy day
        session(TEMPO, days_ago(6)),
        session(INTERVALS, days_ago(7)),  # eight days back: outside the week
        session(INTERVALS, days_ago(3), "running", (StepKind.SPRINT,)),  # not finished: not counted
    ]
    result = guidance(parse_workout_text(CADENCE), history, TODAY, tz=UTC)
    assert result == Guidance(rest_day=None, hard_days=2, easy_days=1)
    assert result.week_line == "last 7 days: 2 hard, 1 easy"

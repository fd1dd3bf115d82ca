"""Laps at goal pace against the goal: one session's summary line, and the trend across sessions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runtimer.coach.goal import make_goal
from runtimer.coach.progress import gap_words, goal_progress, session_against_goal, slope
from runtimer.plan.models import StepKind
from runtimer.records import PhaseRecord
from tests.support.records_factory import session_record

GOAL = make_goal("5k", "20:00")  # 1:36 a 400


def with_laps(*laps: tuple[float, float]) -> list[PhaseRecord]:
    return [
        PhaseRecord(
            position=i,
            kind=StepKind.SPRINT,
            rep=i + 1,
            planned_s=None,
            actual_s=split,
            split_s=split,
            target_split_s=target,
        )
        for i, (split, target) in enumerate(laps)
    ]


def test_laps_against_another_target_count_as_the_share_of_it() -> None:
    # An older goal of 1:40 a 400, run in 1:42 (2% slow): worth 1:38 at today's 1:36.
    history = [
        session_record(phases=with_laps((96.0, 96.0))),
        session_record(phases=with_laps((102.0, 100.0))),
    ]
    progress = goal_progress(history, GOAL)
    assert progress.splits_s == pytest.approx((97.92, 96.0))
    assert progress.trend_s == pytest.approx(-1.92)
    assert progress.line == (
        "400 m against the goal's 1:36: 1:38 → 1:36 over 2 sessions, 1.9 s a session quicker (on target now)"
    )


def test_sessions_without_paced_laps_are_left_out() -> None:
    history = [session_record(phases=with_laps((95.0, 0.0))), session_record()]
    progress = goal_progress(history, GOAL)
    assert progress.splits_s == () and progress.trend_s is None
    assert progress.line == "400 m against the goal's 1:36: no laps at goal pace yet"


def test_the_summary_line() -> None:
    assert session_against_goal([(95.0, 96.0), (99.0, 96.0)], GOAL) == (
        "5k in 20:00: laps averaged 1:37 against 1:36, 1 s slow; 1 of 2 on pace or better"
    )
    assert session_against_goal([], GOAL) is None


@pytest.mark.parametrize(("gap", "words"), [(0.4, "on target"), (-1.6, "2 s fast"), (3.0, "3 s slow")])
def test_gap_words(gap: float, words: str) -> None:
    assert gap_words(gap) == words


@given(st.integers(2, 30), st.floats(-5, 5), st.floats(-100, 100))
def test_the_slope_of_a_line_is_its_step(sessions: int, step: float, start: float) -> None:
    line = [start + step * i for i in range(sessions)]
    assert slope(line) == pytest.approx(step, abs=1e-6)
    assert slope([5.0]) is None

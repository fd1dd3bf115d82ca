"""The plan's rules, each as a property over random start days, day choices, lengths and race dates."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from runtimer.coach.planner import (
    EASIER_EVERY,
    MAX_WEEKS,
    MIN_WEEKS,
    PURPOSES,
    REP_RANGES,
    SPRINT_RANGE,
    TrainingPlan,
    build_plan,
    is_easier,
    taper_weeks,
    volume,
)
from runtimer.config.paths import seeds_dir
from runtimer.plan.loader import Catalogue
from runtimer.plan.models import Repeat

starts = st.dates(date(2024, 1, 1), date(2030, 12, 31))
day_choices = st.frozensets(st.integers(0, 6), min_size=1)
lengths = st.integers(MIN_WEEKS, MAX_WEEKS)


@st.composite
def plans(draw: st.DrawFn) -> TrainingPlan:
    today, weeks, run_on = draw(starts), draw(lengths), draw(day_choices)
    race = None
    if draw(st.booleans()):  # a race somewhere in the last week
        plan_end = today - timedelta(days=today.weekday()) + timedelta(days=7 * weeks - 1)
        race = plan_end - timedelta(days=draw(st.integers(0, 6)))
        race = max(race, today)
    return build_plan(today, weeks, run_on, race)


def week_sessions(plan: TrainingPlan, week: int) -> list[str]:
    days = plan.week_days(week)
    return [s.workout for s in plan.sessions if s.on in days]


def reps_in(plan: TrainingPlan, week: int, workout: str) -> list[int]:
    days = plan.week_days(week)
    return [s.reps for s in plan.sessions if s.on in days and s.workout == workout and s.reps is not None]


@given(plans())
@settings(max_examples=300)
def test_never_two_hard_days_in_a_row(plan: TrainingPlan) -> None:
    hard = sorted(s.on for s in plan.sessions if s.is_hard)
    assert all((later - earlier).days > 1 for earlier, later in itertools.pairwise(hard))


@given(plans())
@settings(max_examples=300)
def test_every_week_has_a_full_rest_day(plan: TrainingPlan) -> None:
    for week in range(1, plan.weeks + 1):
        assert len(week_sessions(plan, week)) < 7, week


@given(starts, lengths, day_choices)
def test_sessions_only_on_offered_days_from_today_on_and_one_a_day(
    today: date, weeks: int, run_on: frozenset[int]
) -> None:
    plan = build_plan(today, weeks, run_on)
    days = [s.on for s in plan.sessions]
    assert len(days) == len(set(days))
    assert all(day.weekday() in run_on and plan.starts <= today <= day <= plan.ends for day in days)
    assert plan.starts.weekday() == 0 and plan.week_of(today) == 1 and plan.week_of(plan.ends) == weeks


@given(plans())
@settings(max_examples=200)
def test_volume_climbs_within_the_ranges_and_every_fourth_week_is_easier(plan: TrainingPlan) -> None:
    taper = taper_weeks(plan) if plan.race_on else 0
    shares = [volume(week, plan.weeks, taper) for week in range(1, plan.weeks + 1)]
    assert all(0 <= share <= 1 for share in shares)
    building = [
        share for week, share in enumerate(shares, 1) if not is_easier(week) and week <= plan.weeks - taper
    ]
    assert building == sorted(building), "the building weeks only climb"
    for week in range(EASIER_EVERY, plan.weeks + 1, EASIER_EVERY):
        assert shares[week - 1] <= min(shares[week - 2], shares[week - 1])
        hard = [name for name in week_sessions(plan, week) if name in ("400s", "intervals", "downhill")]
        assert len(hard) <= 1, (week, hard)
    for session in plan.sessions:
        if session.reps is not None:
            low, high = REP_RANGES[session.workout]
            assert low <= session.reps <= high
        if session.sprint_s is not None:
            assert SPRINT_RANGE[0] <= session.sprint_s <= SPRINT_RANGE[1]


@given(starts, st.integers(MIN_WEEKS, MAX_WEEKS), day_choices, st.integers(0, 6))
@settings(max_examples=200)
def test_the_taper_lightens_the_last_weeks_and_keeps_race_eve_free(
    today: date, weeks: int, run_on: frozenset[int], back: int
) -> None:
    end = today - timedelta(days=today.weekday()) + timedelta(days=7 * weeks - 1)
    race = max(end - timedelta(days=back), today)
    plan = build_plan(today, weeks, run_on, race)
    taper = taper_weeks(plan)
    for week in range(plan.weeks - taper + 1, plan.weeks + 1):
        assert plan.is_taper(week)
        assert volume(week, plan.weeks, taper) == 0
        assert len([n for n in week_sessions(plan, week) if n in ("400s", "intervals", "downhill")]) <= 1
    assert all(s.on < race - timedelta(days=1) for s in plan.sessions), "rested for the race"
    assert not any(plan.is_taper(week) for week in range(1, plan.weeks - taper + 1))


@given(starts, st.integers(MIN_WEEKS, MAX_WEEKS), day_choices, st.integers(7, 7 * MAX_WEEKS))
def test_a_race_before_the_plans_last_week_is_refused(
    today: date, weeks: int, run_on: frozenset[int], early: int
) -> None:
    """Its taper would fall after the race, and the weeks after it would hold nothing."""
    end = today - timedelta(days=today.weekday()) + timedelta(days=7 * weeks - 1)
    race = end - timedelta(days=early)
    assume(race > today)
    with pytest.raises(ValueError, match="cannot run"):
        build_plan(today, weeks, run_on, race)


def test_a_sixteen_week_marathon_plan_tapers_two_weeks_and_an_eight_week_5k_plan_one() -> None:
    monday = date(2025, 6, 2)
    assert (
        taper_weeks(
            build_plan(monday, 16, frozenset({0, 2, 4, 5}), monday + timedelta(weeks=16) - timedelta(days=1))
        )
        == 2
    )
    assert (
        taper_weeks(
            build_plan(monday, 8, frozenset({0, 2, 4, 5}), monday + timedelta(weeks=8) - timedelta(days=2))
        )
        == 1
    )


def test_the_intervals_grow_from_six_to_ten_reps_and_30_to_45_second_sprints() -> None:
    plan = build_plan(date(2025, 6, 2), 8, frozenset({0, 2, 4, 5}))
    intervals = [s for s in plan.sessions if s.workout == "intervals"]
    assert (intervals[0].reps, intervals[0].sprint_s) == (6, 30)
    assert (intervals[-1].reps, intervals[-1].sprint_s) == (10, 45)
    assert reps_in(plan, 1, "400s") == [4] and reps_in(plan, 4, "400s") == [4], "week 4 is easier"


def test_a_week_starts_with_the_400s_and_puts_the_intervals_apart() -> None:
    plan = build_plan(date(2025, 6, 2), 8, frozenset({0, 2, 4, 5}))
    first = [(s.on.strftime("%a"), s.workout) for s in plan.sessions if plan.week_of(s.on) == 1]
    assert first == [("Mon", "400s"), ("Wed", "easy"), ("Fri", "intervals"), ("Sat", "cadence")]


def test_every_session_the_planner_names_is_a_built_in_workout() -> None:
    built_ins = {path.stem for path in seeds_dir().glob("*.toml")}
    assert set(PURPOSES) <= built_ins
    assert set(REP_RANGES) | {"intervals"} <= built_ins


def test_the_rep_ranges_are_the_built_ins_own() -> None:
    loaded = Catalogue.load(seeds_dir(), seeds_dir() / "none")
    for name, (low, high) in REP_RANGES.items():
        block = next(item for item in loaded.entries[name].workout.steps if isinstance(item, Repeat))
        assert (block.repeat.low, block.repeat.high) == (low, high), name
    sprint = next(s for s in loaded.entries["intervals"].workout.all_steps() if s.kind.value == "sprint")
    assert sprint.duration is not None and (sprint.duration.low, sprint.duration.high) == SPRINT_RANGE


@pytest.mark.parametrize(("weeks", "run_on"), [(3, {0}), (25, {0}), (8, set())])
def test_impossible_plans_are_refused(weeks: int, run_on: set[int]) -> None:
    with pytest.raises(ValueError):
        build_plan(date(2025, 6, 2), weeks, frozenset(run_on))

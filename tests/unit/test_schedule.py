"""The week as it has gone: sessions done, missed key sessions moved, others dropped, and the link."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from runtimer.coach.planner import PlannedSession, TrainingPlan
from runtimer.coach.schedule import done_days, planned_for, this_week, today_in
from runtimer.plan.models import StepKind
from runtimer.records import PhaseRecord, SessionRecord, Status

MON = date(2025, 6, 2)


def day(n: int) -> date:
    return MON + timedelta(days=n)


def plan_of(*sessions: tuple[int, str], race_on: date | None = None) -> TrainingPlan:
    return TrainingPlan(MON, 8, tuple(PlannedSession(day(n), name) for n, name in sessions), race_on)


WEEK = plan_of((0, "400s"), (2, "easy"), (4, "intervals"), (5, "cadence"), (7, "400s"))
"""Mon 400s, Wed easy, Fri intervals, Sat cadence (and next Monday's 400s): --days mon,wed,fri,sat."""


def labels(plan: TrainingPlan, done: set[date], today: date) -> list[str]:
    return [d.label for d in this_week(plan, done, today)]


def record(plan_day: date | None, status: Status = "completed", ran: bool = True) -> SessionRecord:
    phases = (
        (PhaseRecord(position=0, kind=StepKind.RUN, rep=None, planned_s=60, actual_s=60.0),) if ran else ()
    )
    started = datetime(2025, 6, 2, 7, tzinfo=UTC)
    return SessionRecord(
        id=1,
        workout="400s",
        plan_text="1m run",
        started_at=started,
        ended_at=started,
        status=status,
        reps_done=0,
        reps_planned=0,
        rest_adjust_s=0,
        rest_s=None,
        gassed=None,
        notes=None,
        plan_day=plan_day,
        phases=phases,
    )


def test_a_week_with_everything_done_on_time() -> None:
    assert labels(WEEK, {day(0), day(2)}, day(3)) == [
        "Mon 400s done",
        "Tue rest",
        "Wed easy done",
        "Thu rest",
        "Fri intervals",
        "Sat cadence",
        "Sun rest",
    ]


def test_a_missed_key_session_moves_to_the_next_free_day_beside_no_hard_day() -> None:
    # Mon's 400s missed; on Tuesday it can run today (Mon was not run, Wed is easy).
    assert labels(WEEK, set(), day(1))[:3] == [
        "Mon 400s missed, moved to Tue",
        "Tue 400s (from Mon)",
        "Wed easy",
    ]
    # Missed until Wednesday: Thursday sits beside Friday's intervals, Sunday beside next Monday's 400s.
    assert labels(WEEK, set(), day(3)) == [
        "Mon 400s missed",
        "Tue rest",
        "Wed easy missed",
        "Thu rest",
        "Fri intervals",
        "Sat cadence",
        "Sun rest",
    ]


def test_a_missed_easy_session_is_dropped_not_moved() -> None:
    assert labels(WEEK, {day(0)}, day(3))[2] == "Wed easy missed"
    assert all("moved" not in label for label in labels(WEEK, {day(0)}, day(3)))


def test_never_onto_a_day_beside_a_hard_day_nor_the_race_eve() -> None:
    plan = plan_of((0, "intervals"), (3, "400s"), race_on=day(5))
    # Thursday's 400s missed: Friday is free and beside nothing hard, but it is the race eve.
    assert labels(plan, {day(0)}, day(4))[3] == "Thu 400s missed"
    hard_yesterday = plan_of((0, "400s"), (1, "intervals"))
    assert labels(hard_yesterday, {day(1)}, day(2))[:3] == [
        "Mon 400s missed, moved to Thu",
        "Tue intervals done",
        "Wed rest",
    ]


def test_a_moved_session_run_on_its_new_day_counts_for_its_own_day() -> None:
    moved = planned_for(WEEK, [], day(1), "400s")
    assert moved is not None and moved.on == day(0)
    assert labels(WEEK, {day(0)}, day(2))[:2] == ["Mon 400s done", "Tue rest"]


def test_the_link_is_todays_session_only_if_it_is_that_workout_and_not_done_yet() -> None:
    today_s = planned_for(WEEK, [], day(4), "intervals")
    assert today_s is not None and today_s.on == day(4)
    assert planned_for(WEEK, [], day(4), "400s") is None, "not today's session"
    assert planned_for(WEEK, [record(day(4))], day(4), "intervals") is None, "done already"
    assert planned_for(None, [], day(4), "intervals") is None
    assert planned_for(WEEK, [], day(60), "intervals") is None, "after the plan"
    today = today_in(WEEK, set(), day(6))
    assert today is not None and today.session is None


def test_done_means_a_session_that_got_going() -> None:
    assert done_days(
        [record(day(0)), record(day(2), "stopped"), record(day(4), ran=False), record(None)]
    ) == {
        day(0),
        day(2),
    }
    assert done_days([record(day(0), "running")]) == set()

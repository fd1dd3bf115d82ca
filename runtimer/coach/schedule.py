"""The plan as the week has gone: what was done, what was missed, and where a missed key session went.

The plan file says what each day was meant to hold; the history says which
planned days were run (a session run from the plan keeps its planned day). A
key session that was missed moves to the next free day of the week, as long
as that leaves the week a rest day and puts it beside no hard day; any other
missed session is dropped. Worked out afresh each time from the two, never
written back, so editing the plan or the history can never leave it stale.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from runtimer.coach.planner import WEEKDAYS, PlannedSession, TrainingPlan
from runtimer.plan.durations import format_time
from runtimer.plan.frozen import Frozen
from runtimer.records import SessionRecord


class PlanDay(Frozen):
    """One day of the week as it now stands."""

    day: date
    session: PlannedSession | None
    """What this day holds now: its own session, or a key session moved here."""
    done: bool = False
    missed: bool = False
    """A past day whose session was not run."""
    moved_from: date | None = None
    moved_to: date | None = None
    """For a missed key session: the day it runs on now."""

    @property
    def label(self) -> str:
        """``Mon 400s done``, ``Mon 400s missed, moved to Thu``, ``Thu 400s (from Mon)``, ``Tue rest``."""
        if self.session is None:
            return f"{_weekday(self.day)} rest"
        state = " done" if self.done else " missed" if self.missed else ""
        if self.moved_to is not None:
            state += f", moved to {_weekday(self.moved_to)}"
        if self.moved_from is not None:
            state += f" (from {_weekday(self.moved_from)})"
        return f"{_weekday(self.day)} {self.session.workout}{state}"


def _weekday(day: date) -> str:
    return WEEKDAYS[day.weekday()].capitalize()


def done_days(history: Iterable[SessionRecord]) -> set[date]:
    """The planned days the history has a session for (one that got going: not a stop before the start)."""
    return {r.plan_day for r in history if r.plan_day is not None and r.status != "running" and r.phases}


def this_week(plan: TrainingPlan, done: set[date], today: date) -> list[PlanDay]:
    """The seven days of today's week (empty outside the plan), with missed key sessions moved."""
    week = plan.week_of(today)
    if week is None:
        return []
    planned = {day: plan.on(day) for day in plan.week_days(week)}
    moved: dict[date, PlannedSession] = {}
    missed = [day for day, s in planned.items() if s is not None and day < today and s.on not in done]
    for day in missed:
        session = planned[day]
        if session is not None and session.is_key:
            target = _free_day(plan, planned, moved, done, today)
            if target is not None:
                moved[target] = session
    moved_to = {session.on: day for day, session in moved.items()}
    return [
        PlanDay(day, moved[day], moved_from=moved[day].on)
        if day in moved
        else PlanDay(
            day,
            session,
            done=session is not None and session.on in done,
            missed=day in missed,
            moved_to=moved_to.get(day),
        )
        for day, session in planned.items()
    ]


def _free_day(
    plan: TrainingPlan,
    planned: dict[date, PlannedSession | None],
    moved: dict[date, PlannedSession],
    done: set[date],
    today: date,
) -> date | None:
    """The first day from today on with nothing in it, beside no hard day (one run, or still to
    run, next week's Monday too), that is not the week's last rest day, nor the race day or its eve."""

    def holds(day: date) -> PlannedSession | None:
        session = moved.get(day) or (planned.get(day) if day in planned else plan.on(day))
        if session is not None and day < today and session.on not in done:
            return None  # missed: nothing was run that day
        return session

    rest = [day for day in planned if holds(day) is None]
    for day in rest:
        if day < today:
            continue
        beside_hard = any(
            (n := holds(day + timedelta(days=step))) is not None and n.is_hard for step in (-1, 1)
        )
        race_eve = plan.race_on is not None and day >= plan.race_on - timedelta(days=1)
        if not beside_hard and not race_eve and len(rest) > 1:
            return day
    return None


def today_in(plan: TrainingPlan, done: set[date], today: date) -> PlanDay | None:
    """Today as the week now stands; ``None`` outside the plan."""
    return next((day for day in this_week(plan, done, today) if day.day == today), None)


def planned_for(
    plan: TrainingPlan | None, history: Iterable[SessionRecord], today: date, workout: str
) -> PlannedSession | None:
    """The planned session a session of ``workout`` run today stands for: today's (or the key
    session moved to today) if it is that workout and not yet done."""
    if plan is None:
        return None
    day = today_in(plan, done_days(history), today)
    if day is None or day.session is None or day.done or day.session.workout != workout:
        return None
    return day.session


def headline(plan: TrainingPlan, day: PlanDay, split_400_s: float | None = None) -> str:
    """``week 3 of 8 · 400s at 1:36 per 400 m · 6 reps``: a day of the plan in one line.

    ``split_400_s`` is the 400s' target (from the goal, or the usual pace made faster), if there is one.
    """
    head = f"week {plan.week_of(day.day)} of {plan.weeks}"
    session = day.session
    if plan.race_on == day.day:
        return f"{head} · race day"
    if session is None:
        return f"{head} · rest day"
    words = [session.workout]
    if session.workout == "400s" and split_400_s is not None:
        words = [f"400s at {format_time(split_400_s)} per 400 m"]
    if session.reps is not None:
        words.append(f"{session.reps} reps")
    if session.sprint_s is not None:
        words.append(f"{session.sprint_s} s sprints")
    state = " (done)" if day.done else f" (from {_weekday(day.moved_from)})" if day.moved_from else ""
    return " · ".join([head, *words]) + state


def week_line(days: list[PlanDay]) -> str:
    """``this week: Mon 400s done · Wed easy missed · Fri intervals · Sat cadence``: sessions only."""
    sessions = [day.label for day in days if day.session is not None]
    return "this week: " + (" · ".join(sessions) if sessions else "rest")

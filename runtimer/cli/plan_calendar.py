"""``runtimer plan`` at work: build the weeks toward the goal, show them, or say what today holds.

The rules live in :mod:`runtimer.coach.planner`, the week as it has gone in
:mod:`runtimer.coach.schedule`, the file in :mod:`runtimer.config.plan_file`;
this module lays out the calendar.
"""

from __future__ import annotations

import argparse
from datetime import date

from runtimer.cli.table import text_table
from runtimer.coach.goal import Goal
from runtimer.coach.planner import MAX_WEEKS, MIN_WEEKS, TrainingPlan, build_plan, is_easier, weeks_to
from runtimer.coach.schedule import done_days, headline, today_in
from runtimer.config.goal_file import load_goal
from runtimer.config.paths import seeds_dir, user_workouts_dir
from runtimer.config.plan_file import load_plan, save_plan, session_entry
from runtimer.config.settings import load_settings
from runtimer.errors import UserError
from runtimer.plan.durations import format_time
from runtimer.plan.loader import Catalogue
from runtimer.plan.overrides import apply_overrides
from runtimer.plan.phases import expand, total_label
from runtimer.plan.units import split_seconds
from runtimer.session.prepare import goal_pace
from runtimer.store.null import open_store

DEFAULT_DAYS = frozenset({0, 2, 4, 5})
"""Monday, Wednesday, Friday and Saturday: four days, none of them two hard days in a row."""
DEFAULT_WEEKS = 8


def plan_command(args: argparse.Namespace, today: date) -> int:
    catalogue = Catalogue.load(seeds_dir(), user_workouts_dir())
    goal = load_goal()
    plan = load_plan(catalogue)
    if args.today:
        if plan is None:
            raise UserError("plan --today: no plan yet (runtimer plan builds one)")
        print(_today_line(plan, goal, today))
        return 0
    if plan is None or args.weeks is not None or args.days is not None:
        plan = _new_plan(args, goal, today)
        path = save_plan(plan)
        print(f"made a new plan: {path} (edit it freely; runtimer plan shows it again)\n")
    print("\n".join(calendar(plan, catalogue, goal, today)))
    return 0


def _new_plan(args: argparse.Namespace, goal: Goal | None, today: date) -> TrainingPlan:
    race_on = goal.race_on if goal is not None and goal.race_on is not None and goal.race_on > today else None
    if race_on is None:
        return build_plan(today, args.weeks or DEFAULT_WEEKS, args.days or DEFAULT_DAYS)
    to_race = weeks_to(race_on, today)
    race = f"plan: the race on {race_on.isoformat()} is in week {to_race} from now"
    if to_race < MIN_WEEKS:
        raise UserError(
            f"{race}, too close for a plan of {MIN_WEEKS} weeks or more: run the sessions from the "
            "picker, or give the goal a later race (runtimer goal DISTANCE TIME --on DATE)"
        )
    weeks = args.weeks or to_race
    if weeks > MAX_WEEKS:
        raise UserError(
            f"{race}; a plan runs {MIN_WEEKS}-{MAX_WEEKS} weeks "
            "(give --weeks N and the plan ends before the race)"
        )
    if weeks < to_race:
        return build_plan(today, weeks, args.days or DEFAULT_DAYS)  # it ends before the race: no taper in it
    if weeks > to_race:
        raise UserError(
            f"{race}; {weeks} weeks would train past it and taper after it (give --weeks {to_race} or fewer)"
        )
    return build_plan(today, weeks, args.days or DEFAULT_DAYS, race_on)


def split_400(goal: Goal | None) -> float | None:
    """The 400s' target: the goal's race pace, or the settings' usual pace made faster."""
    target, _ = goal_pace(load_settings(), None, goal)
    return None if target is None else split_seconds(target, 400)


def _today_line(plan: TrainingPlan, goal: Goal | None, today: date) -> str:
    store = open_store()
    try:
        day = today_in(plan, done_days(store.sessions()), today)
    finally:
        store.close()
    if day is None:
        return f"no session: the plan runs from {plan.starts.isoformat()} to {plan.ends.isoformat()}"
    return headline(plan, day, split_400(goal))


def calendar(plan: TrainingPlan, catalogue: Catalogue, goal: Goal | None, today: date) -> list[str]:
    """Every week, every day: the session, its total time and what it is for."""
    toward = f", toward {goal.headline}" if goal is not None else ""
    race = f" (race {plan.race_on:%a %Y-%m-%d})" if plan.race_on is not None else ""
    lines = [f"plan: {plan.weeks} weeks, {plan.starts:%a %Y-%m-%d} to {plan.ends:%a %Y-%m-%d}{toward}{race}"]
    target = split_400(goal)
    for week in range(1, plan.weeks + 1):
        notes = [" · easier week" if is_easier(week) else "", " · taper" if plan.is_taper(week) else ""]
        lines += ["", f"week {week}{''.join(notes)}{'  (this week)' if plan.week_of(today) == week else ''}"]
        rows = []
        for day in plan.week_days(week):
            session = plan.on(day)
            when = f"  {day:%a %m-%d}"
            if day == plan.race_on:
                rows.append([when, "race", goal.headline if goal else "", "", "race day"])
            elif session is None:
                rows.append([when, "rest"])
            else:
                entry, overrides = session_entry(session, catalogue)
                total = total_label(expand(apply_overrides(entry.workout, overrides)))
                detail = [
                    f"{session.reps} reps" if session.reps else "",
                    f"{session.sprint_s}s sprints" if session.sprint_s else "",
                ]
                if session.workout == "400s" and target is not None:
                    detail.append(f"at {format_time(target)}")
                rows.append([when, session.workout, " ".join(filter(None, detail)), total, session.purpose])
        lines += text_table(rows, right=(3,))
    return lines

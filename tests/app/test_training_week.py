"""A planned week on a fake calendar: the picker offers each day's session, ticks off what was run,
moves a missed key session, and a session run from the plan is kept with its day."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Label

from runtimer.coach.goal import make_goal
from runtimer.coach.planner import PlannedSession, TrainingPlan
from runtimer.tui.screens.picker import PickerScreen
from runtimer.tui.screens.summary import SummaryScreen
from runtimer.tui.widgets.plan_week import PlanWeek
from tests.support.app_fixtures import TODAY, AppBuilder, advance, settle

MON = TODAY
GOAL = make_goal("5k", "20:00")
PLAN = TrainingPlan(
    MON,
    4,
    (
        PlannedSession(MON, "400s", reps=2),
        PlannedSession(MON + timedelta(days=2), "easy"),
        PlannedSession(MON + timedelta(days=4), "intervals", reps=2, sprint_s=5),
        PlannedSession(MON + timedelta(days=5), "cadence"),
        PlannedSession(MON + timedelta(days=7), "400s", reps=3),
    ),
)
SHORT_400S = """
description = "400s, short enough for a test"
[[steps]]
repeat = "1-4"
steps = [
  { kind = "run", duration = "20s", pace = "goal" },
  { kind = "jog", duration = "10s" },
]
"""


def picker(pilot: Pilot[None]) -> PickerScreen:
    screen = pilot.app.screen
    assert isinstance(screen, PickerScreen)
    return screen


def plan_lines(screen: PickerScreen) -> list[str]:
    return str(screen.query_one(PlanWeek).content).splitlines()


def highlighted(screen: PickerScreen) -> str:
    table = screen.query_one("#workouts", DataTable)
    return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)


async def test_a_planned_week_day_by_day(build: AppBuilder, user_workouts: Path) -> None:
    (user_workouts / "400s.toml").write_text(SHORT_400S, encoding="utf-8")

    # Tuesday: Monday's 400s were missed, and move to today (Monday ran nothing, Wednesday is easy).
    app, clock, _, store = build(today=MON + timedelta(days=1), goal=GOAL, plan=PLAN)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, clock)
        screen = picker(pilot)
        assert plan_lines(screen) == [
            "week 1 of 4 · 400s at 1:36 per 400 m · 2 reps (from Mon)",
            "this week: Mon 400s missed, moved to Tue · Tue 400s (from Mon) · Wed easy · Fri intervals"
            " · Sat cadence",
        ]
        assert highlighted(screen) == "400s"
        assert screen.query_one("#edit-reps", Input).value == "2", "the reps the plan asks for"
        assert screen.prepared is not None and screen.prepared.reps_planned == 2
        assert screen.prepared.phases[0].target_split_s is None  # a timed run: its target is the pace
        assert str(screen.prepared.phases[0].pace) == "4:00/km"
        await pilot.press("enter")
        await settle(pilot, clock)
        await advance(pilot, clock, 120)
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("s", "enter")
        await settle(pilot, clock)
        screen = picker(pilot)
        assert plan_lines(screen)[1].startswith("this week: Mon 400s done · Wed easy · Fri intervals")
        assert plan_lines(screen)[0] == "week 1 of 4 · rest day"
    [run] = store.sessions()
    assert (run.workout, run.status, run.plan_day, run.reps_done) == ("400s", "completed", MON, 2)

    # Wednesday: the easy run is offered; the runner does not run it.
    app, clock, _, _ = build(today=MON + timedelta(days=2), goal=GOAL, plan=PLAN)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, clock)
        screen = picker(pilot)
        assert plan_lines(screen)[0] == "week 1 of 4 · easy"
        assert highlighted(screen) == "easy"
        assert screen.query_one("#edit-reps", Input).value == ""

    # Friday: Wednesday's easy run was missed and is dropped, not moved; the intervals are today's.
    app, clock, _, _ = build(today=MON + timedelta(days=4), goal=GOAL, plan=PLAN)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, clock)
        screen = picker(pilot)
        assert plan_lines(screen) == [
            "week 1 of 4 · intervals · 2 reps · 5 s sprints",
            "this week: Mon 400s done · Wed easy missed · Fri intervals · Sat cadence",
        ]
        assert highlighted(screen) == "intervals"
        assert [screen.query_one(f"#edit-{f}", Input).value for f in ("reps", "sprint")] == ["2", "5s"]
        week = screen.query_one(PlanWeek)
        assert screen.prepared is not None and week.linked(screen.prepared).plan_day == MON + timedelta(
            days=4
        )
        await pilot.press("down")  # another workout: not the plan's, so not kept with its day
        await settle(pilot, clock)
        assert screen.prepared is not None and week.linked(screen.prepared).plan_day is None


async def test_after_laps_at_goal_pace_the_summary_says_how_they_compared(build: AppBuilder) -> None:
    app, clock, _, _ = build("2x(lap run 400m @goal, 10s jog)", goal=GOAL)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, clock)
        await advance(pilot, clock, 3 + 95)  # the lead-in, then a 1:35 lap
        await pilot.press("l")
        await advance(pilot, clock, 10 + 99)  # the jog, then a 1:39 lap
        await pilot.press("l")
        await advance(pilot, clock, 11)
        assert isinstance(app.screen, SummaryScreen)
        lines = [str(label.content) for label in app.screen.query(".summary-line").results(Label)]
        assert (
            lines[-1]
            == "Goal     5k in 20:00: laps averaged 1:37 against 1:36, 1 s slow; 1 of 2 on pace or better"
        )


async def test_a_phone_sized_picker_keeps_todays_line_only(build: AppBuilder) -> None:
    app, clock, _, _ = build(goal=GOAL, plan=PLAN)
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot, clock)
        week = picker(pilot).query_one(PlanWeek)
        assert week.region.height == 1
        assert picker(pilot).query_one("#workouts").region.height > 1, "the list keeps its room"

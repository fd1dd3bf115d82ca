"""The history screen: sessions, rest and reps over time, and a session's 400 m splits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Label, Sparkline

from runtimer.coach.goal import make_goal
from runtimer.plan.models import StepKind
from runtimer.records import PhaseRecord
from runtimer.store.sessions import SessionStore
from runtimer.tui.app import RuntimerApp
from runtimer.tui.screens.history import HistoryScreen, all_splits, splits_line
from tests.support.app_fixtures import make_test_app
from tests.support.records_factory import session_record

DAY = datetime(2025, 6, 1, 7, 0, tzinfo=UTC)


def record_400s(store: SessionStore, day: int, rest_s: int, splits: list[float]) -> None:
    session = store.begin(
        "400s", "4x(lap sprint 400m @6:35/mi, 2m jog)", DAY + timedelta(days=day), 4, rest_s
    )
    for position, split in enumerate(splits):
        store.record_phase(session, position, StepKind.SPRINT, position + 1, None, split, split, 98.1)
    store.finish(session, "completed", DAY + timedelta(days=day, minutes=30), len(splits), 4, 0, rest_s)


async def opened(app: RuntimerApp, pilot: Pilot[None]) -> HistoryScreen:
    """The picker's ``h``: the history screen."""
    await pilot.press("h")
    await pilot.pause()
    assert isinstance(app.screen, HistoryScreen)
    return app.screen


async def test_history_plots_rest_reps_and_splits(tmp_path: Path) -> None:
    seeded = SessionStore.open(tmp_path / "history.sqlite3")
    record_400s(seeded, 0, 120, [101.0, 99.5, 98.0])
    record_400s(seeded, 1, 105, [97.0, 96.2, 99.9, 95.0])
    seeded.close()
    app, _, _, store = make_test_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(app, pilot)
        assert app.screen.query_one(DataTable).row_count == 2
        assert app.screen.query_one("#rest-plot", Sparkline).data == [120.0, 105.0]
        assert app.screen.query_one("#reps-plot", Sparkline).data == [3.0, 4.0]
        assert app.screen.query_one("#splits-plot", Sparkline).data == [97.0, 96.2, 99.9, 95.0]
        splits = str(app.screen.query_one("#splits", Label).content)
        assert splits.startswith("splits: SPRINT 1 1:37, 1 s fast")
        assert "SPRINT 4 1:35, 3 s fast" in splits
        await pilot.press("escape")
        assert not isinstance(app.screen, HistoryScreen)
    store.close()


async def test_with_a_goal_the_400s_are_plotted_against_its_target_with_the_trend(tmp_path: Path) -> None:
    seeded = SessionStore.open(tmp_path / "history.sqlite3")
    record_400s(seeded, 0, 120, [102.0, 100.0])  # targets 98.1: about 3% slow
    record_400s(seeded, 1, 120, [99.0, 99.0])
    record_400s(seeded, 2, 120, [98.1, 96.1])  # 1% fast
    seeded.close()
    goal = make_goal("5k", "20:00")  # 1:36 a 400
    app, _, _, store = make_test_app(tmp_path, goal=goal)
    async with app.run_test(size=(80, 40)) as pilot:
        await opened(app, pilot)
        worth = app.screen.query_one("#goal-plot", Sparkline).data
        assert worth == pytest.approx([96 * 101 / 98.1, 96 * 99 / 98.1, 96 * 97.1 / 98.1])
        line = str(app.screen.query_one("#goal-label", Label).content)
        assert line == (
            "400 m against the goal's 1:36: 1:39 → 1:35 over 3 sessions, "
            "1.9 s a session quicker (1 s fast now)"
        )
        assert app.screen.query_one("#goal-plot").display
    store.close()
    app, _, _, store = make_test_app(tmp_path)
    async with app.run_test(size=(80, 40)) as pilot:
        await opened(app, pilot)
        assert not app.screen.query_one("#goal-label").display, "no goal, no line"
    store.close()


async def test_one_line_workouts_are_plotted_per_plan(tmp_path: Path) -> None:
    """Every one-liner is named "one-line": only sessions of the same plan belong on one plot."""
    seeded = SessionStore.open(tmp_path / "history.sqlite3")
    short, long = "4x(30s sprint, 2m jog)", "8x(40s sprint, 90s jog)"
    for day, (plan, rest_s) in enumerate([(short, 120), (long, 90), (short, 105), (long, 75)]):
        seeded.begin("one-line", plan, DAY + timedelta(days=day), 4, rest_s)
    seeded.close()
    app, _, _, store = make_test_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(app, pilot)
        assert app.screen.query_one("#rest-plot", Sparkline).data == [90.0, 75.0]
        assert str(app.screen.query_one("#rest-label", Label).content).startswith("one-line, this plan:")
        await pilot.press("down")
        await pilot.pause()
        assert app.screen.query_one("#rest-plot", Sparkline).data == [120.0, 105.0]
    store.close()


async def test_one_session_is_a_figure_not_a_plot(tmp_path: Path) -> None:
    """A lone value drew as a full-height bar, which reads as a trend that is not there."""
    seeded = SessionStore.open(tmp_path / "history.sqlite3")
    record_400s(seeded, 0, 120, [101.0, 99.5])
    seeded.close()
    app, _, _, store = make_test_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await opened(app, pilot)
        assert str(screen.query_one("#rest-label", Label).content) == (
            "400s: rest per session, oldest to newest: 02:00, one session so far"
        )
        assert str(screen.query_one("#reps-label", Label).content).endswith(": 2, one session so far")
        assert not screen.query_one("#rest-plot").display and not screen.query_one("#reps-plot").display
        assert screen.query_one("#splits-plot").display, "two splits in the session are a plot"
    store.close()


def test_laps_inside_a_timed_phase_join_the_splits_line() -> None:
    run = PhaseRecord(
        position=0, kind=StepKind.RUN, rep=None, planned_s=600, actual_s=600.0, laps=(95.0, 97.0)
    )
    sprint = PhaseRecord(
        position=1,
        kind=StepKind.SPRINT,
        rep=1,
        planned_s=None,
        actual_s=98.0,
        split_s=98.0,
        target_split_s=97.0,
    )
    record = session_record(workout="400s", plan_text="10m run, lap sprint 400m", phases=(run, sprint))
    assert splits_line(record) == "splits: RUN lap 1 1:35 · RUN lap 2 1:37 · SPRINT 1 1:38, 1 s slow"
    assert all_splits(record) == [95.0, 97.0, 98.0]

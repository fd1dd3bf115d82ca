"""Text from outside on every screen: shown as written, never as markup, control characters written out."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from rich.text import Text
from textual.widgets import DataTable, Label

from runtimer.coach.planner import PlannedSession, TrainingPlan
from runtimer.session.live import LiveSession
from runtimer.store.sessions import SessionStore
from runtimer.tui.screens.history import HistoryScreen
from runtimer.tui.screens.summary import SummaryScreen
from runtimer.tui.widgets.keybar import KeyBar
from runtimer.tui.widgets.plan_week import PlanWeek
from runtimer.tui.widgets.textrow import TextRow
from tests.support.app_fixtures import HISTORY_FILE, TODAY, AppBuilder, advance, settle, wait_until

CLIPBOARD = "\x1b]52;c;aGVsbG8=\x07"
SHOWN = "\\x1b]52;c;aGVsbG8=\\x07"
MARKUP = "[b red]loud[/]"
"""Markup Textual would act on (and ``[/]`` alone would stop the screen with a MarkupError)."""


def rendered(label: Label) -> str:
    """The text the label draws, after any markup was (or was not) read."""
    return str(label.render())


def insert_raw(folder: Path, workout: str) -> None:
    """A session written before runtimer refused control characters: straight into the file."""
    SessionStore.open(folder / HISTORY_FILE).close()
    with sqlite3.connect(folder / HISTORY_FILE) as conn:
        conn.execute(
            "INSERT INTO sessions (workout, plan_text, started_at, ended_at, status, reps_done, reps_planned,"
            " rest_s) VALUES (?, '3x(30s sprint, 1m jog)', '2025-06-01T07:00:00Z', '2025-06-01T07:05:00Z',"
            " 'completed', 3, 3, 60)",
            (workout,),
        )
    conn.close()


async def test_the_history_screen_shows_stored_text_as_written(build: AppBuilder) -> None:
    insert_raw(build.tmp_path, f"{MARKUP}{CLIPBOARD}\u202e")
    app, _, _, _ = build()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        cell = app.screen.query_one("#sessions", DataTable).get_row_at(0)[1]
        assert isinstance(cell, Text)
        assert cell.plain == f"{MARKUP}{SHOWN}\\u202e"
        assert cell.spans == [], "no style came from the data"
        label = rendered(app.screen.query_one("#rest-label", Label))
        assert label.startswith(f"{MARKUP}{SHOWN}\\u202e: rest per session")


async def test_the_picker_shows_names_notes_and_problems_as_written(
    build: AppBuilder, user_workouts: Path
) -> None:
    (user_workouts / "loud.toml").write_text(
        f'name = "{MARKUP}"\ndescription = "[i]x[/i]"\n[[steps]]\nkind = "run"\nduration = "5m"\n'
        'note = "[/] and [link=https://example.com]y[/link]"\n',
        encoding="utf-8",
    )
    (user_workouts / "bad\x1b[2J.toml").write_text('[[steps]]\nkind = "run"\n', encoding="utf-8")
    app, _, _, _ = build()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#workouts", DataTable)
        names = [table.get_row_at(row)[0] for row in range(table.row_count)]
        assert Text(MARKUP) in names
        message = app.screen.query_one(KeyBar).message or ""
        assert "bad\\x1b[2J.toml" in message and "\x1b" not in message
        table.move_cursor(row=[str(name) for name in names].index(MARKUP))
        await pilot.pause()
        phases = app.screen.query_one("#phases", DataTable)
        assert str(phases.get_row_at(0)[4]) == "[/] and [link=https://example.com]y[/link]"
        description = table.get_row_at(table.cursor_row)[-1]
        assert str(description) == "[i]x[/i]"


async def test_the_plans_week_shows_a_workout_named_like_markup_as_written(
    build: AppBuilder, user_workouts: Path
) -> None:
    (user_workouts / "odd.toml").write_text(
        'name = "[/] hills"\n[[steps]]\nkind = "run"\nduration = "5m"\n', encoding="utf-8"
    )
    plan = TrainingPlan(TODAY, 4, (PlannedSession(TODAY, "[/] hills"),))
    app, _, _, _ = build(plan=plan)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        lines = str(app.screen.query_one(PlanWeek).content).splitlines()
        assert lines == ["week 1 of 4 · [/] hills", "this week: Mon [/] hills"]


async def test_a_session_and_its_summary_show_the_workout_as_written(
    build: AppBuilder, user_workouts: Path
) -> None:
    (user_workouts / "odd.toml").write_text(
        f'name = "{MARKUP}"\n[[steps]]\nkind = "exercise"\nduration = "5s"\nnote = "[/] squats"\n',
        encoding="utf-8",
    )
    app, clock, _, _ = build(MARKUP)
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 4)
        assert app.screen.query_one("#topline", TextRow).cells == ("EXERCISE · [/] squats",)
        assert rendered(app.screen.query_one("#targets", Label)) == "[/] squats"
        await advance(pilot, clock, 6)
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen))
        await settle(pilot, clock)
        assert rendered(app.screen.query_one("#summary-title", Label)) == f"SESSION COMPLETE · {MARKUP}"


async def test_an_error_that_ends_the_session_is_printed_as_written(
    build: AppBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(_self: LiveSession) -> None:
        raise RuntimeError(f"[/] {CLIPBOARD}")

    monkeypatch.setattr(LiveSession, "run", broken)
    app, _, _, _ = build("1x(2s sprint)")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.return_code is not None)
        [message] = app._exit_renderables
    assert app.return_code == 1
    assert isinstance(message, Text)
    assert message.plain == f"runtimer stopped: RuntimeError('[/] {SHOWN}')"

"""Screens on a phone-sized terminal or without colour: what the runner needs stays, whole and readable."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from textual.widgets import DataTable, Input, Label

from runtimer.settings import Settings
from runtimer.tui.screens.history import HistoryScreen
from runtimer.tui.screens.picker import PickerScreen
from tests.app_fixtures import AppBuilder, settle


async def test_the_picker_turns_compact_and_shows_whole_quick_edits(build: AppBuilder) -> None:
    app, clock, _, _ = build()
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot, clock)
        screen = app.screen
        assert isinstance(screen, PickerScreen)
        assert screen.has_class("-compact")
        for field in screen.query("#edits Input").results(Input):
            assert field.region.width >= len("10:00"), f"{field.id} is too narrow to show a duration"
            assert screen.region.contains_region(field.region), f"{field.id} is off screen"
        assert screen.region.contains_region(screen.query_one("#oneline").region)
        await pilot.resize_terminal(80, 24)
        await settle(pilot, clock)
        assert not screen.has_class("-compact")
        assert screen.query_one("#phases").display


async def test_the_history_on_a_small_terminal_lists_the_sessions(build: AppBuilder) -> None:
    app, clock, _, store = build()
    for day in range(3):
        store.begin("intervals", "6x(30s sprint, 2m jog)", datetime(2025, 6, 1 + day, tzinfo=UTC), 6, 120)
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot, clock)
        await pilot.press("h")
        await settle(pilot, clock)
        screen = app.screen
        assert isinstance(screen, HistoryScreen) and screen.has_class("-compact")
        sessions = screen.query_one("#sessions", DataTable)
        assert sessions.region.height >= 4, "the header and all three sessions"
        assert not screen.query_one("#rest-plot").display


async def test_a_small_session_screen_still_says_when_cues_are_off(build: AppBuilder) -> None:
    """The status line with "muted" or "sound off" is hidden when compact, so the rep line says it."""
    app, clock, _, _ = build("3x(20s sprint, 60s jog)", Settings(lead_in_s=0))
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot, clock)
        rep = app.screen.query_one("#rep", Label)
        assert str(rep.content) == "Rep 1 / 3"
        await pilot.press("m")
        await settle(pilot, clock)
        assert str(rep.content) == "Rep 1 / 3 · muted"
        await pilot.resize_terminal(80, 24)
        await settle(pilot, clock)
        assert str(rep.content) == "Rep 1 / 3"


SVG_WINDOW_CHROME = {"ff5f57", "febc2e", "28c840", "c5c8c6"}
"""The screenshot's drawn window buttons and title, not part of the terminal."""


async def test_no_color_turns_every_phase_colour_grey(
    build: AppBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """NO_COLOR (no-color.org): the phase still reads from its name, the screen has no hue left."""
    monkeypatch.setenv("NO_COLOR", "1")
    app, clock, _, _ = build("3x(20s sprint, 60s jog)", Settings(lead_in_s=0))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, clock)
        colours = set(re.findall(r"#([0-9a-f]{6})\b", app.export_screenshot().lower()))
    hues = {c for c in colours - SVG_WINDOW_CHROME if len({c[0:2], c[2:4], c[4:6]}) > 1}
    assert colours and not hues, f"coloured: {sorted(hues)[:5]}"

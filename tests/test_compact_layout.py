"""The picker on a phone-sized terminal: everything the runner needs to start, and no value cut short."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input

from runtimer.tui.screens.picker import PickerScreen
from tests.app_fixtures import AppBuilder, settle


@pytest.fixture
def build(tmp_path: Path) -> Iterator[AppBuilder]:
    builder = AppBuilder(tmp_path)
    yield builder
    builder.close()


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

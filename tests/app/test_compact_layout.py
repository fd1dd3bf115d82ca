"""Screens on a phone-sized terminal or without colour: what the runner needs stays, whole and readable."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from textual.geometry import Region
from textual.widgets import DataTable, Input, Label

from runtimer.audio.base import RecordingOutput
from runtimer.config.settings import Settings
from runtimer.tui.screens import session
from runtimer.tui.screens.history import HistoryScreen
from runtimer.tui.screens.picker import PickerScreen
from runtimer.tui.screens.summary import SummaryScreen
from runtimer.tui.widgets.keybar import KeyBar
from runtimer.tui.widgets.textrow import TextRow
from tests.support.app_fixtures import AppBuilder, settle, wait_until


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
        oneline = screen.query_one("#oneline", Input)
        assert oneline.region.width >= 36, "the typed workout has the row to itself"
        assert not screen.query_one("#edit-usual-pace").display
        workouts = screen.query_one("#workouts", DataTable)
        assert [str(c.label) for c in workouts.columns.values()] == ["workout", "time", ""], (
            "the source gives its room to the description; no stray letters of a heading with no room"
        )
        await pilot.press("down", "down")
        await settle(pilot, clock)
        await pilot.resize_terminal(80, 24)
        await settle(pilot, clock)
        assert not screen.has_class("-compact")
        assert screen.query_one("#phases").display
        headings = [str(c.label) for c in workouts.columns.values()]
        assert headings == ["workout", "time", "source", "description"]
        assert workouts.cursor_row == 2, "the highlighted workout stays highlighted"


@pytest.mark.parametrize("size", [(60, 18), (72, 24), (80, 21), (76, 22), (80, 24), (120, 40)])
async def test_every_quick_edit_shows_a_whole_duration_and_the_phase_list_has_room(
    build: AppBuilder, size: tuple[int, int]
) -> None:
    """At 60x18 five edits on one row had three cells each: 1:45 showed as "45"."""
    app, clock, _, _ = build()
    async with app.run_test(size=size) as pilot:
        await settle(pilot, clock)
        screen = app.screen
        assert isinstance(screen, PickerScreen)
        for field in screen.query("#edits Input").results(Input):
            assert field.region.width > len("10:00"), f"{field.id} has no room for 10:00 and the cursor"
            assert screen.region.contains_region(field.region), f"{field.id} is off screen"
        phases = screen.query_one("#phases", DataTable)
        if phases.display:
            assert phases.region.height >= 3, "the phase list shows its heading and two phases"
            assert screen.query_one("#picker-title").region.y == 0, "nothing pushed off the top"
        else:
            assert screen.has_class("-compact")


async def test_the_history_on_a_small_terminal_lists_the_sessions(build: AppBuilder) -> None:
    app, clock, _, store = build()
    for day in range(25):  # more than fit, so the table has a scrollbar
        workout = "intervals" if day else "6x(30s sprint, 2m jog), 10m cooldown"
        store.begin(workout, "6x(30s sprint, 2m jog)", datetime(2025, 6, 1 + day, 12, tzinfo=UTC), 6, 120)
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot, clock)
        await pilot.press("h")
        await settle(pilot, clock)
        screen = app.screen
        assert isinstance(screen, HistoryScreen) and screen.has_class("-compact")
        sessions = screen.query_one("#sessions", DataTable)
        assert sessions.region.height >= 4, "the header and three sessions at least"
        assert not screen.query_one("#rest-plot").display
        labels = [str(column.label) for column in sessions.columns.values()]
        assert labels == ["date", "workout", "reps", "rest"]
        widths = sum(column.get_render_width(sessions) for column in sessions.columns.values())
        assert widths <= sessions.scrollable_content_region.width, "every column in view beside the scrollbar"
        assert [str(cell) for cell in sessions.get_row_at(0)] == ["06-25", "intervals", "0/6", "02:00"]
        assert str(sessions.get_row_at(24)[1]).endswith("…"), "a long one-line name is cut to fit"
        await pilot.press("down")
        await pilot.resize_terminal(80, 24)
        await settle(pilot, clock)
        labels = [str(column.label) for column in sessions.columns.values()]
        assert labels == ["date", "workout", "status", "reps", "rest", "gassed"]
        assert sessions.cursor_row == 1, "the highlighted session stays highlighted"


async def test_a_wide_but_short_terminal_keeps_every_history_column(build: AppBuilder) -> None:
    """Height decides whether the plots fit; only width decides the columns."""
    app, clock, _, store = build()
    store.begin("intervals", "6x(30s sprint, 2m jog)", datetime(2025, 6, 1, 12, tzinfo=UTC), 6, 120)
    async with app.run_test(size=(120, 14)) as pilot:
        await settle(pilot, clock)
        await pilot.press("h")
        await settle(pilot, clock)
        sessions = app.screen.query_one("#sessions", DataTable)
        assert len(sessions.columns) == 6


async def test_a_small_session_screen_still_says_when_cues_are_off(build: AppBuilder) -> None:
    """The status line with "muted" or "sound off" is hidden when compact, so the rep line says it."""
    app, clock, _, _ = build("3x(20s sprint, 60s jog)", Settings(lead_in_s=0))
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot, clock)
        topline = app.screen.query_one("#topline", TextRow)
        assert topline.tail == "Rep 1 / 3"
        await pilot.press("m")
        await settle(pilot, clock)
        assert topline.tail == "Rep 1 / 3 · muted"
        await pilot.resize_terminal(80, 24)
        await settle(pilot, clock)
        assert topline.tail == "Rep 1 / 3"


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


async def test_replies_to_keys_use_the_footer_line_and_move_nothing(
    build: AppBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a phone a floating toast covered the next phase; the reply takes the keys' place for a moment."""
    # Replies last on real-time timers: long enough here that a loaded machine
    # cannot end one before it is checked, short enough to wait out.
    monkeypatch.setattr(session, "NOTICE_S", 1.0)
    app, clock, _, _ = build("3x(20s sprint, 20s jog)", Settings(lead_in_s=0))
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot, clock)
        screen = app.screen
        bar = screen.query_one(KeyBar)
        regions = {widget.id: widget.region for widget in screen.query("#clock, #next, #topline")}
        await pilot.press("t")
        await settle(pilot, clock)
        assert bar.message == "metronome off (it clicks on steps with a cadence)"
        shown = bar.render().plain
        assert shown.startswith("metronome off (it clicks") and len(shown) <= bar.size.width
        assert not app._notifications, "no toast floats over the screen"
        assert {widget.id: widget.region for widget in screen.query("#clock, #next, #topline")} == regions
        await pilot.press("minus")  # 20 s rests are already below the 30 s floor: refused
        await settle(pilot, clock)
        refused = "can't shorten: rests are as planned, under the 30 s floor"
        assert bar.message == refused, "the newer reply shows"
        await wait_until(pilot, lambda: bar.message is None)
        assert "Pause" in bar.render().plain, "the keys are back"


async def test_a_start_up_warning_outlasts_a_reply_and_stays_in_the_help(
    build: AppBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    warning = "custom sounds: sprint.wav is not a WAV file (skipped)"
    monkeypatch.setattr(RecordingOutput, "problems", property(lambda _self: (warning,)))
    monkeypatch.setattr(session, "NOTICE_S", 1.0)
    monkeypatch.setattr(session, "WARNING_S", 4.0)  # outlasts the reply by seconds, even on a busy machine
    app, clock, _, _ = build("3x(20s sprint, 60s jog)", Settings(lead_in_s=0))
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot, clock)
        bar = app.screen.query_one(KeyBar)
        assert bar.message == warning
        assert bar.render().plain.endswith("…"), "cut to the line, not wrapped over the screen"
        assert not app._notifications
        await pilot.press("t")
        await settle(pilot, clock)
        assert bar.message == "metronome off (it clicks on steps with a cadence)"
        await wait_until(pilot, lambda: bar.message == warning)
        await pilot.press("question_mark")
        await settle(pilot, clock)
        shown = [str(label.content) for label in app.screen.query(".help-warning").results(Label)]
        assert shown == [warning], "the whole warning, however long"
        await pilot.press("escape")
        await wait_until(pilot, lambda: bar.message is None)


def assert_descriptions_fit(screen: PickerScreen) -> None:
    table = screen.query_one("#workouts", DataTable)
    *others, description = table.columns.values()
    room = table.scrollable_content_region.width - sum(c.get_render_width(table) for c in others)
    for name, entry in screen.entries.items():
        shown = str(table.get_cell(name, description.key))
        whole = entry.workout.description
        assert shown == whole or (shown.endswith("…") and whole.startswith(shown[:-1])), name
        assert len(shown) + 2 * table.cell_padding <= room, f"{name}'s description runs off the list"


@pytest.mark.parametrize("width", [60, 80, 120])
async def test_workout_descriptions_end_inside_the_list_after_a_whole_word(
    build: AppBuilder, width: int
) -> None:
    app, clock, _, _ = build()
    async with app.run_test(size=(width, 24)) as pilot:
        await settle(pilot, clock)
        assert isinstance(app.screen, PickerScreen)
        assert_descriptions_fit(app.screen)


async def test_workout_descriptions_are_cut_again_when_the_terminal_narrows(build: AppBuilder) -> None:
    app, clock, _, _ = build()
    async with app.run_test(size=(120, 24)) as pilot:
        await settle(pilot, clock)
        await pilot.resize_terminal(64, 24)
        await settle(pilot, clock)
        assert isinstance(app.screen, PickerScreen)
        assert_descriptions_fit(app.screen)


async def test_a_small_summary_shows_the_gassed_question_and_every_answer_key(build: AppBuilder) -> None:
    """After laps and splits the figures fill a phone's screen; the question that sets the next rests must not
    scroll away, and the footer keeps all three answers."""
    app, clock, _, _ = build("3x(lap sprint 400m, 5s jog)", Settings(lead_in_s=0))
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot, clock)
        for _ in range(3):
            await pilot.press("l")
            await settle(pilot, clock)
            await clock.advance(5)
            await settle(pilot, clock)
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen))
        await settle(pilot, clock)
        screen = app.screen
        outer = screen.query_one("#summary").region
        for part in ("#question", "#gassed-yes", "#gassed-no", "#gassed-skip"):
            assert outer.contains_region(screen.query_one(part).region), f"{part} is scrolled off"
        footer = screen.query_one(KeyBar).render().plain
        for key in ("y Gassed", "n Not gassed", "s Skip", "q Quit"):
            assert key in footer
        await pilot.press("n")
        await settle(pilot, clock)
        assert "Workouts" in screen.query_one(KeyBar).render().plain, "answered: Enter is offered again"


async def test_the_quit_question_leaves_the_countdown_in_sight(build: AppBuilder) -> None:
    """The session runs on while the runner decides; the question sits below the digits."""
    app, clock, _, _ = build("3x(20s sprint, 20s jog)", Settings(lead_in_s=0))
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot, clock)
        session_screen = app.screen
        await pilot.press("q")
        await settle(pilot, clock)
        dialog = app.screen.query_one("#dialog").region
        digits = session_screen.query_one("#clock")
        lines = digits.render_lines(Region(0, 0, *digits.size))
        inked = [digits.region.y + row for row, line in enumerate(lines) if "█" in line.text]
        assert inked and max(inked) < dialog.y, "every row of the digits above the question"

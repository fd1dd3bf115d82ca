"""Which workout the picker starts: the typed one until Esc; edits only for the workout they were made on."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Label

from runtimer.config.paths import user_workouts_dir
from runtimer.session.clock import FakeClock
from runtimer.tui.screens.picker import PickerScreen
from runtimer.tui.widgets.keybar import KeyBar
from runtimer.tui.widgets.timeline import Timeline
from tests.support.app_fixtures import AppBuilder, settle


async def press(pilot: Pilot[None], clock: FakeClock, *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot, clock)


def picker(pilot: Pilot[None]) -> PickerScreen:
    screen = pilot.app.screen
    assert isinstance(screen, PickerScreen)
    return screen


async def on_intervals(pilot: Pilot[None], clock: FakeClock) -> PickerScreen:
    """The picker with ``intervals`` (6-10 reps, 6 by default) highlighted."""
    await settle(pilot, clock)
    screen = picker(pilot)
    await press(pilot, clock, "down", "down", "down", "down")
    assert highlighted(screen) == "intervals"
    return screen


def highlighted(screen: PickerScreen) -> str:
    table = screen.query_one("#workouts", DataTable)
    return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)


async def test_escape_leaves_the_typed_workout_for_the_highlighted_one(build: AppBuilder) -> None:
    app, clock, _, _ = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, clock)
        screen = picker(pilot)
        await press(pilot, clock, "slash", *"2x(5s sprint, 5s jog)")
        assert screen.prepared is not None and screen.prepared.entry.source == "one-line"
        assert str(screen.query_one(KeyBar).render()).startswith("⏎ Start  esc List"), "the way back"
        screen.query_one("#edit-reps", Input).focus()  # Esc works from any field, not only the typed one
        await press(pilot, clock, "escape")
        assert screen.query_one("#oneline", Input).value == ""
        assert app.focused is screen.query_one("#workouts")
        assert screen.prepared is not None and screen.prepared.name == highlighted(screen)


async def test_quick_edits_are_forgotten_when_another_workout_is_chosen(build: AppBuilder) -> None:
    app, clock, _, _ = build()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await on_intervals(pilot, clock)
        screen.query_one("#edit-reps", Input).focus()
        await press(pilot, clock, "3")
        assert screen.prepared is not None and screen.prepared.reps_planned == 3
        screen.query_one("#workouts").focus()
        await press(pilot, clock, "up")
        assert screen.query_one("#edit-reps", Input).value == ""
        assert screen.prepared is not None and screen.prepared.name == "easy"
        await press(pilot, clock, "down")
        assert screen.prepared is not None and screen.prepared.reps_planned == 6, "intervals as planned again"


async def test_an_edit_the_workout_cannot_take_clears_the_preview(build: AppBuilder) -> None:
    app, clock, _, _ = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, clock)
        screen = picker(pilot)
        await press(pilot, clock, "down", "down", "down", "down", "down")
        assert highlighted(screen) == "recovery"
        screen.query_one("#edit-jog", Input).focus()
        await press(pilot, clock, *"1:30")
        problem = str(screen.query_one("#problem", Label).content)
        assert problem == 'jog: workout "recovery" has no jog step'
        assert screen.prepared is None
        assert screen.query_one("#phases", DataTable).row_count == 0
        assert screen.query_one(Timeline).phases == ()
        assert str(screen.query_one("#guidance", Label).content) == "", "no total of a plan that will not run"


async def test_the_preview_totals_what_will_run(build: AppBuilder) -> None:
    app, clock, _, _ = build()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await on_intervals(pilot, clock)
        guidance = screen.query_one("#guidance", Label)
        assert str(guidance.content).startswith("total 30:00 · ")
        screen.query_one("#edit-reps", Input).focus()
        await press(pilot, clock, "8")
        assert str(guidance.content).startswith("total 35:00 · "), "two more reps of 30 s and 2 min"


async def test_tabbing_back_to_the_list_leaves_the_typed_workout(build: AppBuilder) -> None:
    app, clock, _, _ = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, clock)
        screen = picker(pilot)
        await press(pilot, clock, "slash", *"4x(20s sprint, 40s rest)")
        while app.focused is not screen.query_one("#workouts"):
            await press(pilot, clock, "tab")
        assert screen.query_one("#oneline", Input).value == ""
        assert screen.prepared is not None and screen.prepared.name == highlighted(screen)


async def test_a_refused_edit_leaves_no_values_of_the_plan_before(build: AppBuilder) -> None:
    app, clock, _, _ = build()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await on_intervals(pilot, clock)
        assert screen.query_one("#edit-reps", Input).placeholder == "6"
        screen.query_one("#edit-usual-pace", Input).focus()
        await press(pilot, clock, "3")
        assert str(screen.query_one("#problem", Label).content).startswith("usual pace:")
        assert screen.query_one("#edit-reps", Input).placeholder == ""


async def test_history_stays_in_the_small_picker_footer(build: AppBuilder) -> None:
    app, clock, _, _ = build()
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot, clock)
        line = str(picker(pilot).query_one(KeyBar).render())
        assert line.endswith("h History  q Quit")


async def test_a_workout_file_that_cannot_be_read_is_named_on_the_footer_line(build: AppBuilder) -> None:
    folder = user_workouts_dir()
    folder.mkdir(parents=True)
    (folder / "hills.toml").write_text('name = "hills"\nsteps = "not a list"\n')
    app, clock, _, _ = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, clock)
        message = picker(pilot).query_one(KeyBar).message
        assert message is not None and "hills.toml" in message
        assert not app._notifications, "not a toast over the list"

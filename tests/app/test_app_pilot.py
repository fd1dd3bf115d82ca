"""The app driven by keys and clicks, with a fake clock: a 36-minute session takes a second or two.

Each test builds the app with :func:`tests.support.app_fixtures.make_test_app` and moves
time with the fake clock, so what the screen, the recorded sound and the
history show can be checked at exact moments of a session.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Label

from runtimer.config.settings import Settings
from runtimer.engine.machine import State
from runtimer.plan.models import StepKind
from runtimer.session.clock import FakeClock
from runtimer.tui.app import RuntimerApp
from runtimer.tui.screens.confirm import ConfirmScreen
from runtimer.tui.screens.help import HelpScreen
from runtimer.tui.screens.history import HistoryScreen
from runtimer.tui.screens.picker import PickerScreen
from runtimer.tui.screens.session import SessionScreen
from runtimer.tui.screens.summary import SummaryScreen
from runtimer.tui.widgets import buttonrow
from runtimer.tui.widgets.buttonrow import ButtonRow
from runtimer.tui.widgets.keybar import KeyBar
from tests.support.app_fixtures import AppBuilder, advance, settle, wait_until

SESSION = "10s warmup, 3x(20s sprint, 60s jog), 10s cooldown"
NO_LEAD_IN = Settings(lead_in_s=0)
WORDS_DELAY_S = 0.5
"""CuePlayer says the words TONE_BEFORE_WORDS_S (0.45 s) of *real* time after the tone."""
UNTIL_S = 10.0


def text(app: RuntimerApp, selector: str) -> str:
    """What a label on the current screen says."""
    return str(app.screen.query_one(selector, Label).content)


def shown(app: RuntimerApp, part: str) -> str:
    """What the session screen shows of ``part`` of its view (``phase``, ``rep``, ``sound``...)."""
    view = session(app).view
    assert view is not None
    return str(getattr(view, part))


def session(app: RuntimerApp) -> SessionScreen:
    screen = app.screen
    assert isinstance(screen, SessionScreen), f"expected the session screen, got {screen!r}"
    return screen


def inside(app: RuntimerApp, selector: str, within: str) -> bool:
    """Whether the widget lies wholly inside ``within`` on the current screen, so none of it is cut off."""
    outer = app.screen.query_one(within).region
    return all(outer.contains_region(widget.region) for widget in app.screen.query(selector))


def on_screen(app: RuntimerApp, wanted: str) -> bool:
    """Whether some label that is actually shown says ``wanted``."""
    return any(
        wanted in str(label.content) and label.display and label.region.area > 0
        for label in app.screen.query(Label)
    )


async def until(pilot: Pilot[None], clock: FakeClock, done: Callable[[], bool], what: str) -> None:
    """Settle until ``done``: history writes run in worker threads, so this can take real time."""
    deadline = time.monotonic() + UNTIL_S
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError(f"no {what} within {UNTIL_S} s; the screen is {pilot.app.screen!r}")
        await settle(pilot, clock)


async def until_summary(pilot: Pilot[None], clock: FakeClock, limit_s: float = 4000) -> SummaryScreen:
    """Run the session out on the fake clock; the summary replaces the session screen."""
    await advance(pilot, clock, limit_s)
    await until(pilot, clock, lambda: isinstance(pilot.app.screen, SummaryScreen), "summary")
    assert isinstance(pilot.app.screen, SummaryScreen)
    return pilot.app.screen


async def press(pilot: Pilot[None], clock: FakeClock, *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot, clock)


# ------------------------------------------------------------------ a whole session, every key


async def test_a_whole_session_through_every_key(build: AppBuilder) -> None:
    app, clock, audio, store = build(SESSION)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, clock)
        screen = session(app)
        live = screen.live
        assert live.snapshot().state is State.COUNTDOWN
        assert shown(app, "phase") == "GET READY"

        # The lead-in: a start sound and 3-2-1, then "go" on the first phase.
        await advance(pilot, clock, 3)
        assert audio.arguments("play") == ["session_start", "tick", "tick", "tick", "go"]
        assert [r.time for r in audio.records if r.action == "play"] == [0.0, 0.0, 1.0, 2.0, 3.0]
        assert shown(app, "phase") == "WARM-UP"
        assert screen.has_class("-warmup")

        # Pause: the countdown holds however long the fake clock runs.
        await advance(pilot, clock, 4)
        await press(pilot, clock, "space")
        held = live.snapshot()
        assert held.state is State.PAUSED
        assert held.remaining_s == 6
        assert shown(app, "phase") == "PAUSED · WARM-UP"
        assert screen.has_class("-paused")
        await advance(pilot, clock, 300)
        assert live.snapshot().remaining_s == 6
        assert live.snapshot().elapsed_s == 4
        assert "paused" in audio.arguments("play")

        # Resume, and the warm-up ends six seconds later into sprint 1 of 3.
        await press(pilot, clock, "space")
        assert live.snapshot().state is State.RUNNING
        assert "resumed" in audio.arguments("play")
        await advance(pilot, clock, 6)
        assert live.snapshot().index == 1
        assert shown(app, "phase") == "SPRINT"
        assert shown(app, "rep") == "Rep 1 / 3"
        assert screen.has_class("-sprint")
        assert audio.arguments("play")[-1] == "sprint"

        # n skips to the jog, b goes back to the sprint, n again.
        await press(pilot, clock, "n")
        assert live.snapshot().phase.kind is StepKind.JOG
        assert audio.arguments("play")[-1] == "jog"
        await press(pilot, clock, "b")
        assert live.snapshot().index == 1
        assert live.snapshot().phase.kind is StepKind.SPRINT
        await press(pilot, clock, "n")
        assert live.snapshot().index == 2

        # "-": not gassed, every rest 15 s shorter; "+" (and "=") puts it back.
        await press(pilot, clock, "minus")
        jogs = [p.duration for p in live.engine.phases if p.kind is StepKind.JOG]
        assert jogs == [45, 45, 45]
        assert shown(app, "rest") == "rest -15 s"
        assert "rest_shorter" in audio.arguments("play")
        await press(pilot, clock, "plus")
        assert [p.duration for p in live.engine.phases if p.kind is StepKind.JOG] == [60, 60, 60]
        assert shown(app, "rest") == "rest as planned"
        await press(pilot, clock, "equals_sign")
        assert [p.duration for p in live.engine.phases if p.kind is StepKind.JOG] == [75, 75, 75]
        await press(pilot, clock, "minus")
        assert shown(app, "rest") == "rest as planned"

        # r: one more rep; f during rep 2: the block ends after it.
        await press(pilot, clock, "r")
        assert shown(app, "rep") == "Rep 1 / 4"
        assert len(live.engine.phases) == 10
        await advance(pilot, clock, 60)
        assert live.snapshot().index == 3
        assert shown(app, "rep") == "Rep 2 / 4"
        await press(pilot, clock, "f")
        assert shown(app, "rep") == "Rep 2 / 2"
        assert [p.kind for p in live.engine.phases] == [
            StepKind.WARMUP,
            *[StepKind.SPRINT, StepKind.JOG] * 2,
            StepKind.COOLDOWN,
        ]

        # m mutes the sound, and says so; m again unmutes.
        await press(pilot, clock, "m")
        assert audio.muted
        assert shown(app, "sound") == "muted"
        await press(pilot, clock, "m")
        assert not audio.muted
        assert shown(app, "sound") == "sound on"

        # ? shows every key; escape closes it and the session is still there.
        await press(pilot, clock, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        await press(pilot, clock, "escape")
        assert app.screen is screen

        # q asks first; n keeps going.
        await press(pilot, clock, "q")
        assert isinstance(app.screen, ConfirmScreen)
        assert inside(app, "#question", "#dialog")
        await press(pilot, clock, "n")
        assert app.screen is screen
        assert live.snapshot().state is State.RUNNING

        # The rest runs out on the clock: the summary asks its question.
        summary = await until_summary(pilot, clock)
        assert summary.summary.status == "completed"
        assert audio.arguments("play")[-1] == "finished"
        # Words follow their tone by TONE_BEFORE_WORDS_S of real time; by now they have all come.
        await pilot.pause(WORDS_DELAY_S)
        said = audio.arguments("say")
        assert said[0] == ("warm_up", "ten", "seconds")
        assert ("sprint", "rep", "one", "of", "three") in said
        assert ("jog", "one", "minute") in said
        assert ("paused",) in said and ("resumed",) in said and ("rest_shorter",) in said
        assert said[-1] == ("done",)
        assert text(app, "#summary-title") == f"SESSION COMPLETE · {screen.live.prepared.name}"
        assert app.screen.query_one("#gassed").display
        assert inside(app, "#question", "#summary")
        assert inside(app, "#answers TouchButton", "#summary")
        await press(pilot, clock, "n")
        assert "not gassed" in text(app, "#saved")
        await app.screen.workers.wait_for_complete()

    [record] = store.sessions()
    assert record.status == "completed"
    assert record.gassed is False
    assert record.reps_planned == 2  # r made it 4, then f during rep 2 left 2: the plan as left
    assert record.reps_done == 1  # sprint 1 was skipped both times; sprint 2 ran in full
    assert [(p.kind, p.rep, p.planned_s) for p in record.phases] == [
        (StepKind.WARMUP, None, 10),
        (StepKind.SPRINT, 1, 20),  # skipped with n
        (StepKind.JOG, 1, 60),  # ended by b
        (StepKind.SPRINT, 1, 20),  # run again, skipped with n
        (StepKind.JOG, 1, 60),
        (StepKind.SPRINT, 2, 20),
        (StepKind.JOG, 2, 60),
        (StepKind.COOLDOWN, None, 10),
    ]
    assert record.phases[0].actual_s == 10
    assert record.phases[-1].actual_s == 10


async def test_quitting_mid_session_keeps_it_as_stopped(build: AppBuilder) -> None:
    app, clock, _, store = build(SESSION)
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 3 + 10 + 5)  # lead-in, warm-up, five seconds of sprint 1
        assert session(app).live.snapshot().phase.kind is StepKind.SPRINT
        await press(pilot, clock, "q")
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, clock, "y")
        await until(pilot, clock, lambda: app.return_code is not None, "exit")
        assert app.return_code == 0
    [record] = store.sessions()
    assert record.status == "stopped"
    assert record.ended_at is not None
    assert [(p.kind, p.actual_s) for p in record.phases] == [(StepKind.WARMUP, 10), (StepKind.SPRINT, 5)]


async def test_quitting_from_the_help_screen_still_asks(build: AppBuilder) -> None:
    app, clock, _, store = build(SESSION)
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 5)
        await press(pilot, clock, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        await press(pilot, clock, "q")  # the help screen's own q closes it
        assert isinstance(app.screen, SessionScreen)
        await press(pilot, clock, "ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, clock, "escape")
        assert isinstance(app.screen, SessionScreen)
        assert app.return_code is None
        await until(pilot, clock, lambda: session(app).live.session_id is not None, "history row")
    # Leaving the app any other way is a crash as far as history knows: the row is still
    # running until the next runtimer opens the history and marks it stopped.
    assert store.sessions()[0].status == "running"
    assert build.reopen_history().sessions()[0].status == "stopped"


async def test_an_open_phase_ends_with_the_lap_key(build: AppBuilder) -> None:
    app, clock, audio, store = build("2x(lap sprint, 30s jog)", NO_LEAD_IN)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, clock)
        live = session(app).live
        assert live.snapshot().phase.duration is None
        assert shown(app, "phase") == "SPRINT · press l at the line"
        await advance(pilot, clock, 600)  # an open phase never ends on its own
        assert live.snapshot().index == 0
        assert live.snapshot().phase_elapsed_s == 600
        await advance(pilot, clock, 72.5)
        await press(pilot, clock, "l")
        assert live.snapshot().phase.kind is StepKind.JOG
        assert "lap" in audio.arguments("play")
        await advance(pilot, clock, 30 + 65)
        await press(pilot, clock, "l")
        summary = await until_summary(pilot, clock)
        assert [split.split_s for split in summary.summary.splits] == [672.5, 65]
        lines = [str(label.content) for label in app.screen.query(".summary-line").results(Label)]
        laps = [line for line in lines if line.startswith("Lap")]
        assert [lap.split(":")[0] for lap in laps] == ["Lap      SPRINT rep 1/2", "Lap      SPRINT rep 2/2"]
        await press(pilot, clock, "y")
        await app.screen.workers.wait_for_complete()
    [record] = store.sessions()
    assert [p.split_s for p in record.phases if p.kind is StepKind.SPRINT] == [672.5, 65]
    assert record.gassed is True


async def test_the_metronome_key_on_a_cadence_run(build: AppBuilder) -> None:
    app, clock, audio, _ = build("10s warmup, 30s run @180spm, 10s cooldown", NO_LEAD_IN)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, clock)
        assert "start_metronome" not in audio.arguments("play")
        assert shown(app, "sound") == "sound on"
        await advance(pilot, clock, 10)
        assert text(app, "#targets") == "@180spm"
        assert shown(app, "sound") == "sound on · click on"
        assert audio.arguments("start_metronome") == [(180, 0.0)]
        await advance(pilot, clock, 5)
        await press(pilot, clock, "t")
        assert audio.arguments("stop_metronome") == [None]
        assert shown(app, "sound") == "sound on · click off"
        await advance(pilot, clock, 5)
        await press(pilot, clock, "t")
        assert audio.arguments("start_metronome") == [(180, 0.0), (180, 10.0)]
        assert shown(app, "sound") == "sound on · click on"
        await advance(pilot, clock, 20)  # into the cool-down: no cadence, no clicks
        assert audio.arguments("stop_metronome") == [None, None]
        assert shown(app, "sound") == "sound on"


async def test_a_split_stays_through_its_rest_and_time_left_counts_the_open_rep(build: AppBuilder) -> None:
    app, clock, _, _ = build("2x(lap sprint, 30s jog), 60s cooldown", NO_LEAD_IN)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, clock)
        lap = app.screen.query_one("#lap")
        assert shown(app, "remaining").endswith("+ laps")
        await advance(pilot, clock, 80)
        await press(pilot, clock, "l")
        assert lap.display and text(app, "#lap").startswith("last lap 1:20"), (
            "read while getting the breath back"
        )
        await advance(pilot, clock, 30)
        assert session(app).live.snapshot().phase.rep == 2
        assert not lap.display, "rep 2 is run without rep 1's split"
        # The last open phase is the one running: the time left still leaves it out.
        assert shown(app, "remaining") == "left 01:30 + laps"
        await advance(pilot, clock, 75)
        await press(pilot, clock, "l")
        await advance(pilot, clock, 30)
        assert lap.display and text(app, "#lap").startswith("last lap 1:15"), "kept into the cool-down"


async def test_back_to_back_lap_efforts_keep_the_split_through_the_next(build: AppBuilder) -> None:
    app, clock, _, _ = build("3x(lap run)", NO_LEAD_IN)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, clock)
        lap = app.screen.query_one("#lap")
        await advance(pilot, clock, 95)
        await press(pilot, clock, "l")
        assert session(app).live.snapshot().phase.rep == 2
        assert lap.display and text(app, "#lap").startswith("last lap 1:35")


async def test_a_split_taken_in_a_jog_goes_when_the_next_sprint_starts(build: AppBuilder) -> None:
    app, clock, _, _ = build("2x(10s sprint, 30s jog)", NO_LEAD_IN)
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 10 + 5)
        await press(pilot, clock, "l")
        lap = app.screen.query_one("#lap")
        assert lap.display
        await advance(pilot, clock, 26)
        assert session(app).live.snapshot().phase.kind is StepKind.SPRINT
        assert not lap.display


async def test_rest_replies_name_the_rest_the_runner_is_coming_to(build: AppBuilder) -> None:
    """History knows a session by block 1's rest; a + in block 2 moved block 2's."""
    app, clock, _, _ = build("1x(10s sprint, 40s jog), 2x(10s sprint, 2m jog)", NO_LEAD_IN)
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 10 + 40 + 5)
        assert session(app).live.snapshot().phase.block == 2
        await press(pilot, clock, "plus")
        assert app.screen.query_one(KeyBar).message == "rests 2:15 now"


async def test_space_pauses_with_the_help_open(build: AppBuilder) -> None:
    app, clock, _, _ = build(SESSION, NO_LEAD_IN)
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 5)
        await press(pilot, clock, "question_mark")
        await press(pilot, clock, "space")
        assert isinstance(app.screen, HelpScreen), "the help stays open"
        runner = app.screen_stack[-2]
        assert isinstance(runner, SessionScreen) and runner.live.snapshot().state is State.PAUSED
        await press(pilot, clock, "space")
        assert runner.live.snapshot().state is State.RUNNING


async def test_clicking_next_skips_a_phase(build: AppBuilder, monkeypatch: pytest.MonkeyPatch) -> None:
    # The flash runs on a real-time timer. At its usual 0.2 s a loaded machine
    # (CI shares this one) could let it end before the click returned.
    monkeypatch.setattr(buttonrow, "PRESSED_S", 1.0)
    app, clock, _, _ = build(SESSION, NO_LEAD_IN)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, clock)
        live = session(app).live
        buttons = app.screen.query_one(ButtonRow)
        where = {action: start + width // 2 for action, start, width in buttons.placed()}
        assert live.snapshot().index == 0
        assert await pilot.click(ButtonRow, offset=(1 + where["skip"], 0))  # 1: the row's padding
        assert buttons.pressed == "skip", "a tap lights the button, so the runner sees it landed"
        await settle(pilot, clock)
        assert live.snapshot().index == 1
        await wait_until(pilot, lambda: buttons.pressed is None)
        assert await pilot.click(ButtonRow, offset=(1 + where["pause_resume"], 0))
        await settle(pilot, clock)
        assert live.snapshot().state is State.PAUSED


async def test_the_session_screen_when_small_and_when_resized(build: AppBuilder) -> None:
    app, clock, _, _ = build(SESSION)
    async with app.run_test(size=(40, 12)) as pilot:
        await advance(pilot, clock, 3 + 12)
        screen = session(app)
        assert screen.has_class("-compact")
        assert not screen.query_one("#buttons").display
        assert shown(app, "phase") == "SPRINT"
        for size in ((120, 40), (40, 12), (20, 6), (80, 24)):
            await pilot.resize_terminal(*size)
            await advance(pilot, clock, 1)
            assert app.size == size
            assert screen.has_class("-compact") == (size[0] < 60 or size[1] < 18)
        assert screen.query_one("#buttons").display
        assert screen.live.snapshot().index == 1
        assert screen.live.snapshot().phase_elapsed_s == 6


async def test_a_started_workout_runs_its_quick_edits(build: AppBuilder) -> None:
    app, clock, _, _ = build("intervals", NO_LEAD_IN, reps=7, sprint=40)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, clock)
        phases = session(app).live.engine.phases
        assert [p.duration for p in phases if p.kind is StepKind.SPRINT] == [40] * 7
        assert shown(app, "rep") == ""
        assert text(app, "#next") == "Next: SPRINT 00:40 (rep 1/7)"


# ------------------------------------------------------------------------------- the picker


async def test_enter_starts_the_highlighted_workout(build: AppBuilder) -> None:
    app, clock, _, _ = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, clock)
        assert isinstance(app.screen, PickerScreen)
        table = app.screen.query_one("#workouts", DataTable)
        first = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        await press(pilot, clock, "down", "down", "up")
        chosen = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        assert chosen != first
        await press(pilot, clock, "enter")
        assert session(app).live.prepared.name == chosen


async def test_a_typed_one_line_workout_starts(build: AppBuilder) -> None:
    app, clock, _, _ = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, clock)
        await press(pilot, clock, "slash")
        oneline = app.screen.query_one("#oneline", Input)
        assert app.focused is oneline
        await press(pilot, clock, *"2x(1m run)")
        assert oneline.value == "2x(1m run)"
        assert not app.screen.query_one("#problem").display
        assert app.screen.query_one("#phases", DataTable).row_count == 2
        await press(pilot, clock, "enter")
        phases = session(app).live.engine.phases
        assert [(p.kind, p.duration, p.rep) for p in phases] == [(StepKind.RUN, 60, 1), (StepKind.RUN, 60, 2)]
        await until_summary(pilot, clock)
        await press(pilot, clock, "enter")
        await until(pilot, clock, lambda: isinstance(app.screen, PickerScreen), "the picker")
        assert app.focused is app.screen.query_one("#workouts"), "back on the list, not in the field"
        await press(pilot, clock, "h")
        assert isinstance(app.screen, HistoryScreen), "h is a key again, not a letter typed"


async def test_a_bad_one_line_workout_shows_why_and_does_not_start(build: AppBuilder) -> None:
    app, clock, _, _ = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, clock)
        await press(pilot, clock, "slash", *"4q run")
        problem = app.screen.query_one("#problem", Label)
        assert problem.display
        assert '"4q" is not a duration' in str(problem.content)
        await press(pilot, clock, "enter")
        assert isinstance(app.screen, PickerScreen)
        assert app.screen.query_one(KeyBar).message == "fix the workout first"
        assert not app._notifications, "said on the footer line, not in a toast over the list"
        await press(pilot, clock, "backspace", "backspace", "backspace", "backspace", "backspace", "m")
        assert app.screen.query_one("#oneline", Input).value == "4m"
        assert "not a workout name or a one-line workout" in str(problem.content)


async def test_editing_reps_changes_the_preview(build: AppBuilder) -> None:
    app, clock, _, _ = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, clock)
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        await press(pilot, clock, "down", "down", "down", "down")  # intervals: 6-10 reps, 6 by default
        assert picker.prepared is not None and picker.prepared.name == "intervals"
        assert picker.query_one("#edit-reps", Input).placeholder == "6"
        picker.query_one("#edit-reps", Input).focus()
        await press(pilot, clock, "8")
        assert picker.prepared.reps_planned == 8
        rows = picker.query_one("#phases", DataTable)
        assert rows.row_count == 1 + 8 * 2 + 1
        assert rows.get_row_at(rows.row_count - 2)[3] == "8/8"
        await press(pilot, clock, "enter")
        assert session(app).live.prepared.reps_planned == 8


async def test_not_gassed_shortens_the_next_sessions_rest(build: AppBuilder) -> None:
    app, clock, _, store = build(settings=NO_LEAD_IN)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, clock)
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        await press(pilot, clock, "down", "down", "down", "down")
        assert picker.prepared is not None and picker.prepared.name == "intervals"
        assert "as planned, first time" in text(app, "#why")
        await press(pilot, clock, "enter")
        first = session(app)
        assert not first.query_one("#why").display  # nothing to explain the first time
        assert {p.duration for p in first.live.engine.phases if p.kind is StepKind.JOG} == {120}
        await until_summary(pilot, clock)
        await press(pilot, clock, "n")
        assert text(app, "#saved") == "Saved · not gassed: shorter rests next time"
        await press(pilot, clock, "enter")

        assert isinstance(app.screen, PickerScreen) and app.screen is picker
        assert picker.prepared is not None and picker.prepared.name == "intervals"
        assert text(app, "#why") == "jog 1:45, was 2:00: not gassed last time"
        await press(pilot, clock, "x")  # fresh: history ignored
        assert text(app, "#why").startswith("fresh: history ignored")
        assert {p.duration for p in picker.prepared.phases if p.kind is StepKind.JOG} == {120}
        await press(pilot, clock, "x")
        await press(pilot, clock, "enter")
        second = session(app)
        assert second is not first
        assert {p.duration for p in second.live.engine.phases if p.kind is StepKind.JOG} == {105}
        assert second.query_one("#why").display
        assert "not gassed last time" in text(app, "#why")
        await until(pilot, clock, lambda: second.live.session_id is not None, "history row")
    assert [(r.status, r.gassed, r.rest_s) for r in store.sessions()] == [
        ("running", None, 105),
        ("completed", False, 120),
    ]


async def test_a_one_line_workout_promises_nothing_for_next_time(build: AppBuilder) -> None:
    app, clock, _, _ = build(SESSION, NO_LEAD_IN)
    async with app.run_test(size=(80, 24)) as pilot:
        await until_summary(pilot, clock)
        bar = app.screen.query_one(KeyBar)
        assert str(bar.render()).startswith("y Gassed  n Not gassed  s Skip")
        await press(pilot, clock, "n")
        assert text(app, "#saved") == "Saved · not gassed", "one-liners always run as written"
        assert str(bar.render()) == "⏎ Workouts  q Quit", "the answered question's keys are gone"


# ------------------------------------------------------------------- small terminals (40x12)


async def test_the_exercise_name_shows_on_a_small_terminal(build: AppBuilder) -> None:
    app, clock, _, _ = build('2x(40s exercise "single-leg deadlift", 20s rest)', NO_LEAD_IN)
    async with app.run_test(size=(40, 12)) as pilot:
        await advance(pilot, clock, 5)
        assert shown(app, "phase") == "EXERCISE · single-leg deadlift"
        assert on_screen(app, "single-leg deadlift")


async def test_the_quit_question_fits_a_small_terminal(build: AppBuilder) -> None:
    app, clock, _, _ = build(SESSION, NO_LEAD_IN)
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot, clock)
        await press(pilot, clock, "q")
        assert isinstance(app.screen, ConfirmScreen)
        assert inside(app, "#answers TouchButton", "#dialog")
        assert inside(app, "#question", "#dialog")


async def test_the_gassed_question_fits_a_small_terminal(build: AppBuilder) -> None:
    app, clock, _, _ = build("1x(5s sprint, 5s jog)", NO_LEAD_IN)
    async with app.run_test(size=(40, 12)) as pilot:
        await until_summary(pilot, clock)
        assert inside(app, "#answers TouchButton", "#summary")
        assert inside(app, "#question", "#summary")


# ------------------------------------------------------------ the plan as the runner left it


async def test_one_more_rep_counts_as_planned_on_the_summary_and_in_history(build: AppBuilder) -> None:
    app, clock, _, store = build(SESSION, NO_LEAD_IN)
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 10 + 5)  # five seconds into sprint 1 of 3
        assert shown(app, "rep") == "Rep 1 / 3"
        await press(pilot, clock, "r")
        assert shown(app, "rep") == "Rep 1 / 4"
        summary = await until_summary(pilot, clock)
        assert (summary.summary.reps_done, summary.summary.reps_planned) == (4, 4)
        lines = [str(label.content) for label in app.screen.query(".summary-line").results(Label)]
        assert "Reps     4 of 4" in lines, lines
        assert "Phases   10 of 10" in lines, lines
        await press(pilot, clock, "y")
        await app.screen.workers.wait_for_complete()
    [record] = store.sessions()
    assert (record.status, record.reps_done, record.reps_planned) == ("completed", 4, 4)

"""The footer line: which keys fit, which are never dropped, and that a click presses the key."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.pilot import Pilot

from runtimer.config.settings import Settings
from runtimer.engine.machine import State
from runtimer.session.clock import FakeClock
from runtimer.tui.screens.help import HelpScreen
from runtimer.tui.screens.session import SessionScreen
from runtimer.tui.widgets.keybar import SEPARATOR, KeyBar, KeyEntry, fitting
from tests.support.app_fixtures import AppBuilder, settle

SESSION = "10s warmup, 2x(20s sprint, 60s jog)"


def entry(action: str, description: str = "Go", shown: str = "k") -> KeyEntry:
    return KeyEntry(shown, shown, description, action)


def drawn_width(entries: list[KeyEntry]) -> int:
    return sum(e.width for e in entries) + len(SEPARATOR) * max(0, len(entries) - 1)


def test_everything_fits_in_a_wide_line_in_binding_order() -> None:
    entries = [entry("a"), entry("help", "Help", "?"), entry("b")]
    assert fitting(entries, 200, pinned={"help"}) == [entries[0], entries[2], entries[1]]


def test_short_of_room_drops_the_last_keys_but_keeps_the_pinned() -> None:
    entries = [entry("pause", "Pause", "space"), entry("next", "Next", "n"), entry("help", "Help", "?")]
    kept = fitting(entries, len("space Pause  ? Help"), pinned={"help"})
    assert [e.action for e in kept] == ["pause", "help"]


entries_strategy = st.lists(
    st.builds(
        KeyEntry,
        key=st.just("k"),
        shown=st.text("abc?+-", min_size=1, max_size=5),
        description=st.text("abcdef +", max_size=10),
        action=st.sampled_from(["a", "b", "c", "d", "help", "quit"]),
    ),
    max_size=12,
)


@given(entries_strategy, st.integers(0, 120))
def test_pinned_keys_always_show_and_the_rest_never_overflow(entries: list[KeyEntry], width: int) -> None:
    pinned = {"help", "quit"}
    kept = fitting(entries, width, pinned)
    assert [e for e in kept if e.action in pinned] == [e for e in entries if e.action in pinned]
    unpinned = [e for e in kept if e.action not in pinned]
    assert unpinned == [e for e in entries if e.action not in pinned][: len(unpinned)]
    if unpinned:
        assert drawn_width(kept) <= width


@pytest.mark.parametrize("size", [(80, 24), (40, 12)])
async def test_help_and_quit_stay_on_the_session_footer(build: AppBuilder, size: tuple[int, int]) -> None:
    app, clock, _, _ = build(SESSION, Settings(lead_in_s=0))
    async with app.run_test(size=size) as pilot:
        await settle(pilot, clock)
        bar = app.screen.query_one(KeyBar)
        line = str(bar.render())
        assert line.startswith("space Pause")
        assert line.endswith("? Help  q Quit")
        assert len(line) <= bar.size.width


async def test_clicking_a_key_on_the_footer_presses_it(build: AppBuilder) -> None:
    app, clock, _, _ = build(SESSION, Settings(lead_in_s=0))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, clock)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        bar = screen.query_one(KeyBar)
        line = str(bar.render())
        left = bar.content_region.x - bar.region.x  # the bar's padding
        assert await pilot.click(KeyBar, offset=(left + line.index("space"), 0))
        await settle(pilot, clock)
        assert screen.live.snapshot().state is State.PAUSED
        line = str(bar.render())
        assert line.startswith("space Resume"), "the footer names what space does now"
        assert await pilot.click(KeyBar, offset=(left + line.index("?"), 0))
        await settle(pilot, clock)
        assert isinstance(app.screen, HelpScreen)


async def test_a_steady_run_offers_the_metronome_not_rest_keys(build: AppBuilder) -> None:
    """No rest, no rep to add or finish: those keys give up their room to one that acts."""
    app, clock, _, _ = build("5m run @180spm", Settings(lead_in_s=0))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, clock)
        shown = app.screen.query_one(KeyBar).render().plain
        assert "t Click" in shown
        for gone in ("Rest -", "Rest +", "+Rep", "Finish"):
            assert gone not in shown
        await pilot.press("minus")  # still answers, on the footer line
        await settle(pilot, clock)
        assert app.screen.query_one(KeyBar).message == "no rest left to change"


async def test_at_an_open_phase_the_lap_key_shows_and_either_case_ends_it(build: AppBuilder) -> None:
    app, clock, _, _ = build("2x(lap sprint 400m, 10s jog)", Settings(lead_in_s=0))
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot, clock)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert "l Lap" in screen.query_one(KeyBar).render().plain, "kept even on a phone-sized footer"
        assert screen.query_one("#targets").display, "the lap's distance is worth a compact row"
        await pilot.press("L")  # what "press L" invites, with shift
        await settle(pilot, clock)
        assert screen.live.engine.snapshot(clock.now()).index == 1
        assert "l Lap" not in screen.query_one(KeyBar).render().plain, "a timed jog needs no lap first"


async def test_the_footer_offers_plus_not_minus_when_rests_are_at_their_lowest(build: AppBuilder) -> None:
    """15 s rests as planned cannot shorten (the 30 s floor); "too hard" still can lengthen them."""
    app, clock, _, _ = build("3x(15s sprint, 15s jog)", Settings(lead_in_s=0))
    async with app.run_test(size=(60, 18)) as pilot:
        await settle(pilot, clock)
        bar = app.screen.query_one(KeyBar)
        assert "Rest +" in bar.render().plain and "Rest -" not in bar.render().plain
        await pilot.press("plus")
        await wait_for_keys(pilot, clock, bar)
        assert "Rest -" in bar.render().plain, "after a +, a - can take it back"


async def test_a_cadence_step_keeps_the_metronome_key_on_a_small_footer(build: AppBuilder) -> None:
    app, clock, _, _ = build("10m run @170spm", Settings(lead_in_s=0))
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot, clock)
        assert "t Click" in app.screen.query_one(KeyBar).render().plain


async def test_keys_that_change_the_plan_or_the_sound_say_so(build: AppBuilder) -> None:
    app, clock, _, _ = build("3x(15s sprint, 15s jog)", Settings(lead_in_s=0))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, clock)
        bar = app.screen.query_one(KeyBar)
        await pilot.press("r")
        await settle(pilot, clock)
        assert bar.message == "4 reps in all now"
        await pilot.press("m")
        await settle(pilot, clock)
        assert bar.message == "muted"
        await pilot.press("plus")
        await settle(pilot, clock)
        assert bar.message == "rests 0:30 now"
        await pilot.press("minus")
        await settle(pilot, clock)
        assert bar.message == "rests 0:15 now", "the newest reply, never an older one left over"
        await pilot.press("f")
        await settle(pilot, clock)
        assert bar.message == "1 rep in all now"


async def wait_for_keys(pilot: Pilot[None], clock: FakeClock, bar: KeyBar) -> None:
    """Until a reply on the footer line has gone and the keys are back (a real-time timer)."""
    deadline = time.monotonic() + 5
    while bar.message is not None:
        assert time.monotonic() < deadline
        await pilot.pause(0.05)
    await settle(pilot, clock)


async def test_back_in_the_first_phase_says_it_started_the_phase_again(build: AppBuilder) -> None:
    app, clock, _, _ = build("3m run", Settings(lead_in_s=0))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, clock)
        await clock.advance(15)
        await pilot.press("b")
        await settle(pilot, clock)
        assert app.screen.query_one(KeyBar).message == "back to the start of this phase"

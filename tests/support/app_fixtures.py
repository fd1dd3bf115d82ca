"""The one way the app tests build a :class:`RuntimerApp`: fake clock, recording audio, a real store.

Built by the CLI's own factory (:func:`runtimer.launch.build_app`), but every
part that could make a test slow or flaky is swapped out: time moves only when
the test says so (:class:`FakeClock`), sound is recorded rather than played
(:class:`RecordingOutput`), and history is a real SQLite file in the test's own
folder. ``today`` is fixed so rest-day guidance
reads the same on every day of the year.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from runtimer.audio.base import RecordingOutput
from runtimer.coach.goal import Goal
from runtimer.coach.planner import TrainingPlan
from runtimer.config.paths import seeds_dir, user_workouts_dir
from runtimer.config.settings import Settings
from runtimer.launch import build_app
from runtimer.plan.loader import Catalogue
from runtimer.plan.overrides import Overrides
from runtimer.session.clock import FakeClock
from runtimer.session.prepare import HISTORY_WINDOW, PreparedSession, prepare
from runtimer.store.null import HistoryStore, open_store
from runtimer.tui.app import RuntimerApp
from runtimer.tui.screens.session import SessionScreen
from runtimer.tui.services import Services

TODAY = date(2025, 6, 2)
"""A Monday; nothing depends on the weekday, only on it never changing."""
DEFAULT_SETTINGS = Settings()
HISTORY_FILE = "history.sqlite3"

BuiltApp = tuple[RuntimerApp, FakeClock, RecordingOutput, HistoryStore]
Size = tuple[int, int]


def load_catalogue() -> Catalogue:
    """Built-ins plus the (isolated, usually empty) user folder, as the CLI loads them."""
    return Catalogue.load(seeds_dir(), user_workouts_dir())


def prepare_start(
    catalogue: Catalogue,
    store: HistoryStore,
    start: str,
    settings: Settings = DEFAULT_SETTINGS,
    fresh: bool = False,
    goal: Goal | None = None,
    **overrides: int,
) -> PreparedSession:
    """What ``runtimer run START --reps ...`` would run: a workout name or a one-line workout."""
    entry = catalogue.resolve(start)
    history = store.sessions(limit=HISTORY_WINDOW)
    return prepare(entry, Overrides(**overrides), settings, history, fresh, goal=goal)


def make_test_app(
    tmp_path: Path,
    start: str | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    *,
    fresh: bool = False,
    today: date = TODAY,
    goal: Goal | None = None,
    plan: TrainingPlan | None = None,
    **overrides: int,
) -> BuiltApp:
    """The app with fakes; ``start`` opens a session at once, as ``runtimer run START`` does.

    ``overrides`` are the quick edits (``reps=2, sprint=20``), only used with ``start``. ``today`` is
    the fake calendar; ``goal`` and ``plan`` what ``runtimer goal`` and ``runtimer plan`` keep.
    The store is opened at ``tmp_path / "history.sqlite3"``, so a second call with the
    same ``tmp_path`` sees the first one's history; the caller closes it.
    """
    clock = FakeClock(start=0.0)
    audio = RecordingOutput(clock.now)
    store = open_store(tmp_path / HISTORY_FILE)
    catalogue = load_catalogue()
    prepared = None
    if start is not None:
        prepared = prepare_start(catalogue, store, start, settings, fresh, goal, **overrides)
    services = Services(clock, audio, store, settings, catalogue, today=lambda: today, goal=goal, plan=plan)
    return build_app(services, prepared), clock, audio, store


class AppBuilder:
    """:func:`make_test_app` bound to one test's folder, closing every store it opened."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self._stores: list[HistoryStore] = []

    def __call__(
        self, start: str | None = None, settings: Settings = DEFAULT_SETTINGS, **kwargs: Any
    ) -> BuiltApp:
        built = make_test_app(self.tmp_path, start, settings, **kwargs)
        self._stores.append(built[3])
        return built

    def reopen_history(self) -> HistoryStore:
        """Close the history as the CLI does on exit, and open it again, as the next ``runtimer`` would."""
        self.close()
        store = open_store(self.tmp_path / HISTORY_FILE)
        self._stores.append(store)
        return store

    def close(self) -> None:
        while self._stores:
            self._stores.pop().close()


async def settle(pilot: Pilot[None], clock: FakeClock) -> None:
    """Let the runner, its subscribers and the screen catch up with what just happened."""
    await clock.settle()
    await pilot.pause()


async def advance(pilot: Pilot[None], clock: FakeClock, seconds: float) -> None:
    """Move fake time on, stopping at every deadline, then let the screen repaint."""
    await clock.advance(seconds)
    await settle(pilot, clock)


async def wait_until(pilot: Pilot[None], condition: Callable[[], bool], within_s: float = 5.0) -> None:
    """For what runs on Textual's real-time timers, which the fake clock does not move."""
    deadline = time.monotonic() + within_s
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause(0.05)


def steady_screen(pilot: Pilot[None]) -> None:
    """Take out what changes between two screenshots of the same moment.

    Toasts and blinking cursors go. The session screen repaints its countdown on a
    real-time interval (``REFRESH_S``), so without a repaint here a screenshot could
    show the countdown from before the fake clock last moved.
    """
    app = pilot.app
    app.clear_notifications()
    for field in app.screen.query(Input):
        field.cursor_blink = False
    for screen in app.screen_stack:
        if isinstance(screen, SessionScreen):
            screen._repaint()

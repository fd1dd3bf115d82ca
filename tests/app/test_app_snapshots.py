"""What each screen looks like, at 80x24 and at a cramped 40x12, as SVG snapshots.

Deterministic by construction: a fake clock moved to an exact moment, a fixed
"today", an empty history in the test's own folder, no toasts and no blinking
cursor. Regenerate after an intended change of look with
``pytest tests/test_app_snapshots.py --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import pytest
from textual.pilot import Pilot

from runtimer.session.clock import FakeClock
from runtimer.tui.screens.summary import SummaryScreen
from tests.support.app_fixtures import DEFAULT_SETTINGS, AppBuilder, advance, settle, steady_screen

SnapCompare = Callable[..., bool]
SIZES = {"80x24": (80, 24), "40x12": (40, 12)}
SESSION = '10s warmup, 3x(20s sprint @6:30/mi "all out", 60s jog), 10s cooldown'
LEAD_IN_S = DEFAULT_SETTINGS.lead_in_s


@dataclass(frozen=True)
class Scene:
    """A workout (or the picker, for ``None``), how far into it, and which keys then."""

    start: str | None
    seconds: float = 0.0
    keys: tuple[str, ...] = ()
    wait_for_summary: bool = False
    sizes: tuple[str, ...] = tuple(SIZES)


SCENES = {
    "picker": Scene(None),
    "countdown": Scene(SESSION, 1),
    "warmup": Scene(SESSION, LEAD_IN_S + 4),
    "sprint": Scene(SESSION, LEAD_IN_S + 10 + 5),
    "jog": Scene(SESSION, LEAD_IN_S + 10 + 20 + 15),
    "cooldown": Scene(SESSION, LEAD_IN_S + 10 + 3 * 80 + 2),
    "paused": Scene(SESSION, LEAD_IN_S + 10 + 5, ("space",)),
    "exercise": Scene('2x(40s exercise "single-leg deadlift", 20s rest)', LEAD_IN_S + 10),
    "cadence-run": Scene("5m warmup, 20m run @180spm, 5m cooldown", LEAD_IN_S + 5 * 60 + 90),
    "lap-sprint": Scene("2x(lap sprint, 2m jog)", LEAD_IN_S + 50, sizes=("40x12",)),
    "help": Scene(SESSION, LEAD_IN_S + 10 + 5, ("question_mark",)),
    "confirm-quit": Scene(SESSION, LEAD_IN_S + 10 + 5, ("q",), sizes=("40x12",)),
    "summary": Scene(SESSION, LEAD_IN_S + 400, wait_for_summary=True),
}


def run_before(scene: Scene, clock: FakeClock) -> Callable[[Pilot[None]], Awaitable[None]]:
    async def moved_on(pilot: Pilot[None]) -> None:
        await settle(pilot, clock)
        if scene.seconds:
            await advance(pilot, clock, scene.seconds)
        if scene.wait_for_summary:  # the last history writes run in worker threads, on real time
            deadline = time.monotonic() + 10
            while not isinstance(pilot.app.screen, SummaryScreen) and time.monotonic() < deadline:
                await settle(pilot, clock)
            assert isinstance(pilot.app.screen, SummaryScreen)
        if scene.keys:
            await pilot.press(*scene.keys)
            await settle(pilot, clock)
        steady_screen(pilot)
        await pilot.pause()

    return moved_on


@pytest.mark.parametrize(
    ("scene", "size"),
    [
        pytest.param(scene, SIZES[size], id=f"{name}-{size}")
        for name, scene in SCENES.items()
        for size in scene.sizes
    ],
)
def test_screen_looks_right(
    scene: Scene, size: tuple[int, int], build: AppBuilder, snap_compare: SnapCompare
) -> None:
    app, clock, _, _ = build(scene.start)
    assert snap_compare(app, terminal_size=size, run_before=run_before(scene, clock))

"""export_dir in the app: an ended session lands there, the summary says where; history exports too."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Label

from runtimer.config.settings import Settings
from runtimer.plan.models import StepKind
from runtimer.session.clock import FakeClock
from runtimer.store.sessions import SessionStore
from runtimer.tui.screens.history import HistoryScreen
from runtimer.tui.screens.session import SessionScreen
from runtimer.tui.screens.summary import SummaryScreen
from runtimer.tui.widgets.keybar import KeyBar
from tests.support.app_fixtures import AppBuilder, advance, settle, wait_until
from tests.support.readers import garmin_read

SESSION = "10s warmup, 2x(20s sprint, 30s jog), 10s cooldown"


async def until(pilot: Pilot[None], clock: FakeClock, done: Callable[[], bool]) -> None:
    """History writes and the export run in worker threads: give them real time."""
    deadline = time.monotonic() + 10
    while not done():
        assert time.monotonic() < deadline, f"timed out on {pilot.app.screen!r}"
        await settle(pilot, clock)


def exported_line(screen: SummaryScreen) -> str:
    return str(screen.query_one("#exported", Label).content)


async def test_a_finished_session_is_written_to_export_dir_and_the_summary_says_where(
    build: AppBuilder, tmp_path: Path
) -> None:
    folder = tmp_path / "sync"
    app, clock, _, store = build(SESSION, Settings(lead_in_s=0, export_dir=str(folder)))
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 200)
        await until(pilot, clock, lambda: isinstance(app.screen, SummaryScreen))
        assert isinstance(app.screen, SummaryScreen)
        [written] = folder.iterdir()
        assert exported_line(app.screen) == f"Saved to {written}"
    [record] = store.sessions()
    laps = garmin_read(written.read_bytes())["lap"]
    assert [lap["total_timer_time"] for lap in laps] == [phase.actual_s for phase in record.phases]
    assert written.suffix == ".fit"


async def test_a_stopped_session_is_exported_too_and_a_failure_costs_only_the_file(
    build: AppBuilder, tmp_path: Path
) -> None:
    not_a_folder = tmp_path / "taken"
    not_a_folder.write_text("a file where the folder should be")
    app, clock, _, store = build(SESSION, Settings(lead_in_s=0, export_dir=str(not_a_folder)))
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 25)
        assert isinstance(app.screen, SessionScreen)
        live = app.screen.live
        await pilot.press("q", "y")
        await until(pilot, clock, lambda: app.return_code is not None)
    [record] = store.sessions()
    assert record.status == "stopped"
    assert [(p.kind, p.actual_s) for p in record.phases] == [(StepKind.WARMUP, 10), (StepKind.SPRINT, 15)]
    assert live.exported is not None
    assert live.exported.startswith(f"Not exported: cannot write {not_a_folder}/")


async def test_the_history_screen_exports_the_highlighted_session_with_e(
    build: AppBuilder, tmp_path: Path
) -> None:
    seeded = SessionStore.open(tmp_path / "history.sqlite3")
    day = datetime(2025, 6, 1, 7, 0, tzinfo=UTC)
    for offset in (0, 1):
        session = seeded.begin("intervals", "2x(40s sprint, 2m jog)", day + timedelta(days=offset), 2, 120)
        seeded.record_phase(session, 0, StepKind.SPRINT, 1, 40, 40.0 + offset, started_s=3.0, ended_by="time")
        seeded.finish(session, "completed", day + timedelta(days=offset, minutes=3), 1, 2, 0, 120)
    seeded.close()
    folder = tmp_path / "out"
    app, clock, _, store = build(settings=Settings(export_dir=str(folder), export_format="tcx"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, clock)
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert "e Export" in str(app.screen.query_one(KeyBar).render())
        await pilot.press("down", "e")  # the older session
        await wait_until(pilot, lambda: folder.exists() and any(folder.iterdir()))
        [written] = folder.iterdir()
        bar = app.screen.query_one(KeyBar)
        await wait_until(pilot, lambda: bar.message is not None)
        assert bar.message == f"Saved {written}"
    assert written.suffix == ".tcx"
    assert "<TotalTimeSeconds>40.0</TotalTimeSeconds>" in written.read_text()
    store.close()

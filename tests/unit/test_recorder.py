"""The session recorder on a real engine, runner and SQLite file: history is written as the session goes."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from runtimer.config.paths import HISTORY_FILE
from runtimer.engine import commands as c
from runtimer.engine.events import Summary
from runtimer.engine.machine import Engine, EngineSettings
from runtimer.plan.phases import expand
from runtimer.plan.textsyntax import parse_workout_text
from runtimer.plan.textwriter import workout_to_text
from runtimer.session.clock import FakeClock
from runtimer.session.recorder import SessionRecorder
from runtimer.session.runner import Runner
from runtimer.store.null import NullStore, open_store
from runtimer.store.sessions import SessionStore

LAPS = "10s warmup, 2x(lap sprint, 60s jog), 10s cooldown"
START = datetime(2025, 3, 1, 6, 15, tzinfo=UTC)
END = START + timedelta(minutes=6)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / HISTORY_FILE


@pytest.fixture
def store(db: Path) -> Iterator[SessionStore]:
    opened = open_store(db)
    assert isinstance(opened, SessionStore)
    yield opened
    opened.close()


def wall_times(*moments: datetime) -> Callable[[], datetime]:
    """The recorder's ``now``: the start, then the end, so both can be checked exactly."""
    queue = iter(moments)
    return lambda: next(queue)


def session(
    text: str, store: Any, clock: FakeClock, reps: int = 2, rest_s: float | None = 60
) -> tuple[Runner, SessionRecorder]:
    workout = parse_workout_text(text, name="lap-repeats")
    runner = Runner(Engine(expand(workout), EngineSettings(lead_in_s=0)), clock)
    recorder = SessionRecorder(
        store, workout.name, workout_to_text(workout), reps, rest_s, wall_times(START, END)
    )
    runner.subscribe(recorder)
    return runner, recorder


def read(db: Path, sql: str) -> list[dict[str, Any]]:
    """Straight from the file through a separate connection: what a crash would leave."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in conn.execute(sql).fetchall()]
    finally:
        conn.close()


def phase_rows(db: Path) -> list[tuple[Any, ...]]:
    rows = read(db, "SELECT position, kind, rep, planned_s, actual_s, split_s FROM phases ORDER BY position")
    return [tuple(row.values()) for row in rows]


def session_row(db: Path) -> dict[str, Any]:
    [row] = read(db, "SELECT * FROM sessions")
    return row


async def eventually(check: Callable[[], bool], timeout_s: float = 3.0) -> None:
    """Writes run in a worker thread, so they land a moment after the fake clock moves."""
    deadline = time.monotonic() + timeout_s
    while not check():
        assert time.monotonic() < deadline, "the write never landed"
        await asyncio.sleep(0.005)


async def begun(
    store: SessionStore, clock: FakeClock
) -> tuple[Runner, SessionRecorder, asyncio.Task[Summary | None]]:
    """A LAPS session running on ``clock``, once its history row exists."""
    runner, recorder = session(LAPS, store, clock)
    task = asyncio.create_task(runner.run())
    runner.send(c.Start())
    await eventually(lambda: recorder.session_id is not None)
    return runner, recorder, task


async def phases_written(db: Path, count: int) -> list[tuple[Any, ...]]:
    await eventually(lambda: len(phase_rows(db)) >= count)
    return phase_rows(db)


async def test_each_phase_is_written_as_it_ends_and_the_end_closes_the_row(
    db: Path, store: SessionStore
) -> None:
    clock = FakeClock(start=0.0)
    runner, recorder, task = await begun(store, clock)
    row = session_row(db)
    assert recorder.session_id == row["id"]
    assert (row["workout"], row["status"], row["started_at"]) == (
        "lap-repeats",
        "running",
        "2025-03-01T06:15:00Z",
    )
    assert (row["plan_text"], row["reps_planned"], row["rest_s"]) == (
        "10s warmup, 2x(lap sprint, 1m jog), 10s cooldown",
        2,
        60,
    )

    await clock.advance(4)
    runner.send(c.Lap())  # a lap inside a timed phase: a split, but the phase runs on
    await clock.advance(6)
    assert await phases_written(db, 1) == [(0, "warmup", None, 10, 10.0, None)]
    assert read(db, "SELECT laps FROM phases WHERE position = 0") == [{"laps": "[4.0]"}], "kept as a lap"

    await clock.advance(72.5)
    runner.send(c.Lap())  # ends the open sprint
    assert (await phases_written(db, 2))[1] == (1, "sprint", 1, None, 72.5, 72.5)
    await eventually(lambda: session_row(db)["reps_done"] == 1)

    await clock.advance(20)
    runner.send(c.AdjustRest(-1))  # not gassed: every rest 15 s shorter, this one included
    await eventually(lambda: session_row(db)["rest_adjust_s"] == -15)
    assert session_row(db)["rest_s"] == 45
    await clock.advance(25)
    assert (await phases_written(db, 3))[2] == (2, "jog", 1, 45, 45.0, None)

    await clock.advance(5)
    runner.send(c.Back())  # back from the second sprint into the jog: the jog runs twice
    await clock.advance(10)
    runner.send(c.Skip())
    assert (await phases_written(db, 5))[3:] == [
        (3, "sprint", 2, None, 5.0, None),
        (4, "jog", 1, 45, 10.0, None),
    ]

    await clock.advance(70)
    runner.send(c.Lap())
    await clock.advance(55)
    summary = await asyncio.wait_for(task, 2)
    assert summary is not None and summary.status == "completed"
    assert phase_rows(db)[5:] == [
        (5, "sprint", 2, None, 70.0, 70.0),
        (6, "jog", 2, 45, 45.0, None),
        (7, "cooldown", None, 10, 10.0, None),
    ]
    row = session_row(db)
    assert (row["status"], row["ended_at"]) == ("completed", "2025-03-01T06:21:00Z")
    assert (row["reps_done"], row["rest_adjust_s"], row["rest_s"], row["gassed"]) == (2, -15, 45, None)

    await recorder.answer_gassed(True)
    assert session_row(db)["gassed"] == 1
    assert recorder.take_notices() == []


async def test_a_stopped_session_keeps_the_phase_it_stopped_in(db: Path, store: SessionStore) -> None:
    clock = FakeClock(start=0.0)
    runner, recorder = session(LAPS, store, clock)
    task = asyncio.create_task(runner.run())
    runner.send(c.Start())
    await clock.advance(10)
    await clock.advance(30)
    runner.send(c.Stop())
    summary = await asyncio.wait_for(task, 2)
    assert summary is not None and summary.status == "stopped"
    assert phase_rows(db) == [(0, "warmup", None, 10, 10.0, None), (1, "sprint", 1, None, 30.0, None)]
    row = session_row(db)
    assert (row["status"], row["ended_at"], row["reps_done"]) == ("stopped", "2025-03-01T06:21:00Z", 0)

    await recorder.answer_gassed(False)
    assert session_row(db)["gassed"] == 0
    await recorder.answer_gassed(None)  # "skip" on the summary screen: unknown, not "no"
    assert session_row(db)["gassed"] is None


async def test_a_killed_session_keeps_every_phase_that_ended(db: Path, store: SessionStore) -> None:
    clock = FakeClock(start=0.0)
    runner, _ = session(LAPS, store, clock)
    task = asyncio.create_task(runner.run())
    runner.send(c.Start())
    await clock.advance(10)
    await clock.advance(50)
    runner.send(c.Lap())
    await phases_written(db, 2)
    await eventually(lambda: session_row(db)["reps_done"] == 1)
    await clock.advance(30)
    task.cancel()  # as good as a kill for the history file: no end event ever comes
    with pytest.raises(asyncio.CancelledError):
        await task
    store.close()  # a killed process lets go of the history, and of its live lock

    reopened = SessionStore.open(db)  # the next runtimer
    [record] = reopened.sessions()
    reopened.close()
    assert (record.status, record.reps_done, len(record.phases)) == ("stopped", 1, 2)
    assert record.ended_at == START + timedelta(seconds=60)


async def test_a_session_stopped_before_it_started_leaves_no_row(db: Path, store: SessionStore) -> None:
    runner, recorder = session(LAPS, store, FakeClock())
    runner.send(c.Stop())
    await runner.run()
    await recorder.answer_gassed(True)
    assert recorder.session_id is None
    assert read(db, "SELECT id FROM sessions") == []


async def test_with_history_off_the_session_runs_and_says_why() -> None:
    clock = FakeClock(start=0.0)
    runner, recorder = session("2x(lap sprint, 60s jog)", NullStore("cannot use /nowhere"), clock)
    assert recorder.take_notices() == ["history off: cannot use /nowhere"]
    task = asyncio.create_task(runner.run())
    runner.send(c.Start())
    for _ in range(2):
        await clock.advance(40)
        runner.send(c.Lap())
        await clock.advance(60)
    summary = await asyncio.wait_for(task, 2)
    assert summary is not None and (summary.status, summary.reps_done) == ("completed", 2)
    await recorder.answer_gassed(True)
    assert recorder.session_id == 0
    assert recorder.take_notices() == []


async def test_failing_writes_cost_the_record_not_the_session(
    db: Path, store: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(store, "record_phase", broken)
    clock = FakeClock(start=0.0)
    runner, recorder = session(LAPS, store, clock)
    task = asyncio.create_task(runner.run())
    runner.send(c.Start())
    await clock.advance(10)
    await clock.advance(40)
    runner.send(c.Lap())
    await clock.advance(60)
    await clock.advance(40)
    runner.send(c.Lap())
    await clock.advance(70)
    summary = await asyncio.wait_for(task, 2)
    assert summary is not None and summary.status == "completed"
    row = session_row(db)
    assert (row["status"], row["reps_done"]) == ("completed", 2)  # the calls after each failure still land
    assert phase_rows(db) == []
    assert recorder.take_notices() == [
        "history: could not save (disk I/O error); this session may be incomplete"  # once, not per phase
    ]


async def test_a_slow_store_never_holds_up_the_event_loop(
    store: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_record_phase = store.record_phase

    def slow_record_phase(*args: Any, **kwargs: Any) -> None:
        time.sleep(0.2)  # another runtimer holding the lock: up to the busy timeout
        real_record_phase(*args, **kwargs)

    monkeypatch.setattr(store, "record_phase", slow_record_phase)
    clock = FakeClock(start=0.0)
    runner, _ = session("2x(5s sprint, 5s jog)", store, clock, rest_s=5)
    task = asyncio.create_task(runner.run())
    runner.send(c.Start())
    started = time.monotonic()
    await clock.advance(20)  # four phase boundaries, each queueing a slow write
    assert time.monotonic() - started < 0.2  # less than one write: none of them ran on the loop
    assert runner.finished
    await asyncio.wait_for(task, 5)
    assert len(store.sessions()[0].phases) == 4


def figures(summary: Summary | None) -> tuple[str, int, int]:
    assert summary is not None
    return summary.status, summary.reps_done, summary.reps_planned


def kept(store: SessionStore) -> tuple[str, int, int]:
    [record] = store.sessions()
    return record.status, record.reps_done, record.reps_planned


async def test_one_more_rep_is_kept_as_planned_when_the_session_stops_early(
    db: Path, store: SessionStore
) -> None:
    clock = FakeClock(start=0.0)
    runner, _, task = await begun(store, clock)
    await clock.advance(15)
    runner.send(c.AddRep())  # "one more rep" during sprint 1: three planned now, not two
    # In the file at once, not only at the end: a kill now would still say three.
    await eventually(lambda: session_row(db)["reps_planned"] == 3)
    await clock.advance(25)
    runner.send(c.Lap())
    await clock.advance(30)
    runner.send(c.Stop())
    assert figures(await asyncio.wait_for(task, 2)) == ("stopped", 1, 3)
    assert kept(store) == ("stopped", 1, 3)


async def test_one_more_rep_survives_a_kill(db: Path, store: SessionStore) -> None:
    clock = FakeClock(start=0.0)
    runner, _, task = await begun(store, clock)
    await clock.advance(15)
    runner.send(c.AddRep())
    await eventually(lambda: session_row(db)["reps_planned"] == 3)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    store.close()
    reopened = SessionStore.open(db)
    try:
        assert kept(reopened) == ("stopped", 0, 3)
    finally:
        reopened.close()


async def test_one_more_rep_is_kept_as_planned_when_the_session_completes(store: SessionStore) -> None:
    clock = FakeClock(start=0.0)
    runner, _ = session("2x(5s sprint, 5s jog)", store, clock, rest_s=5)
    task = asyncio.create_task(runner.run())
    runner.send(c.Start())
    await clock.advance(2)
    runner.send(c.AddRep())
    await clock.advance(30)
    assert figures(await asyncio.wait_for(task, 2)) == ("completed", 3, 3)
    assert kept(store) == ("completed", 3, 3)


async def test_finish_after_this_rep_is_kept_as_the_plan(db: Path, store: SessionStore) -> None:
    clock = FakeClock(start=0.0)
    runner, recorder = session("3x(5s sprint, 5s jog)", store, clock, reps=3, rest_s=5)
    task = asyncio.create_task(runner.run())
    runner.send(c.Start())
    await eventually(lambda: recorder.session_id is not None)
    await clock.advance(12)  # into sprint 2
    runner.send(c.FinishAfterRep())
    await eventually(lambda: session_row(db)["reps_planned"] == 2)
    await clock.advance(10)
    assert figures(await asyncio.wait_for(task, 2)) == ("completed", 2, 2)
    assert kept(store) == ("completed", 2, 2)


async def test_each_phase_keeps_its_place_on_the_clock_and_its_pauses(db: Path, store: SessionStore) -> None:
    clock = FakeClock(start=0.0)
    runner, _, task = await begun(store, clock)
    await clock.advance(4)
    runner.send(c.Pause())
    await clock.advance(20)
    runner.send(c.Resume())
    await clock.advance(6)  # the warm-up's last six seconds
    await clock.advance(30)
    runner.send(c.Lap())  # the first sprint, run to the line
    await phases_written(db, 2)
    runner.send(c.Stop())
    await task
    rows = read(db, "SELECT position, started_s, pauses, distance_m, ended_by FROM phases ORDER BY position")
    assert rows == [
        {"position": 0, "started_s": 0.0, "pauses": "[[4.0, 20.0]]", "distance_m": None, "ended_by": "time"},
        {"position": 1, "started_s": 30.0, "pauses": None, "distance_m": None, "ended_by": "lap"},
        {"position": 2, "started_s": 60.0, "pauses": None, "distance_m": None, "ended_by": "stop"},
    ]
    [record] = store.sessions()
    assert [phase.elapsed_s for phase in record.phases] == [30.0, 30.0, 0.0]

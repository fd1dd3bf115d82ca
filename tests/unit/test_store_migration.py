"""A history file from an older runtimer opens in this one with nothing lost."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

from runtimer.config.paths import HISTORY_FILE
from runtimer.plan.models import StepKind
from runtimer.store.null import NullStore, open_store
from runtimer.store.schema import MIGRATIONS, SCHEMA_VERSION
from runtimer.store.sessions import SessionStore

# The v1 schema exactly as runtimer shipped it, kept here rather than imported:
# old files on runners' disks do not change when schema.py does.
V1_SQL = (
    """CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            workout TEXT NOT NULL,
            plan_text TEXT NOT NULL,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            status TEXT NOT NULL DEFAULT 'running'
                CHECK (status IN ('running', 'completed', 'stopped')),
            reps_done INTEGER NOT NULL DEFAULT 0,
            reps_planned INTEGER NOT NULL,
            rest_adjust_s INTEGER NOT NULL DEFAULT 0,
            rest_s INTEGER,
            gassed INTEGER CHECK (gassed IN (0, 1))
        )""",
    "CREATE INDEX sessions_by_workout ON sessions (workout, started_at)",
    "CREATE INDEX sessions_by_start ON sessions (started_at)",
    """CREATE TABLE phases (
            session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL,
            rep INTEGER,
            planned_s INTEGER,
            actual_s REAL NOT NULL,
            PRIMARY KEY (session_id, position)
        )""",
)


# And v2 as shipped: the lap split of a lap-ended phase, and a note per session.
V2_SQL = (
    "ALTER TABLE phases ADD COLUMN split_s REAL",
    "ALTER TABLE phases ADD COLUMN target_split_s REAL",
    "ALTER TABLE sessions ADD COLUMN notes TEXT",
)


# And v3 as shipped: the laps of a timed phase.
V3_SQL = ("ALTER TABLE phases ADD COLUMN laps TEXT",)


def make_v1(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        for statement in V1_SQL:
            conn.execute(statement)
        conn.execute(
            "INSERT INTO sessions (workout, plan_text, started_at, ended_at, status, reps_done, reps_planned,"
            " rest_adjust_s, rest_s, gassed) VALUES ('intervals', '8x(40s sprint, 2m jog)',"
            " '2025-03-01T06:15:00Z', '2025-03-01T06:40:00Z', 'completed', 8, 8, -15, 105, 0)"
        )
        conn.execute("INSERT INTO phases VALUES (1, 0, 'sprint', 1, 40, 40.5)")
        conn.execute("PRAGMA user_version = 1")
    conn.close()


def test_shipped_migrations_are_never_edited() -> None:
    assert MIGRATIONS[:3] == (V1_SQL, V2_SQL, V3_SQL)


def test_a_v3_file_gains_the_plan_day_and_a_new_session_keeps_one(tmp_path: Path) -> None:
    db = tmp_path / HISTORY_FILE
    make_v1(db)
    with sqlite3.connect(db) as conn:
        for statement in (*V2_SQL, *V3_SQL):
            conn.execute(statement)
        conn.execute("PRAGMA user_version = 3")
    conn.close()

    store = SessionStore.open(db)
    [old] = store.sessions()
    assert old.plan_day is None
    started = datetime(2025, 6, 2, 7, 0, tzinfo=UTC)
    new = store.begin("400s", "6x(lap sprint 400m, 2m jog)", started, 6, 120, plan_day=date(2025, 6, 2))
    store.close()
    reopened = SessionStore.open(db)
    assert {r.id: r.plan_day for r in reopened.sessions()} == {old.id: None, new: date(2025, 6, 2)}
    reopened.close()


def test_a_v2_file_gains_the_laps_of_timed_phases_and_keeps_its_splits(tmp_path: Path) -> None:
    db = tmp_path / HISTORY_FILE
    make_v1(db)
    with sqlite3.connect(db) as conn:
        for statement in V2_SQL:
            conn.execute(statement)
        conn.execute("UPDATE phases SET split_s = 40.5, target_split_s = 41.0")
        conn.execute("PRAGMA user_version = 2")
    conn.close()

    store = SessionStore.open(db)
    [record] = store.sessions()
    [phase] = record.phases
    assert (phase.split_s, phase.target_split_s, phase.laps) == (40.5, 41.0, ())
    store.record_phase(record.id, 1, StepKind.RUN, None, 600, 600.0, laps=(95.0, 96.5))
    assert store.take_notices() == []
    store.close()
    reopened = SessionStore.open(db)
    assert reopened.sessions()[0].phases[1].laps == (95.0, 96.5)
    reopened.close()


def test_a_v1_file_is_migrated_and_keeps_its_sessions(tmp_path: Path) -> None:
    db = tmp_path / HISTORY_FILE
    make_v1(db)

    store = SessionStore.open(db)
    [record] = store.sessions()
    assert (record.workout, record.status, record.reps_done, record.rest_s, record.gassed) == (
        "intervals",
        "completed",
        8,
        105,
        False,
    )
    assert record.started_at == datetime(2025, 3, 1, 6, 15, tzinfo=UTC)
    assert record.notes is None
    [phase] = record.phases
    assert (phase.kind, phase.actual_s, phase.split_s, phase.target_split_s) == (
        StepKind.SPRINT,
        40.5,
        None,
        None,
    )

    # The v2 columns take writes.
    store.record_phase(record.id, 1, StepKind.SPRINT, 2, None, 70.2, split_s=70.2, target_split_s=72.0)
    assert store.take_notices() == []
    store.close()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE sessions SET notes = 'windy' WHERE id = ?", (record.id,))
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()
    reopened = SessionStore.open(db)
    assert reopened.sessions()[0].notes == "windy"
    assert reopened.sessions()[0].phases[1].split_s == 70.2
    reopened.close()


def test_a_file_from_a_newer_runtimer_turns_history_off_and_is_left_alone(tmp_path: Path) -> None:
    db = tmp_path / HISTORY_FILE
    make_v1(db)
    with sqlite3.connect(db) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = db.read_bytes()

    store = open_store(db)
    assert isinstance(store, NullStore)
    [notice] = store.take_notices()
    assert notice.startswith("history off: ")
    assert "newer runtimer" in notice
    assert db.read_bytes() == before
    assert list(tmp_path.glob("*.corrupt-*")) == []


# v3 as shipped: the laps inside a timed phase.
V3_SQL = ("ALTER TABLE phases ADD COLUMN laps TEXT",)


def test_a_v3_file_gains_each_phases_place_on_the_clock_empty_for_old_phases(tmp_path: Path) -> None:
    assert MIGRATIONS[2] == V3_SQL
    db = tmp_path / HISTORY_FILE
    make_v1(db)
    with sqlite3.connect(db) as conn:
        for statement in V2_SQL + V3_SQL:
            conn.execute(statement)
        conn.execute("PRAGMA user_version = 3")
    conn.close()

    store = SessionStore.open(db)
    [record] = store.sessions()
    [old] = record.phases
    assert (old.started_s, old.pauses, old.distance_m, old.ended_by, old.completed) == (
        None,
        (),
        None,
        None,
        None,
    )
    assert old.elapsed_s == old.actual_s
    store.record_phase(
        record.id,
        1,
        StepKind.SPRINT,
        2,
        None,
        70.2,
        started_s=43.5,
        pauses=[(12.0, 30.25)],
        distance_m=400.0,
        ended_by="lap",
    )
    assert store.take_notices() == []
    store.close()
    reopened = SessionStore.open(db)
    new = reopened.sessions()[0].phases[1]
    assert (new.started_s, new.pauses, new.distance_m, new.ended_by) == (43.5, ((12.0, 30.25),), 400.0, "lap")
    assert (new.elapsed_s, new.completed) == (100.45, True)
    reopened.close()

"""The history file's tables, how an older file is brought up to date, and damage checks.

``PRAGMA user_version`` counts the migrations a file has had. Migrations only go
forward and a shipped one is never edited: a runner's file may come from any
earlier runtimer, and it is their training log.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

BUSY_TIMEOUT_S = 1.0
"""Each write is one short statement, so a second is ample; waiting longer would
only freeze the countdown while another runtimer holds the lock."""

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # v1: sessions and the phases they ran.
    (
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
    ),
    # v2: lap splits (400 m repeats against goal pace) and a note per session.
    (
        "ALTER TABLE phases ADD COLUMN split_s REAL",
        "ALTER TABLE phases ADD COLUMN target_split_s REAL",
        "ALTER TABLE sessions ADD COLUMN notes TEXT",
    ),
    # v3: the laps taken inside a timed phase (a JSON array of seconds, each from the one before).
    ("ALTER TABLE phases ADD COLUMN laps TEXT",),
    # v4: where each phase sat on the clock, which FIT and TCX laps need: its start in seconds after
    # the session's, its pauses (a JSON array of [active seconds into the phase, length]), the
    # distance it was planned over, and what ended it (time, lap, skip, back or stop).
    (
        "ALTER TABLE phases ADD COLUMN started_s REAL",
        "ALTER TABLE phases ADD COLUMN pauses TEXT",
        "ALTER TABLE phases ADD COLUMN distance_m REAL",
        "ALTER TABLE phases ADD COLUMN ended_by TEXT",
    ),
    # v5: the training plan's day a session was run for (an ISO date), if it was.
    ("ALTER TABLE sessions ADD COLUMN plan_day TEXT",),
)
SCHEMA_VERSION = len(MIGRATIONS)
_MAGIC = b"SQLite format 3\x00"
_DAMAGE_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


class DamagedDatabase(Exception):
    """The file is not a readable SQLite database; it is moved aside, never deleted."""


class NewerDatabase(Exception):
    """Written by a newer runtimer: left untouched, since migrations only go forward."""


def connect(path: Path) -> sqlite3.Connection:
    """Open ``path``, check it is intact and migrate it to :data:`SCHEMA_VERSION`.

    Autocommit mode (``isolation_level=None``): every write is one statement, so
    each is its own transaction, committed before the call returns.
    ``check_same_thread=False`` because the app may write from a worker thread;
    the store serialises access with its own lock.
    """
    _check_header(path)
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
    try:
        # Before anything writes to the file (WAL mode rewrites its header): a
        # newer runtimer's file is left exactly as it was.
        _refuse_newer(conn)
        _refuse_foreign(conn)
        # WAL + NORMAL: a commit does not wait for fsync, so recording a phase
        # never stalls a beep; a power cut may lose the last second, a crash nothing.
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        _check_intact(conn)
        _migrate(conn)
    except sqlite3.DatabaseError as error:
        conn.close()
        if (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF in _DAMAGE_CODES:
            raise DamagedDatabase(str(error)) from error
        raise
    except BaseException:
        conn.close()
        raise
    return conn


def _check_header(path: Path) -> None:
    """Catch a file that is not SQLite at all before SQLite opens it.

    Closing a connection to such a file makes SQLite delete its ``-wal`` and
    ``-shm``; checked first, they go aside with it instead.
    """
    try:
        with path.open("rb") as file:
            header = file.read(len(_MAGIC))
    except FileNotFoundError:
        return
    if header and header != _MAGIC:
        raise DamagedDatabase("not an SQLite file")


def _check_intact(conn: sqlite3.Connection) -> None:
    """A damaged page may sit behind a healthy header; find it before writing on top.

    ``quick_check`` reads every page once: a few milliseconds for years of history.
    """
    problems = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
    if problems != ["ok"]:
        raise DamagedDatabase("; ".join(problems[:3]))


def _user_version(conn: sqlite3.Connection) -> int:
    version: int = conn.execute("PRAGMA user_version").fetchone()[0]
    return version


def _refuse_newer(conn: sqlite3.Connection) -> None:
    version = _user_version(conn)
    if version > SCHEMA_VERSION:
        raise NewerDatabase(
            f"written by a newer runtimer (schema v{version}; this one reads up to v{SCHEMA_VERSION})"
        )


def _refuse_foreign(conn: sqlite3.Connection) -> None:
    """Another program's database in the history's place: moved aside like a damaged file.

    Every runtimer sets ``user_version`` in the transaction that creates its tables, so a file
    at version 0 is a new, empty one; one that already holds tables was written by something
    else, and migrating would add runtimer's tables to it (or fail halfway on a name they share).
    """
    if _user_version(conn) == 0:
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        if tables:
            raise DamagedDatabase(f"not a runtimer history: it holds other tables ({', '.join(tables[:3])})")


def _migrate(conn: sqlite3.Connection) -> None:
    if _user_version(conn) == SCHEMA_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Read again under the write lock: another runtimer may have just migrated.
        for statements in MIGRATIONS[_user_version(conn) :]:
            for statement in statements:
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.commit()
    except BaseException:
        conn.rollback()
        raise


def move_aside(path: Path, now: datetime) -> Path:
    """Rename a damaged file to ``<name>.corrupt-YYYYmmdd-HHMMSS`` and return the new path.

    Its ``-wal`` and ``-shm`` go along under matching names: SQLite pairs them by
    name, so the kept copy opens with its last writes, and a stale WAL can never
    be replayed into the fresh file.
    """
    stem = f"{path.name}.corrupt-{now:%Y%m%d-%H%M%S}"
    aside = path.with_name(stem)
    count = 1
    while aside.exists():
        aside = path.with_name(f"{stem}-{count}")
        count += 1
    path.rename(aside)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(aside.with_name(aside.name + suffix))
    return aside

"""Faults never stop a session: damaged files are kept aside, write failures are retried."""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from runtimer.config.paths import HISTORY_FILE
from runtimer.plan.models import StepKind
from runtimer.store.null import NullStore, open_store
from runtimer.store.schema import move_aside
from runtimer.store.sessions import SessionStore

START = datetime(2025, 3, 1, 6, 15, tzinfo=UTC)
PLAN = "8x(40s sprint, 2m jog)"
ASIDE = re.compile(re.escape(HISTORY_FILE) + r"\.corrupt-\d{8}-\d{6}")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / HISTORY_FILE


@pytest.mark.parametrize(
    "garbage",
    [os.urandom(8192), b"not a database", b"\0" * 200 + b"x", b"SQLite format 3\0" + os.urandom(4080)],
    ids=["random", "text", "zeros", "good-magic-bad-header"],
)
def test_a_damaged_file_is_moved_aside_and_a_fresh_one_works(db: Path, garbage: bytes) -> None:
    db.write_bytes(garbage)
    store = open_store(db)
    assert isinstance(store, SessionStore)

    [aside] = [
        p
        for p in db.parent.iterdir()
        if p.name not in (db.name, db.name + ".live") and not p.name.startswith(db.name + "-")
    ]
    assert ASIDE.fullmatch(aside.name), aside.name
    assert aside.read_bytes() == garbage
    [notice] = store.take_notices()
    assert aside.name in notice
    assert store.take_notices() == []

    session = store.begin("intervals", PLAN, START, 8, 120)
    store.record_phase(session, 0, StepKind.SPRINT, 1, 40, 40.0)
    assert [r.id for r in store.sessions()] == [session]
    assert store.take_notices() == []
    store.close()


def test_another_programs_database_is_moved_aside_not_migrated_into(db: Path) -> None:
    with sqlite3.connect(db) as other:
        other.execute("CREATE TABLE notes (body TEXT)")
        other.execute("INSERT INTO notes VALUES ('keep me')")
    other.close()
    before = db.read_bytes()
    store = open_store(db)
    assert isinstance(store, SessionStore)
    [notice] = store.take_notices()
    assert "not a runtimer history: it holds other tables (notes)" in notice
    [aside] = [p for p in db.parent.glob(HISTORY_FILE + ".corrupt-*") if ASIDE.fullmatch(p.name)]
    assert aside.read_bytes() == before
    store.begin("intervals", PLAN, START, 8, 120)
    assert len(store.sessions()) == 1
    store.close()


def test_a_damaged_page_behind_a_good_header_is_found(db: Path) -> None:
    store = SessionStore.open(db)
    for day in range(200):
        store.begin("intervals", PLAN * 20, START + timedelta(days=day), 8, 120)
    store.close()
    data = bytearray(db.read_bytes())
    page = 4096
    data[page * 2 : page * 3] = os.urandom(page)
    db.write_bytes(bytes(data))

    reopened = SessionStore.open(db)
    assert "damaged" in reopened.take_notices()[0]
    assert reopened.sessions() == []
    reopened.close()


def test_the_wal_and_shm_go_aside_with_the_file(db: Path) -> None:
    db.write_bytes(b"garbage" * 100)
    db.with_name(HISTORY_FILE + "-wal").write_bytes(b"old wal")
    db.with_name(HISTORY_FILE + "-shm").write_bytes(b"old shm")
    store = SessionStore.open(db)
    store.close()
    [aside] = [p for p in db.parent.glob(HISTORY_FILE + ".corrupt-*") if ASIDE.fullmatch(p.name)]
    assert aside.with_name(aside.name + "-wal").read_bytes() == b"old wal"
    assert aside.with_name(aside.name + "-shm").read_bytes() == b"old shm"


def test_move_aside_never_overwrites_an_earlier_copy(db: Path) -> None:
    moment = datetime(2025, 3, 1, 7, 8, 9)
    names = []
    for content in (b"first", b"second", b"third"):
        db.write_bytes(content)
        names.append(move_aside(db, moment).name)
    assert names == [
        f"{HISTORY_FILE}.corrupt-20250301-070809",
        f"{HISTORY_FILE}.corrupt-20250301-070809-1",
        f"{HISTORY_FILE}.corrupt-20250301-070809-2",
    ]
    assert (db.parent / names[0]).read_bytes() == b"first"
    assert not db.exists()


def test_a_data_folder_that_cannot_exist_turns_history_off(tmp_path: Path) -> None:
    """A regular file where the folder should be: fails for root too, unlike chmod."""
    (tmp_path / "afile").write_text("in the way")
    store = open_store(tmp_path / "afile" / "runtimer" / HISTORY_FILE)
    assert isinstance(store, NullStore)
    [notice] = store.take_notices()
    assert notice.startswith("history off: cannot use ")
    assert "afile" in notice
    assert store.take_notices() == []

    # The same calls work and keep nothing.
    session = store.begin("intervals", PLAN, START, 8, 120)
    store.record_phase(session, 0, StepKind.SPRINT, 1, 40, 40.0)
    store.update_progress(session, 1, 8, 0, 120)
    store.finish(session, "completed", START, 8, 8, 0, 120)
    store.set_gassed(session, True)
    assert store.sessions() == []
    store.close()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through a read-only folder")
def test_a_read_only_folder_turns_history_off(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir(mode=0o500)
    try:
        store = open_store(folder / HISTORY_FILE)
        assert isinstance(store, NullStore)
        assert store.take_notices()[0].startswith("history off: ")
    finally:
        folder.chmod(0o700)


@pytest.fixture
def store(db: Path) -> Iterator[SessionStore]:
    opened = SessionStore.open(db)
    yield opened
    opened.close()


def fill_the_disk(store: SessionStore) -> None:
    """SQLite's own page cap: the same "database or disk is full" a full disk gives."""
    conn = store._conn
    conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")


def free_the_disk(store: SessionStore) -> None:
    store._conn.execute("PRAGMA max_page_count = 1073741823")


def test_a_full_disk_mid_session_is_a_notice_and_nothing_is_lost_once_it_frees(store: SessionStore) -> None:
    session = store.begin("intervals", PLAN, START, 8, 120)
    fill_the_disk(store)
    position = 0
    while not (notices := store.take_notices()):
        store.record_phase(session, position, StepKind.JOG, 1, 120, 120.0)
        position += 1
        assert position < 10_000, "the page cap never bit"
    assert notices == ["history: could not save (database or disk is full); will keep trying"]
    for _ in range(3):
        store.record_phase(session, position, StepKind.JOG, 1, 120, 120.0)
        position += 1
    store.update_progress(session, 3, 8, -15, 105)
    assert store.take_notices() == []  # one notice per outage, not one per write

    free_the_disk(store)
    store.finish(session, "completed", START + timedelta(minutes=30), 8, 8, -15, 105)
    assert store.take_notices() == ["history: saving again, nothing lost"]
    [record] = store.sessions()
    assert [p.position for p in record.phases] == list(range(position))
    assert (record.status, record.reps_done, record.rest_s) == ("completed", 8, 105)


def test_a_session_begun_on_a_full_disk_is_written_once_there_is_room(store: SessionStore) -> None:
    filler = store.begin("filler", PLAN, START, 8, 120)
    fill_the_disk(store)
    position = 0
    while not store.take_notices():
        store.record_phase(filler, position, StepKind.JOG, 1, 120, 120.0)
        position += 1
    session = store.begin("intervals", PLAN, START + timedelta(days=1), 8, 120)
    assert session < 0  # a stand-in until the row exists
    store.record_phase(session, 0, StepKind.SPRINT, 1, 40, 40.0)

    free_the_disk(store)
    store.set_gassed(session, True)
    record = store.sessions(limit=1)[0]
    assert (record.workout, record.gassed, len(record.phases)) == ("intervals", True, 1)
    assert record.id > 0
    assert store.sessions(only=session) == [record], "the stand-in still finds it (the export reads it so)"


def test_a_write_that_can_never_succeed_is_dropped_and_the_rest_go_on(store: SessionStore) -> None:
    store.record_phase(9999, 0, StepKind.SPRINT, 1, 40, 40.0)  # no such session
    [notice] = store.take_notices()
    assert notice.startswith("history: gave up on one record")
    session = store.begin("intervals", PLAN, START, 8, 120)
    store.record_phase(session, 0, StepKind.SPRINT, 1, 40, 40.0)
    assert store.take_notices() == []
    assert len(store.sessions()[0].phases) == 1


def test_a_lock_held_by_another_runtimer_is_waited_out(db: Path, store: SessionStore) -> None:
    session = store.begin("intervals", PLAN, START, 8, 120)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    store.record_phase(session, 0, StepKind.SPRINT, 1, 40, 40.0)
    assert store.take_notices() == ["history: could not save (database is locked); will keep trying"]
    other.rollback()
    other.close()
    store.record_phase(session, 1, StepKind.JOG, 1, 120, 120.0)
    assert store.take_notices() == ["history: saving again, nothing lost"]
    assert len(store.sessions()[0].phases) == 2


def test_reading_a_file_that_went_bad_under_the_store_is_a_notice(db: Path, store: SessionStore) -> None:
    store.begin("intervals", PLAN, START, 8, 120)
    with sqlite3.connect(db) as other:
        other.execute("UPDATE phases SET kind = 'hop'")
        other.execute("INSERT INTO phases (session_id, position, kind, actual_s) VALUES (1, 0, 'hop', 1.0)")
    other.close()
    assert store.sessions() == []
    [notice] = store.take_notices()
    assert notice.startswith("history: could not read")

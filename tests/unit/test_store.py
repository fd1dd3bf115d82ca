"""The history store against a real SQLite file: what goes in comes back, newest first."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from runtimer.config.paths import HISTORY_FILE, history_path
from runtimer.plan.models import StepKind
from runtimer.store.schema import SCHEMA_VERSION
from runtimer.store.sessions import SessionStore

START = datetime(2025, 3, 1, 6, 15, tzinfo=UTC)
PLAN = "10m warmup, 8x(40s sprint, 2m jog), 5m cooldown"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / HISTORY_FILE


@pytest.fixture
def store(db: Path) -> Iterator[SessionStore]:
    opened = SessionStore.open(db)
    yield opened
    opened.close()


def test_a_session_round_trips_with_its_phases(store: SessionStore) -> None:
    session = store.begin("intervals", PLAN, START, reps_planned=8, rest_s=120)
    store.record_phase(session, 0, StepKind.WARMUP, None, 600, 600.4)
    store.record_phase(session, 1, StepKind.SPRINT, 1, 40, 40.0, split_s=39.2, target_split_s=40.0)
    store.record_phase(session, 2, StepKind.JOG, 1, 120, 105.0)
    store.update_progress(session, reps_done=1, reps_planned=8, rest_adjust_s=-15, rest_s=105)
    store.finish(
        session,
        "completed",
        START + timedelta(minutes=40),
        reps_done=8,
        reps_planned=8,
        rest_adjust_s=-15,
        rest_s=105,
    )
    store.set_gassed(session, False)

    [record] = store.sessions()
    assert record.id == session
    assert (record.workout, record.plan_text, record.status) == ("intervals", PLAN, "completed")
    assert record.started_at == START
    assert record.ended_at == START + timedelta(minutes=40)
    assert (record.reps_done, record.reps_planned, record.rest_adjust_s, record.rest_s) == (8, 8, -15, 105)
    assert record.gassed is False
    assert record.notes is None
    assert [(p.position, p.kind, p.rep, p.planned_s, p.actual_s) for p in record.phases] == [
        (0, StepKind.WARMUP, None, 600, 600.4),
        (1, StepKind.SPRINT, 1, 40, 40.0),
        (2, StepKind.JOG, 1, 120, 105.0),
    ]
    assert (record.phases[1].split_s, record.phases[1].target_split_s) == (39.2, 40.0)
    assert store.take_notices() == []


def test_progress_and_finish_keep_the_plan_as_the_runner_left_it(store: SessionStore) -> None:
    session = store.begin("intervals", PLAN, START, reps_planned=8, rest_s=120)
    store.update_progress(session, reps_done=2, reps_planned=9, rest_adjust_s=0, rest_s=120)  # "one more rep"
    assert (store.sessions()[0].reps_done, store.sessions()[0].reps_planned) == (2, 9)
    store.finish(session, "completed", START + timedelta(minutes=30), 6, 6, 0, 120)  # "finish after this rep"
    assert (store.sessions()[0].reps_done, store.sessions()[0].reps_planned) == (6, 6)


def test_json_dict_has_the_documented_shape(store: SessionStore) -> None:
    session = store.begin("intervals", PLAN, START, 8, 120)
    store.record_phase(session, 0, StepKind.SPRINT, 1, None, 71.5, split_s=71.5)
    data = store.sessions()[0].to_json_dict()
    assert data["workout"] == "intervals"
    assert data["started_at"] == "2025-03-01T06:15:00Z"
    assert data["ended_at"] is None
    assert data["status"] == "running"
    assert (data["reps_done"], data["reps_planned"], data["rest_adjust_s"]) == (0, 8, 0)
    assert data["gassed"] is None
    assert data["phases"] == [
        {
            "position": 0,
            "kind": "sprint",
            "rep": 1,
            "planned_s": None,
            "actual_s": 71.5,
            "split_s": 71.5,
            "target_split_s": None,
            "laps": [],
            "started_s": None,
            "pauses": [],
            "distance_m": None,
            "ended_by": None,
        }
    ]


def test_the_engines_float_seconds_are_kept_whole_where_plans_are(store: SessionStore) -> None:
    session = store.begin("intervals", PLAN, START, 8, rest_s=120.0)
    store.record_phase(session, 0, StepKind.JOG, 1, planned_s=104.6, actual_s=104.63)
    store.update_progress(session, 1, 8, rest_adjust_s=-15.0, rest_s=105.0)
    store.record_phase(session, 1, StepKind.JOG, 2, planned_s=float("nan"), actual_s=1.5)
    [record] = store.sessions()
    assert (record.rest_adjust_s, record.rest_s) == (-15, 105)
    assert [(p.planned_s, p.actual_s) for p in record.phases] == [(105, 104.63), (None, 1.5)]
    assert store.take_notices() == []


def test_gassed_is_true_false_or_unanswered(store: SessionStore) -> None:
    session = store.begin("intervals", PLAN, START, 8, 120)
    for answer in (True, False, None):
        store.set_gassed(session, answer)
        assert store.sessions()[0].gassed is answer


def test_sessions_are_newest_first_and_limit_counts_sessions(store: SessionStore) -> None:
    ids = [store.begin("intervals", PLAN, START + timedelta(days=day), 8, 120) for day in (0, 2, 1)]
    for session in ids:
        for position in range(3):
            store.record_phase(session, position, StepKind.JOG, None, 60, 60.0)
    assert [r.id for r in store.sessions()] == [ids[1], ids[2], ids[0]]
    limited = store.sessions(limit=2)
    assert [r.id for r in limited] == [ids[1], ids[2]]
    assert all(len(r.phases) == 3 for r in limited)


def test_recording_a_position_again_replaces_it(store: SessionStore) -> None:
    session = store.begin("intervals", PLAN, START, 8, 120)
    store.record_phase(session, 3, StepKind.SPRINT, 2, 40, 12.0)
    store.record_phase(session, 3, StepKind.SPRINT, 2, 40, 40.0)
    assert [p.actual_s for p in store.sessions()[0].phases] == [40.0]


def test_naive_start_times_are_local_and_stored_in_utc(store: SessionStore) -> None:
    local = datetime(2025, 3, 1, 8, 0)
    store.begin("intervals", PLAN, local, 8, 120)
    assert store.sessions()[0].started_at == local.astimezone(UTC)


@pytest.mark.usefixtures("store")  # opening it is what makes the file
def test_the_file_is_wal_and_at_the_current_schema(db: Path) -> None:
    with sqlite3.connect(db) as other:
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert other.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_each_write_is_visible_to_another_reader_at_once(db: Path, store: SessionStore) -> None:
    """Written as it goes: a crash after record_phase loses nothing already recorded."""
    session = store.begin("intervals", PLAN, START, 8, 120)
    store.record_phase(session, 0, StepKind.WARMUP, None, 600, 600.0)
    with sqlite3.connect(db) as other:
        assert other.execute("SELECT count(*) FROM phases").fetchone()[0] == 1


def test_sessions_left_running_are_stopped_on_the_next_open(db: Path) -> None:
    store = SessionStore.open(db)
    crashed = store.begin("intervals", PLAN, START, 8, 120)
    store.record_phase(crashed, 0, StepKind.WARMUP, None, 600, 600.0)
    store.record_phase(crashed, 1, StepKind.SPRINT, 1, 40, 40.4)
    store.update_progress(crashed, reps_done=1, reps_planned=8, rest_adjust_s=0, rest_s=120)
    never_started = store.begin("intervals", PLAN, START + timedelta(days=1), 8, 120)
    done = store.begin("intervals", PLAN, START + timedelta(days=2), 8, 120)
    store.finish(done, "completed", START + timedelta(days=2, minutes=40), 8, 8, 0, 120)
    store.close()  # as if the terminal closed: no finish for the first two

    reopened = SessionStore.open(db)
    by_id = {r.id: r for r in reopened.sessions()}
    reopened.close()
    assert by_id[crashed].status == "stopped"
    assert by_id[crashed].ended_at == START + timedelta(seconds=640)
    assert by_id[crashed].reps_done == 1
    assert by_id[never_started].status == "stopped"
    assert by_id[never_started].ended_at == START + timedelta(days=1)
    assert by_id[done].status == "completed"
    assert by_id[done].ended_at == START + timedelta(days=2, minutes=40)


def test_the_default_file_lives_in_the_data_folder(isolated_user_folders: Path) -> None:
    assert history_path() == isolated_user_folders / "data" / "runtimer" / HISTORY_FILE
    store = SessionStore.open()
    store.close()
    assert history_path().is_file()


def test_recovery_spares_a_session_another_runtimer_is_still_running(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    live = SessionStore.open(path)
    session = live.begin(
        "intervals", "8x(40s sprint, 2m jog)", datetime(2026, 3, 1, 7, 0, tzinfo=UTC), 8, 120
    )
    live.record_phase(session, 0, StepKind.SPRINT, 1, 40, 40.0)
    second = SessionStore.open(path)
    assert [r.status for r in second.sessions()] == ["running"], "the other runtimer is alive"
    second.close()
    live.close()  # the runtimer that ran it is gone (a crash lets go of its lock the same way)
    third = SessionStore.open(path)
    assert [r.status for r in third.sessions()] == ["stopped"]
    third.close()


def test_laps_inside_a_timed_phase_are_kept_in_order(store: SessionStore) -> None:
    session = store.begin("intervals", PLAN, START, 8, 120)
    store.record_phase(session, 0, StepKind.RUN, None, 600, 600.0, laps=(95.2, 97.8, 96.1))
    store.record_phase(session, 1, StepKind.JOG, 1, 120, 120.0)
    [record] = store.sessions()
    assert [phase.laps for phase in record.phases] == [(95.2, 97.8, 96.1), ()]
    assert record.to_json_dict()["phases"][0]["laps"] == [95.2, 97.8, 96.1]

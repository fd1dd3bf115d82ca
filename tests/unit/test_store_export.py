"""Exports and the history listing, from records built by hand."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime, timedelta

from runtimer.cli.history import NO_SESSIONS, history_table
from runtimer.plan.models import StepKind
from runtimer.records import PhaseRecord, SessionRecord
from runtimer.store.export import sessions_csv, sessions_json

START = datetime(2025, 3, 1, 6, 15, tzinfo=UTC)


def record(id: int, days: int = 0, **changes: object) -> SessionRecord:
    base: dict[str, object] = {
        "id": id,
        "workout": "intervals",
        "plan_text": "10m warmup, 8x(40s sprint, 2m jog), 5m cooldown",
        "started_at": START + timedelta(days=days),
        "ended_at": START + timedelta(days=days, minutes=40),
        "status": "completed",
        "reps_done": 8,
        "reps_planned": 8,
        "rest_adjust_s": -15,
        "rest_s": 105,
        "gassed": False,
        "notes": None,
        "phases": (
            PhaseRecord(position=0, kind=StepKind.WARMUP, rep=None, planned_s=600, actual_s=600.0),
            PhaseRecord(position=1, kind=StepKind.SPRINT, rep=1, planned_s=40, actual_s=40.2, split_s=39.8),
        ),
    }
    return SessionRecord.model_validate(base | changes)


RECORDS = [
    record(2, days=1, status="stopped", reps_done=3, gassed=None, rest_adjust_s=30, rest_s=150, phases=()),
    record(1),
]


def test_json_is_an_array_in_the_given_order_with_nested_phases() -> None:
    data = json.loads(sessions_json(RECORDS))
    assert [d["id"] for d in data] == [2, 1]
    assert data[1]["started_at"] == "2025-03-01T06:15:00Z"
    assert data[1]["ended_at"] == "2025-03-01T06:55:00Z"
    assert data[1]["gassed"] is False
    assert data[0]["gassed"] is None
    assert data[1]["phases"][1] == {
        "position": 1,
        "kind": "sprint",
        "rep": 1,
        "planned_s": 40,
        "actual_s": 40.2,
        "split_s": 39.8,
        "target_split_s": None,
        "laps": [],
        "started_s": None,
        "pauses": [],
        "distance_m": None,
        "ended_by": None,
    }
    assert data == [r.to_json_dict() for r in RECORDS]


def test_json_of_no_sessions_is_an_empty_array() -> None:
    assert json.loads(sessions_json([])) == []


def test_csv_is_one_flat_table_with_a_row_per_phase() -> None:
    rows = list(csv.DictReader(io.StringIO(sessions_csv(RECORDS))))
    assert len(rows) == 3  # a phaseless session keeps one row
    assert rows[0]["session_id"] == "2"
    assert (rows[0]["position"], rows[0]["kind"], rows[0]["gassed"]) == ("", "", "")
    assert [(r["session_id"], r["position"], r["kind"]) for r in rows[1:]] == [
        ("1", "0", "warmup"),
        ("1", "1", "sprint"),
    ]
    sprint = rows[2]
    assert sprint["workout"] == "intervals"
    assert sprint["started_at"] == "2025-03-01T06:15:00Z"
    assert sprint["gassed"] == "false"
    assert (sprint["actual_s"], sprint["split_s"], sprint["target_split_s"]) == ("40.2", "39.8", "")
    assert sprint["plan_text"] == "10m warmup, 8x(40s sprint, 2m jog), 5m cooldown"


def test_csv_writes_the_laps_of_a_timed_phase_in_one_cell() -> None:
    run = PhaseRecord(
        position=0, kind=StepKind.RUN, rep=None, planned_s=600, actual_s=600.0, laps=(95.2, 97.8)
    )
    record = RECORDS[1].model_copy(update={"phases": (run,)})
    [row] = csv.DictReader(io.StringIO(sessions_csv([record])))
    assert row["laps"] == "95.2 97.8"


def test_csv_keeps_the_day_of_the_plan_and_where_each_phase_was_on_the_clock() -> None:
    run = PhaseRecord(
        position=0,
        kind=StepKind.RUN,
        rep=None,
        planned_s=None,
        actual_s=95.0,
        started_s=600.0,
        distance_m=400.0,
        ended_by="lap",
    )
    record = RECORDS[1].model_copy(update={"phases": (run,), "plan_day": date(2025, 3, 1)})
    [row] = csv.DictReader(io.StringIO(sessions_csv([record])))
    assert (row["plan_day"], row["started_s"], row["distance_m"], row["ended_by"]) == (
        "2025-03-01",
        "600.0",
        "400.0",
        "lap",
    )


def test_times_read_back_to_the_millisecond() -> None:
    """The clock's floats stay in the file; exports and screens show what a runner can use."""
    run = PhaseRecord(
        position=0,
        kind=StepKind.RUN,
        rep=None,
        planned_s=600,
        actual_s=600.000412345,
        split_s=95.19999999,
        target_split_s=96.90578,
        laps=(95.19999999, 97.8004999),
    )
    record = RECORDS[1].model_copy(update={"phases": (run,)})
    [phase] = json.loads(sessions_json([record]))[0]["phases"]
    assert (phase["actual_s"], phase["split_s"], phase["target_split_s"]) == (600.0, 95.2, 96.906)
    assert phase["laps"] == [95.2, 97.8]
    [row] = csv.DictReader(io.StringIO(sessions_csv([record])))
    assert (row["actual_s"], row["laps"]) == ("600.0", "95.2 97.8")


def test_csv_of_no_sessions_is_just_the_header() -> None:
    assert sessions_csv([]).count("\n") == 1


def test_history_table_lists_local_time_reps_rest_and_the_answer() -> None:
    table = history_table(
        [*RECORDS, record(3, days=-1, workout="cadence", reps_planned=0, rest_s=None)], tz=UTC
    )
    assert table == (
        "DATE              WORKOUT    STATUS     REPS  REST          GASSED\n"
        "2025-03-02 06:15  intervals  stopped    3/8   02:30 (+30s)  -\n"
        "2025-03-01 06:15  intervals  completed  8/8   01:45 (-15s)  no\n"
        "2025-02-28 06:15  cadence    completed  -     -             no\n"
    )


def test_history_table_of_nothing_says_so() -> None:
    assert history_table([]) == NO_SESSIONS + "\n"

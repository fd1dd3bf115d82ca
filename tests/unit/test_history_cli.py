"""``runtimer history`` and ``runtimer export`` through the real entry point and a real history file."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from runtimer.config.paths import history_path
from runtimer.plan.models import StepKind
from runtimer.store.sessions import SessionStore
from tests.support.cli_helpers import run

DAY = datetime(2025, 3, 1, 6, 15, tzinfo=UTC)
INTERVALS = "10m warmup, 8x(40s sprint, 2m jog), 5m cooldown"
LAPS = "6x(lap sprint, 2m jog)"


@pytest.fixture
def three_sessions() -> None:
    """Oldest first: a completed interval day (gassed), a lap day (not gassed), a stopped one (no answer)."""
    store = SessionStore.open(history_path())
    first = store.begin("intervals", INTERVALS, DAY, reps_planned=8, rest_s=120)
    store.record_phase(first, 0, StepKind.WARMUP, None, 600, 600.0)
    store.record_phase(first, 1, StepKind.SPRINT, 1, 40, 40.0)
    store.finish(first, "completed", DAY + timedelta(minutes=36), 8, 8, rest_adjust_s=-15, rest_s=105)
    store.set_gassed(first, True)

    second = store.begin("400s", LAPS, DAY + timedelta(days=2), reps_planned=6, rest_s=120)
    store.record_phase(second, 0, StepKind.SPRINT, 1, None, 92.4, split_s=92.4)
    store.record_phase(second, 1, StepKind.JOG, 1, 120, 120.0)
    store.finish(second, "completed", DAY + timedelta(days=2, minutes=20), 6, 6, rest_adjust_s=0, rest_s=120)
    store.set_gassed(second, False)

    third = store.begin("intervals", INTERVALS, DAY + timedelta(days=4), reps_planned=8, rest_s=105)
    store.record_phase(third, 0, StepKind.WARMUP, None, 600, 312.5)
    store.finish(third, "stopped", DAY + timedelta(days=4, minutes=5), 0, 8, rest_adjust_s=0, rest_s=105)
    assert store.take_notices() == []
    store.close()


def test_an_empty_history_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "history") == (0, "No sessions yet.\n", "")
    assert run(capsys, "history", "--json") == (0, "[]\n", "")


@pytest.mark.usefixtures("three_sessions")
def test_history_lists_sessions_newest_first(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "history")
    assert (code, err) == (0, "")
    header, *rows = out.splitlines()
    assert header.split() == ["DATE", "WORKOUT", "STATUS", "REPS", "REST", "GASSED"]
    assert [row.split()[2:] for row in rows] == [
        ["intervals", "stopped", "0/8", "01:45", "-"],
        ["400s", "completed", "6/6", "02:00", "no"],
        ["intervals", "completed", "8/8", "01:45", "(-15s)", "yes"],
    ]
    assert rows[-1].startswith(f"{DAY.astimezone():%Y-%m-%d %H:%M}  ")  # the runner's local time

    _, out, _ = run(capsys, "history", "--limit", "1")
    assert len(out.splitlines()) == 2 and " stopped " in out


@pytest.mark.usefixtures("three_sessions")
def test_history_json_has_every_field_newest_first(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "history", "--json")
    assert (code, err) == (0, "")
    newest, middle, oldest = json.loads(out)
    assert [s["started_at"] for s in (newest, middle, oldest)] == [
        "2025-03-05T06:15:00Z",
        "2025-03-03T06:15:00Z",
        "2025-03-01T06:15:00Z",
    ]
    assert [s["gassed"] for s in (newest, middle, oldest)] == [None, False, True]
    assert {key: oldest[key] for key in ("workout", "ended_at", "status", "reps_done", "reps_planned")} == {
        "workout": "intervals",
        "ended_at": "2025-03-01T06:51:00Z",
        "status": "completed",
        "reps_done": 8,
        "reps_planned": 8,
    }
    assert (oldest["rest_adjust_s"], oldest["rest_s"]) == (-15, 105)
    assert [
        {key: phase[key] for key in ("kind", "planned_s", "actual_s", "split_s")}
        for phase in middle["phases"]
    ] == [
        {"kind": "sprint", "planned_s": None, "actual_s": 92.4, "split_s": 92.4},
        {"kind": "jog", "planned_s": 120, "actual_s": 120.0, "split_s": None},
    ]

    _, out, _ = run(capsys, "history", "--json", "--limit", "2")
    assert [s["workout"] for s in json.loads(out)] == ["intervals", "400s"]


@pytest.mark.usefixtures("three_sessions")
def test_export_csv_writes_one_row_per_phase(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "history.csv"
    assert run(capsys, "export", "--format", "csv", "-o", str(target)) == (0, "", "")
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [(r["workout"], r["status"], r["kind"], r["split_s"]) for r in rows] == [
        ("intervals", "stopped", "warmup", ""),
        ("400s", "completed", "sprint", "92.4"),
        ("400s", "completed", "jog", ""),
        ("intervals", "completed", "warmup", ""),
        ("intervals", "completed", "sprint", ""),
    ]
    assert [r["gassed"] for r in rows] == ["", "false", "false", "true", "true"]

    _, to_stdout, _ = run(capsys, "export", "--format", "csv")
    assert to_stdout == target.read_text(encoding="utf-8")


@pytest.mark.usefixtures("three_sessions")
def test_export_json_matches_history_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "history.json"
    assert run(capsys, "export", "--format", "json", "--output", str(target)) == (0, "", "")
    _, listed, _ = run(capsys, "history", "--json")
    exported: list[dict[str, Any]] = json.loads(target.read_text(encoding="utf-8"))
    assert exported == json.loads(listed)
    assert len(exported) == 3


def test_an_unwritable_output_is_one_line_naming_the_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    not_a_folder = tmp_path / "afile"
    not_a_folder.write_text("")
    target = not_a_folder / "out.csv"
    code, out, err = run(capsys, "export", "--format", "csv", "-o", str(target))
    assert (code, out) == (2, "")
    assert err == f"runtimer export: cannot write {target}: Not a directory\n"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["export", "--format", "xml"], "invalid choice: 'xml'"),
        (["export"], "the following arguments are required: --format"),
        (["history", "--limit", "0"], '"0" is not a count'),
    ],
)
def test_bad_arguments_are_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1 and expected in err


def test_with_history_off_nothing_is_listed_and_the_reason_is_given(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the data folder should be")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    code, out, err = run(capsys, "history")
    assert (code, out) == (1, "")
    [line] = err.splitlines()
    assert line.startswith("runtimer: history off: cannot use ") and "Not a directory" in line

    target = tmp_path / "backup.json"
    assert run(capsys, "export", "--format", "json", "-o", str(target))[0] == 1
    assert not target.exists()  # no empty backup that looks like a good one


def test_a_damaged_history_file_is_set_aside_with_a_notice(capsys: pytest.CaptureFixture[str]) -> None:
    history_path().parent.mkdir(parents=True)
    history_path().write_bytes(b"not a database at all")
    code, out, err = run(capsys, "history")
    assert (code, out) == (0, "No sessions yet.\n")
    [line] = err.splitlines()
    assert line.startswith("runtimer: history: history.sqlite3 was damaged")


def test_listing_history_leaves_a_session_running_elsewhere_alone(capsys: pytest.CaptureFixture[str]) -> None:
    other_terminal = SessionStore.open(history_path())
    session = other_terminal.begin("intervals", INTERVALS, DAY, reps_planned=8, rest_s=120)
    other_terminal.record_phase(session, 0, StepKind.WARMUP, None, 600, 600.0)
    try:
        _, out, _ = run(capsys, "history", "--json")
        [listed] = json.loads(out)
        assert (listed["status"], listed["ended_at"]) == ("running", None)
    finally:
        other_terminal.close()

"""``runtimer export --format fit|tcx``: a file per session for a training log, through the entry point."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from runtimer.config.paths import history_path
from runtimer.plan.models import StepKind
from runtimer.records import FinalStatus
from runtimer.store.sessions import SessionStore
from tests.support.cli_helpers import run
from tests.support.readers import fitdecode_read, garmin_read, tcx_read

DAY = datetime(2025, 3, 1, 6, 15, tzinfo=UTC)


@pytest.fixture
def sessions() -> list[int]:
    """Oldest first: a completed session, and a stopped one two days later."""
    store = SessionStore.open(history_path())
    ids = []
    statuses: tuple[tuple[int, FinalStatus], ...] = ((0, "completed"), (2, "stopped"))
    for days, status in statuses:
        session = store.begin("intervals", "2x(40s sprint, 2m jog)", DAY + timedelta(days=days), 2, 120)
        store.record_phase(session, 0, StepKind.SPRINT, 1, 40, 40.0, started_s=3.0, ended_by="time")
        store.record_phase(session, 1, StepKind.JOG, 1, 120, 61.5, started_s=43.0, ended_by="stop")
        store.finish(session, status, DAY + timedelta(days=days, minutes=2), 1, 2, 0, 120)
        ids.append(session)
    store.close()
    return ids


def test_fit_export_writes_a_file_per_finished_session_and_names_each(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sessions: list[int]
) -> None:
    code, out, err = run(capsys, "export", "--format", "fit", "-o", str(tmp_path / "sync"))
    assert code == 0
    written = [Path(line) for line in out.splitlines()]
    assert [path.parent for path in written] == [tmp_path / "sync"] * 2
    assert [path.stem.rsplit("-", 1)[1] for path in written] == [str(sessions[0]), str(sessions[1])]
    assert err == ""
    for path in written:
        laps = garmin_read(path.read_bytes())["lap"]
        assert [lap["total_timer_time"] for lap in laps] == [40.0, 61.5]
    assert sorted(p.name for p in (tmp_path / "sync").iterdir()) == sorted(p.name for p in written), (
        "no leftovers"
    )


def test_one_session_goes_to_the_file_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sessions: list[int]
) -> None:
    target = tmp_path / "today.tcx"
    assert run(capsys, "export", "--format", "tcx", "--session", str(sessions[1]), "-o", str(target)) == (
        0,
        f"{target}\n",
        "",
    )
    exercise, laps = tcx_read(target)
    assert (exercise.activity_type, [lap["TotalTimeSeconds"] for lap in laps]) == (
        "Running",
        ["40.0", "61.5"],
    )


def test_since_keeps_the_sessions_from_that_day_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sessions: list[int]
) -> None:
    since = (DAY + timedelta(days=1)).astimezone().date().isoformat()
    code, out, _ = run(capsys, "export", "--format", "fit", "--since", since, "-o", str(tmp_path))
    assert code == 0
    [only] = out.splitlines()
    assert only.endswith(f"-{sessions[1]}.fit")
    assert fitdecode_read(Path(only).read_bytes())["workout"][0]["wkt_description"] == (
        "intervals: stopped after 1 of 2 reps"
    )


@pytest.mark.usefixtures("sessions")
@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--session", "99"), "--session 99: no such session"),
        (("--since", "yesterday"), '"yesterday" is not a date'),
        (("-o", "one.fit"), "-o one.fit: a file name is for one session"),
    ],
)
def test_export_mistakes_are_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    argv: tuple[str, ...],
    message: str,
) -> None:
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    code, out, err = run(capsys, "export", "--format", "fit", *argv)
    assert (code, out) == (2, "")
    assert message in err
    assert len(err.splitlines()) == 1
    assert list(here.iterdir()) == []

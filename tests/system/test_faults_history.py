"""Fault suite, the history file: a session always runs, and history keeps what it can, never guessing.

Each case is a real ``runtimer run`` in its own tmux terminal, all side by
side in one tmux server. A damaged file (random bytes, cut in half, another
program's SQLite database) is moved aside byte for byte and a fresh history
records the session; a file runtimer must not touch (a newer runtimer's, a
read-only file, a read-only folder) turns history off, says so on screen and
is left exactly as it was, while the session runs to its summary; a database
whose write lock another process holds for 10 s gets every phase once the
lock goes; two sessions at once in two terminals both keep everything.

File permissions do not bind root, so when the tests run as root the
read-only cases run runtimer as ``nobody`` (``setpriv``).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from runtimer.plan.models import StepKind
from runtimer.store.schema import SCHEMA_VERSION
from runtimer.store.sessions import SessionStore
from tests.support.terminal import (
    NOBODY,
    RUNTIMER,
    Tmux,
    history_json,
    needs_tmux,
    phase_line,
    runtimer_env,
    write_settings,
)

pytestmark = [needs_tmux, pytest.mark.slow]

SHORT = "2x(2s sprint, 2s jog)"
LOCKED = "6x(2s sprint, 2s jog)"
LOCKED_TOTAL_S = 24.0
LOCK_HELD_S = 10.0
TWO = "3x(2s sprint, 2s jog)"
LATE_S = 2.0
WIDE = (200, 24)
"""Room on the footer line for the whole warning, which names the file kept aside."""
DAMAGED = ("random", "truncated", "other-schema")
LEFT_ALONE = ("newer", "read-only-file", "read-only-folder")
AS_NOBODY = ("read-only-file", "read-only-folder")
HOLD_LOCK = """\
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.rollback()
print("released", flush=True)
"""
"""Another process holding the database's write lock (in WAL mode, EXCLUSIVE is the writer's lock)."""


def history_file(home: Path) -> Path:
    return home / "data" / "runtimer" / "history.sqlite3"


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def real_history(home: Path, sessions: int) -> Path:
    path = history_file(home)
    store = SessionStore.open(path)
    start = datetime(2025, 1, 1, 7, tzinfo=UTC)
    for day in range(sessions):
        session = store.begin("intervals", "8x(40s sprint, 2m jog)" * 10, start + timedelta(days=day), 8, 120)
        store.record_phase(session, 0, StepKind.SPRINT, 1, 40, 40.0)
        store.finish(session, "completed", start + timedelta(days=day, minutes=30), 8, 8, 0, 120)
    store.close()
    return path


def prepare(case: str, home: Path) -> Path:
    """The history as the case finds it; returns the file (or folder) that must survive."""
    path = history_file(home)
    path.parent.mkdir(parents=True, exist_ok=True)
    if case == "random":
        path.write_bytes(os.urandom(64 * 1024))
    elif case == "truncated":
        real_history(home, 300)
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    elif case == "other-schema":
        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE sessions (title TEXT, body TEXT)")
            conn.execute("INSERT INTO sessions VALUES ('not', 'runtimer''s')")
        conn.close()
    elif case == "newer":
        real_history(home, 3)
        with sqlite3.connect(path) as conn:
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        conn.close()
    elif case == "read-only-file":
        real_history(home, 3)
        path.chmod(0o444)
    elif case == "read-only-folder":
        path.parent.chmod(0o555)
        return path.parent
    return path


@dataclass
class Run:
    home: Path
    kept: Path | None = None
    """The file (or folder) the case must leave as it was, or move aside whole."""
    before: str = ""
    """Its fingerprint (or listing) before runtimer ran."""
    warned: str = ""
    """The screen while the start-up warning showed."""
    first_sprint_seen: float = 0.0
    summary_seen: float = 0.0
    summary: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def home_for(case: str, factory: pytest.TempPathFactory) -> Path:
    """A folder ``nobody`` can reach for the read-only cases; pytest's own stay private to root."""
    if case not in AS_NOBODY:
        return factory.mktemp(case)
    home = Path(tempfile.mkdtemp(prefix=f"runtimer-{case}-"))
    home.chmod(0o755)
    return home


def hand_to_nobody(home: Path) -> None:
    if os.geteuid() != 0:
        return
    for folder, folders, files in os.walk(home):
        for name in [folder, *(os.path.join(folder, entry) for entry in folders + files)]:
            os.chown(name, NOBODY, NOBODY)


def first_seen(tmux: Tmux, wanted: dict[str, str], timeout: float) -> dict[str, str]:
    """Each pane's screen the first time it shows its text, looking at all of them in turn:
    a start-up warning is on screen for a few seconds only, in every terminal at once."""
    seen: dict[str, str] = {}
    deadline = time.monotonic() + timeout
    while len(seen) < len(wanted):
        for name, text in wanted.items():
            if name not in seen and text in (screen := tmux.screen(name)):
                seen[name] = screen
        missing = sorted(wanted.keys() - seen.keys())
        assert time.monotonic() < deadline, f"no start-up warning in {missing}"
        time.sleep(0.05)
    return seen


def wait_for_summary(tmux: Tmux, name: str, run: Run, within: float) -> None:
    run.summary = tmux.wait_for(name, lambda s: "Were you gassed" in s, within, "summary")
    run.summary_seen = time.monotonic()


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Run]]:
    tmux = Tmux(tmp_path_factory.mktemp("tmux"))
    runs: dict[str, Run] = {}
    try:
        for case in (*DAMAGED, *LEFT_ALONE):
            run = runs[case] = Run(home_for(case, tmp_path_factory))
            write_settings(run.home, "lead_in_s = 0\n")
            run.kept = prepare(case, run.home)
            run.before = fingerprint(run.kept) if run.kept.is_file() else str(sorted(run.kept.iterdir()))
            if case in AS_NOBODY:
                hand_to_nobody(run.home)
            tmux.start(case, ["run", SHORT, "--mute"], run.home, size=WIDE, as_nobody=case in AS_NOBODY)
        locked = runs["locked"] = Run(tmp_path_factory.mktemp("locked"))
        write_settings(locked.home, "lead_in_s = 0\n")
        real_history(locked.home, 1)
        tmux.start("locked", ["run", LOCKED, "--mute"], locked.home)
        both = runs["two"] = Run(tmp_path_factory.mktemp("two"))
        write_settings(both.home, "lead_in_s = 0\n")
        for name in ("two-a", "two-b"):
            tmux.start(name, ["run", TWO, "--mute"], both.home)

        warnings = {case: "damaged" if case in DAMAGED else "history off" for case in (*DAMAGED, *LEFT_ALONE)}
        for case, screen in first_seen(tmux, warnings, 15).items():
            runs[case].warned = screen
        tmux.wait_for("locked", lambda s: phase_line(s).startswith("SPRINT"), 15, "sprint")
        locked.first_sprint_seen = time.monotonic()
        holder = subprocess.Popen(
            [sys.executable, "-c", HOLD_LOCK, str(history_file(locked.home)), str(LOCK_HELD_S)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert holder.stdout is not None
        assert holder.stdout.readline() == "locked\n"
        locked.extra["locked_at"] = time.monotonic()

        for case in (*DAMAGED, *LEFT_ALONE):
            wait_for_summary(tmux, case, runs[case], 30)
        for name in ("two-a", "two-b"):
            wait_for_summary(tmux, name, both, 30)
        assert holder.stdout.readline() == "released\n"
        locked.extra["released_at"] = time.monotonic()
        holder.wait(5)
        wait_for_summary(tmux, "locked", locked, LOCKED_TOTAL_S + 10)
        for name in (*DAMAGED, *LEFT_ALONE, "locked", "two-a", "two-b"):
            tmux.send(name, "s")
            tmux.send(name, "q")
            tmux.wait_until_closed(name, 5)
        yield runs
    finally:
        tmux.close()
        for case in AS_NOBODY:
            if case in runs:
                runs[case].home.chmod(0o755)
                history_file(runs[case].home).parent.chmod(0o755)
                shutil.rmtree(runs[case].home, ignore_errors=True)


def phases(record: dict[str, Any]) -> list[tuple[str, int, float]]:
    return [(p["kind"], p["rep"], p["actual_s"]) for p in record["phases"]]


def planned(reps: int) -> list[tuple[str, int, float]]:
    return [(kind, rep, 2.0) for rep in range(1, reps + 1) for kind in ("sprint", "jog")]


@pytest.mark.parametrize("case", DAMAGED)
def test_a_damaged_history_is_moved_aside_whole_and_a_fresh_one_keeps_the_session(
    runs: dict[str, Run], case: str
) -> None:
    run = runs[case]
    assert "kept it as" in run.warned
    [aside] = history_file(run.home).parent.glob("history.sqlite3.corrupt-*[0-9]")
    assert fingerprint(aside) == run.before, "moved aside byte for byte, never deleted"
    [record] = history_json(run.home)
    assert record["status"] == "completed"
    assert phases(record) == planned(2)


@pytest.mark.parametrize("case", LEFT_ALONE)
def test_a_history_runtimer_must_not_touch_turns_history_off_and_the_session_runs(
    runs: dict[str, Run], case: str
) -> None:
    run = runs[case]
    assert run.kept is not None
    assert "history off" in run.warned
    assert "Phases   4 of 4" in run.summary
    after = fingerprint(run.kept) if run.kept.is_file() else str(sorted(run.kept.iterdir()))
    assert after == run.before, "left exactly as it was"


def test_a_newer_runtimers_history_is_named_as_such(runs: dict[str, Run]) -> None:
    done = subprocess.run(
        [str(RUNTIMER), "history"], env=runtimer_env(runs["newer"].home), capture_output=True, text=True
    )
    assert done.returncode == 1
    assert done.stderr.startswith("runtimer: history off: ")
    assert f"written by a newer runtimer (schema v{SCHEMA_VERSION + 1}" in done.stderr


def test_phases_ended_under_another_process_lock_are_written_once_it_goes(runs: dict[str, Run]) -> None:
    run = runs["locked"]
    held = run.extra["released_at"] - run.extra["locked_at"]
    assert held >= LOCK_HELD_S - 0.5
    assert held < run.summary_seen - run.first_sprint_seen, "phases ended while the lock was held"
    took = run.summary_seen - run.first_sprint_seen
    assert abs(took - LOCKED_TOTAL_S) <= LATE_S, "the lock held up the session"
    records = history_json(run.home)
    assert [r["status"] for r in records] == ["completed", "completed"]
    newest = records[0]
    assert phases(newest) == planned(6), "every phase, each once, in order"
    assert [p["position"] for p in newest["phases"]] == list(range(12))
    assert newest["reps_done"] == 6


def test_two_sessions_at_once_in_two_terminals_both_keep_everything(runs: dict[str, Run]) -> None:
    records = history_json(runs["two"].home)
    assert [r["status"] for r in records] == ["completed", "completed"]
    for record in records:
        assert phases(record) == planned(3)
        assert record["reps_done"] == 3

"""Fault suite, load: with 100,000 sessions in the history, every face of it still answers.

The history is built through runtimer's own store (tests/support/big_history.py)
and copied into the runner's folder. ``history`` and ``export`` list every
session, newest first; the picker opens, its history screen shows the newest
sessions at a key press and goes back; and a session started now is the
100,001st. How long each takes is measured by ``make bench`` (bench/load.py),
not asserted here.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import subprocess
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from tests.support import big_history
from tests.support.terminal import RUNTIMER, Tmux, needs_tmux, runtimer_env, write_settings

pytestmark = [pytest.mark.slow]


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("runner")
    write_settings(home, "lead_in_s = 0\n")
    with big_history.template() as template:
        big_history.install(template, home / "data")
    yield home


def runtimer(home: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = runtimer_env(home)
    return subprocess.run([str(RUNTIMER), *argv], env=env, capture_output=True, text=True, timeout=300)


def newest_first(starts: list[str]) -> bool:
    return all(a >= b for a, b in itertools.pairwise(starts))


def newest(home: Path) -> dict[str, Any]:
    record: dict[str, Any] = json.loads(runtimer(home, "history", "--json", "--limit", "1").stdout)[0]
    return record


def test_history_lists_every_session_newest_first(home: Path) -> None:
    done = runtimer(home, "history")
    assert (done.returncode, done.stderr) == (0, "")
    header, *rows = done.stdout.splitlines()
    assert header.startswith("DATE")
    assert len(rows) == big_history.SESSIONS
    assert newest_first([row[:16] for row in rows])


def test_csv_export_has_a_row_for_every_session(home: Path) -> None:
    done = runtimer(home, "export", "--format", "csv")
    assert (done.returncode, done.stderr) == (0, "")
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert len(rows) == big_history.SESSIONS
    assert len({row["session_id"] for row in rows}) == big_history.SESSIONS
    assert newest_first([row["started_at"] for row in rows])


def test_json_export_has_every_session(home: Path) -> None:
    done = runtimer(home, "export", "--format", "json")
    assert (done.returncode, done.stderr) == (0, "")
    records = json.loads(done.stdout)
    assert len(records) == big_history.SESSIONS
    assert records[0]["started_at"] > records[-1]["started_at"]


@needs_tmux
def test_the_picker_and_its_history_screen_answer_and_a_session_is_kept(home: Path, tmp_path: Path) -> None:
    before = newest(home)
    tmux = Tmux(tmp_path)
    try:
        tmux.start("picker", [], home, size=(100, 30))
        tmux.wait_for("picker", lambda s: "pick a workout" in s and "intervals" in s, 20, "picker")
        tmux.send("picker", "h")
        latest = f"{datetime.fromisoformat(before['started_at']).astimezone():%Y-%m-%d %H:%M}"
        history = tmux.wait_for("picker", lambda s: "History" in s and latest in s, 20, "history screen")
        assert history.index(latest) < history.index("completed"), "the newest session heads the list"
        tmux.send("picker", "Escape")
        tmux.wait_for("picker", lambda s: "pick a workout" in s, 10, "picker again")
        tmux.send("picker", "q")
        tmux.wait_until_closed("picker", 10)

        tmux.start("run", ["run", "1x(2s sprint)", "--mute"], home)
        tmux.wait_for("run", lambda s: "Were you gassed" in s, 30, "summary")
        tmux.send("run", "n")
        tmux.send("run", "q")
        tmux.wait_until_closed("run", 10)
    finally:
        tmux.close()
    after = newest(home)
    assert after["workout"] == "one-line"
    assert after["id"] == before["id"] + 1 == big_history.SESSIONS + 1
    assert after["started_at"] > before["started_at"]

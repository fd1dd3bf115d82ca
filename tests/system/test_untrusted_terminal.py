"""Untrusted text never drives the terminal: the exact bytes the real ``runtimer`` writes.

Text already in the history is written into the file with sqlite3 directly, as
an older runtimer (or another program) could have left it; workout files and
arguments carry control characters as TOML escapes and shell strings. The
command-line cases read the process's own stdout and stderr bytes; the screen
cases record every byte the app writes to a tmux terminal (``pipe-pane``), and
tmux, with ``set-clipboard on``, turns an OSC 52 that got through into a paste
buffer, so a clipboard write would show up there.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.support.terminal import RUNTIMER, Tmux, needs_tmux, runtimer_env

CLIPBOARD = "\x1b]52;c;aGVsbG8=\x07"
"""OSC 52: sets the terminal's clipboard to "hello"."""
CLEAR = "\x1b[2J"
OVERRIDE = "\u202e"
C1_CSI = "\x9b"
EVIL = f"run{CLIPBOARD}{CLEAR}{OVERRIDE}{C1_CSI}"
SHOWN = "run\\x1b]52;c;aGVsbG8=\\x07\\x1b[2J\\u202e\\x9b"
FROM_THE_DATA = [b"\x1b]52", b"\x1b[2J", OVERRIDE.encode(), C1_CSI.encode()]
"""The data's own sequences and characters (as UTF-8): never on the terminal, even where the app
itself writes escape sequences to draw the screen."""
FORBIDDEN = [b"\x1b", b"\x07", *FROM_THE_DATA]
"""A command's output is text: no escape or bell at all."""


def history_file(home: Path) -> Path:
    return home / "data" / "runtimer" / "history.sqlite3"


def insert_raw(home: Path, workout: str, plan_text: str) -> None:
    """A session with control characters in it, written before runtimer refused them."""
    subprocess.run([str(RUNTIMER), "history"], env=runtimer_env(home), capture_output=True, check=True)
    with sqlite3.connect(history_file(home)) as conn:
        conn.execute(
            "INSERT INTO sessions (workout, plan_text, started_at, ended_at, status, reps_done, reps_planned,"
            " rest_s) VALUES (?, ?, '2025-06-01T07:00:00Z', '2025-06-01T07:05:00Z', 'completed', 3, 3, 60)",
            (workout, plan_text),
        )
        conn.execute(
            "INSERT INTO phases (session_id, position, kind, rep, planned_s, actual_s)"
            " VALUES (1, 0, 'sprint', 1, 30, 30.0)"
        )
    conn.close()


def runtimer(home: Path, *argv: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [str(RUNTIMER), *argv], env=runtimer_env(home), capture_output=True, timeout=60, check=False
    )


def assert_clean(*outputs: bytes, forbidden: Sequence[bytes] = FORBIDDEN) -> None:
    for output in outputs:
        for raw in forbidden:
            assert raw not in output, (raw, output)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "runner"
    insert_raw(home, EVIL, f'3x(30s sprint "{CLEAR}")')
    return home


@pytest.mark.parametrize("argv", [["history"], ["export", "--format", "csv"]], ids=["history", "csv"])
def test_stored_text_is_printed_visibly(home: Path, argv: list[str]) -> None:
    done = runtimer(home, *argv)
    assert (done.returncode, done.stderr) == (0, b"")
    assert_clean(done.stdout)
    assert SHOWN.encode() in done.stdout
    if "csv" in argv:
        assert b'"3x(30s sprint ""\\x1b[2J"")"' in done.stdout


def test_json_escapes_stored_text(home: Path) -> None:
    done = runtimer(home, "history", "--json")
    assert_clean(done.stdout)
    assert b"run\\u001b]52;c;aGVsbG8=\\u0007" in done.stdout
    [record] = json.loads(done.stdout)
    assert record["workout"] == EVIL, "JSON keeps the data exact, escaped"


def bad_workout(folder: Path, stem: str = "shared") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stem}.toml"
    path.write_text(
        'description = "Fast \\u001b]52;c;aGVsbG8=\\u0007"\n[[steps]]\nkind = "run"\nduration = "5m"\n',
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("command", ["check", "show", "run"])
def test_a_workout_file_with_escapes_is_refused_in_one_line(tmp_path: Path, command: str) -> None:
    path = bad_workout(tmp_path)
    done = runtimer(tmp_path / "runner", command, str(path))
    assert done.returncode == 2
    assert done.stdout == b""
    prefix = "runtimer check" if command == "check" else "runtimer"
    assert done.stderr.decode() == (
        f"{prefix}: {path}: description: control character U+001B at position 6"
        " (text here is shown on screen, so it must be plain)\n"
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["show", EVIL],
        ["run", f'40s sprint "{EVIL}"'],
        ["show", "intervals", "--reps", EVIL],
        ["check", "{file}"],
        ["list"],
    ],
    ids=["unknown-name", "one-line", "argparse", "file-name", "list"],
)
def test_errors_quote_names_and_values_visibly(tmp_path: Path, argv: Sequence[str]) -> None:
    home = tmp_path / "runner"
    path = bad_workout(home / "config" / "runtimer" / "workouts", stem=EVIL)
    done = runtimer(home, *(str(path) if arg == "{file}" else arg for arg in argv))
    assert_clean(done.stdout, done.stderr)
    assert done.stderr.count(b"\n") == 1, done.stderr
    assert SHOWN.encode() in done.stderr or b"U+001B" in done.stderr
    assert done.returncode == (0 if argv == ["list"] else 2)


def test_bytes_that_are_not_utf8_are_shown_as_bytes(tmp_path: Path) -> None:
    """A file name from another system: Python reads its odd bytes as lone surrogates, which
    cannot be printed at all (a traceback, before), let alone sent to a terminal."""
    done = subprocess.run(
        [str(RUNTIMER).encode(), b"check", b"run\x9b\xff.toml"],
        env=runtimer_env(tmp_path),
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.startswith(b"runtimer check: run\\x9b\\xff.toml: cannot read it")
    assert done.stderr.count(b"\n") == 1
    assert_clean(done.stderr, forbidden=[*FORBIDDEN, b"\x9b", b"\xff"])


@pytest.mark.slow
@needs_tmux
def test_the_screens_show_stored_text_and_never_send_it(home: Path, tmp_path: Path) -> None:
    bad_workout(home / "config" / "runtimer" / "workouts", stem=EVIL)
    tmux = Tmux(tmp_path / "tmux")
    try:
        tmux.tmux("set-option", "-g", "set-clipboard", "on")
        raw = tmp_path / "terminal.bytes"
        tmux.start("picker", [], home, size=(200, 30))
        tmux.record("picker", raw)
        picker = tmux.wait_for("picker", lambda s: "pick a workout" in s, 15, "picker")
        assert SHOWN in picker, "the skipped file is named on the footer, visibly"
        tmux.send("picker", "h")
        history = tmux.wait_for("picker", lambda s: "History" in s and "completed" in s, 10, "history")
        assert SHOWN[:40] in history
        tmux.send("picker", "Escape")
        tmux.wait_for("picker", lambda s: "pick a workout" in s, 10, "picker again")
        time.sleep(0.5)  # let the last frame reach the pipe
        assert_clean(raw.read_bytes(), forbidden=FROM_THE_DATA)
        assert tmux.clipboard() == "", "an OSC 52 reached the terminal"

        # The check above can fail: the same bytes printed raw do set the clipboard.
        tmux.tmux("new-session", "-d", "-s", "canary", f"printf '{CLIPBOARD}'; sleep 5")
        deadline = time.monotonic() + 5
        while not tmux.clipboard() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert "hello" in tmux.clipboard()
    finally:
        tmux.close()

"""Text from outside is refused with control characters in it, and shown visibly where it is printed."""

from __future__ import annotations

import csv
import io
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runtimer.config.paths import history_path
from runtimer.config.settings import load_settings
from runtimer.errors import UserError
from runtimer.plan.loader import load_workout_file
from runtimer.plan.text import check_plain, visible
from runtimer.plan.textsyntax import parse_workout_text
from runtimer.store.export import sessions_csv
from runtimer.store.sessions import SessionStore
from tests.support.cli_helpers import run
from tests.support.records_factory import session_record

CLIPBOARD = "\x1b]52;c;aGVsbG8=\x07"
"""OSC 52: sets the terminal's clipboard to "hello"."""
CLEAR = "\x1b[2J"
CONTROLS = [
    "\x00",
    "\t",
    "\n",
    "\r",
    "\x1b",
    "\x7f",
    "\x80",
    "\x85",
    "\x9b",
    "\u2028",
    "\u2029",
    "\u202a",
    "\u202e",
    "\u2066",
    "\u2069",
]
PLAIN_BUT_UNUSUAL = ["café", "ランニング", "שלום\u200f", "8\u00d7400 m", "a\\x1b", "😀"]


@pytest.mark.parametrize("char", CONTROLS, ids=[f"U+{ord(c):04X}" for c in CONTROLS])
def test_each_control_character_is_refused_with_its_code_and_position(char: str) -> None:
    with pytest.raises(ValueError, match=rf"control character U\+{ord(char):04X} at position 4 \(text here"):
        check_plain(f"abc{char}def")


@pytest.mark.parametrize("text", PLAIN_BUT_UNUSUAL)
def test_plain_text_in_any_script_passes_and_shows_as_itself(text: str) -> None:
    assert check_plain(text) == text
    assert visible(text) == text


@given(st.text())
def test_visible_text_holds_no_control_character_and_passes_the_check(text: str) -> None:
    shown = visible(text)
    assert check_plain(shown) == shown
    assert visible(shown) == shown


def test_visible_names_each_control_character() -> None:
    assert visible(CLIPBOARD + CLEAR) == "\\x1b]52;c;aGVsbG8=\\x07\\x1b[2J"
    assert visible("a\tb\u202ec\x9b") == "a\\x09b\\u202ec\\x9b"


def test_bytes_of_a_file_name_that_are_not_utf8_show_as_those_bytes() -> None:
    name = b"run\x9b\xff.toml".decode("utf-8", "surrogateescape")
    assert visible(name) == "run\\x9b\\xff.toml"
    assert visible("\ud800") == "\\ud800"


def workout_file(folder: Path, *, stem: str = "evil", **fields: str) -> Path:
    """A workout whose text fields are given as TOML basic strings (so ``\\u001b`` escapes work)."""
    lines = [f'{key} = "{value}"' for key, value in fields.items() if key in ("name", "description")]
    note = fields.get("note", "fine")
    lines.append('[[steps]]\nkind = "warmup"\nduration = "5m"')
    lines.append(f'[[steps]]\nrepeat = 3\nsteps = [{{kind = "sprint", duration = "30s", note = "{note}"}}]')
    path = folder / f"{stem}.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("fields", "place", "position"),
    [
        ({"name": "Fast\\u001b[2J"}, "name", 5),
        ({"description": "\\u001b]52;c;aGVsbG8=\\u0007"}, "description", 1),
        ({"description": "run \\u202eslow"}, "description", 5),
        ({"note": "go \\u009b31m"}, "step 2 > step 1 > note", 4),
        ({"note": "tab\\there"}, "step 2 > step 1 > note", 4),
    ],
)
def test_a_workout_file_with_a_control_character_is_one_line_naming_file_field_and_position(
    tmp_path: Path, fields: dict[str, str], place: str, position: int
) -> None:
    path = workout_file(tmp_path, **fields)
    with pytest.raises(UserError) as refused:
        load_workout_file(path)
    message = str(refused.value)
    assert message.startswith(f"{path}: {place}: control character U+")
    assert f"at position {position} (text here is shown on screen, so it must be plain)" in message
    assert "\n" not in message


def test_a_file_name_with_a_control_character_becomes_a_name_that_is_refused(tmp_path: Path) -> None:
    path = workout_file(tmp_path, stem="a\x1b[2J")
    with pytest.raises(UserError, match=r"name: control character U\+001B at position 2"):
        load_workout_file(path)


def test_a_one_line_workout_names_the_column_of_the_control_character() -> None:
    with pytest.raises(UserError, match=r"^at column 13: control character U\+001B \(text here"):
        parse_workout_text(f'40s sprint "{CLEAR}"')


def test_a_setting_with_a_control_character_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('faster = "20-25%\\u001b[2J"\n', encoding="utf-8")
    with pytest.raises(UserError, match=r"settings\.toml: faster: control character U\+001B at position 7"):
        load_settings(path)


def test_the_error_line_shows_control_characters_instead_of_sending_them(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "show", f"{CLEAR}{CLIPBOARD}")
    assert (code, out) == (2, "")
    assert err == 'runtimer: unknown workout "\\x1b[2J\\x1b]52;c;aGVsbG8=\\x07" (known: 400s, cadence, ' + (
        "downhill, easy, intervals, recovery, strength; or a .toml path, or a one-line workout)\n"
    )


def test_argparse_errors_show_control_characters_too(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "show", "intervals", "--reps", CLEAR)
    assert code == 2
    assert "\x1b" not in err and '"\\x1b[2J" is not a rep count' in err
    assert err.count("\n") == 1


def test_a_skipped_user_workout_is_named_visibly(
    capsys: pytest.CaptureFixture[str], user_workouts: Path
) -> None:
    workout_file(user_workouts, stem=f"bad{CLEAR}")
    code, out, err = run(capsys, "list")
    assert code == 0 and "intervals" in out
    assert "bad\\x1b[2J.toml: name: control character U+001B at position 4" in err
    assert "\x1b" not in err


def insert_raw(workout: str, plan_text: str, notes: str | None = None) -> None:
    """Data already in the history, written before runtimer refused it: straight into the file."""
    store = SessionStore.open(history_path())
    store.close()
    with sqlite3.connect(history_path()) as conn:
        conn.execute(
            "INSERT INTO sessions (workout, plan_text, started_at, ended_at, status, reps_done, reps_planned,"
            " rest_adjust_s, rest_s, notes) VALUES (?, ?, '2025-03-01T06:15:00Z', '2025-03-01T06:50:00Z',"
            " 'completed', 3, 3, -15, 105, ?)",
            (workout, plan_text, notes),
        )
        conn.execute(
            "INSERT INTO phases (session_id, position, kind, rep, planned_s, actual_s)"
            " VALUES (1, 0, 'sprint', 1, 30, 30.0)"
        )
    conn.close()


def test_history_shows_stored_control_characters_visibly(capsys: pytest.CaptureFixture[str]) -> None:
    insert_raw(f"evil{CLIPBOARD}", f'3x(30s sprint "{CLEAR}")')
    code, out, err = run(capsys, "history")
    assert (code, err) == (0, "")
    assert "evil\\x1b]52;c;aGVsbG8=\\x07" in out
    assert not any(char in out for char in "\x1b\x07")


def test_csv_cells_that_would_be_formulas_open_as_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    insert_raw("=1+1", "-3x(30s sprint)", notes="@SUM(A1)")
    output = tmp_path / "runs.csv"
    assert run(capsys, "export", "--format", "csv", "-o", str(output)) == (0, "", "")
    [row] = list(csv.DictReader(io.StringIO(output.read_text(encoding="utf-8"))))
    assert row["workout"] == "'=1+1"
    assert row["notes"] == "'@SUM(A1)"
    assert row["plan_text"] == "'-3x(30s sprint)"
    assert row["rest_adjust_s"] == "-15", "a number stays a number"
    assert row["kind"] == "sprint"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_is_neutralised(start: str) -> None:
    record = session_record(workout=f"{start}cmd|' /C calc'!A0", notes=f"{start}x")
    [row] = list(csv.DictReader(io.StringIO(sessions_csv([record]))))
    assert row["workout"].startswith("'")
    assert row["notes"].startswith("'")
    assert not any(char in row["workout"] for char in "\t\r")


def test_csv_shows_stored_control_characters_visibly() -> None:
    record = session_record(workout=f"a{CLEAR}", started_at=datetime(2025, 3, 1, tzinfo=UTC))
    text = sessions_csv([record])
    assert "a\\x1b[2J" in text and "\x1b" not in text

"""Fault suite, input fuzzing: whatever is typed or written, the answer is a plan or one line.

Arbitrary text goes to the one-line parser and the command line, arbitrary
TOML documents (built from the workout keys and from anything at all) and
arbitrary bytes to the file loader. The only outcomes allowed are a valid
workout, which then expands into phases, or a :class:`UserError` whose
message is one line; any other exception is a bug that would reach the
runner as a traceback.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runtimer.errors import UserError
from runtimer.plan.loader import load_workout_file
from runtimer.plan.models import Workout
from runtimer.plan.phases import expand
from runtimer.plan.textsyntax import parse_workout_text
from tests.support.cli_helpers import run

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

WORDS = [
    "10m", "40s", "2m", "1:30", "30-45s", "30-45s=40s", "lap", "400m", "1km", "1mi", "8x", "6-10x", "x",
    "warmup", "warm-up", "jog", "sprint", "run", "walk", "rest", "cooldown", "exercise", "@goal",
    "@6:30/mi", "@4:00/km", "@180spm", "@170-180spm", "@0:30/km", '"note"', '"', ",", "(", ")", "=", "-",
]  # fmt: skip
"""The one-line syntax's own pieces, so generated text gets past the first token often enough."""
KEYS = ["name", "description", "steps", "kind", "duration", "distance", "pace", "cadence", "note", "repeat"]
KINDS = ["warmup", "jog", "sprint", "run", "walk", "rest", "cooldown", "exercise", "hop"]
TEXTS = ["40s", "2m", "30-45s", "30-45s=40s", "lap", "400m", "6:30/mi", "goal", "170-180", "6-10", "0", "-1"]


def one_line_texts() -> st.SearchStrategy[str]:
    return st.one_of(
        st.text(max_size=80),
        st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), max_size=14).map(" ".join),
    )


def check_outcome(make: Callable[[], Workout]) -> None:
    """``make()`` gives a workout that expands into phases, or raises a UserError; nothing else."""
    try:
        phases = expand(make())
    except UserError as error:
        assert str(error)
        return
    assert phases


def check_command(capsys: pytest.CaptureFixture[str], *argv: str) -> None:
    """What the runner sees: output and exit 0, or exactly one line on stderr and exit 2."""
    code, out, err = run(capsys, *argv)
    if code == 0:
        assert out and err == ""
    else:
        assert (code, out) == (2, "")
        assert err.count("\n") == 1 and err.endswith("\n") and "\r" not in err, repr(err)


@FUZZ
@given(one_line_texts())
def test_any_text_is_a_one_line_workout_or_one_line_of_error(text: str) -> None:
    check_outcome(lambda: parse_workout_text(text))


@FUZZ
@given(one_line_texts())
def test_any_argument_to_show_is_a_table_or_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], text: str
) -> None:
    check_command(capsys, "show", text)


def toml_string(text: str) -> str:
    """A TOML basic string: quote, backslash and the controls TOML forbids raw, escaped."""
    escaped = "".join(
        f"\\u{ord(char):04X}"
        if ord(char) < 0x20 or ord(char) == 0x7F
        else "\\" + char
        if char in '"\\'
        else char
        for char in text
    )
    return f'"{escaped}"'


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return (
            "nan"
            if math.isnan(value)
            else ("inf" if value > 0 else "-inf")
            if math.isinf(value)
            else repr(value)
        )
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(map(toml_value, value)) + "]"
    return "{" + ", ".join(f"{toml_string(key)} = {toml_value(item)}" for key, item in value.items()) + "}"


scalars = st.one_of(
    st.sampled_from(TEXTS + KINDS),
    st.text(max_size=20),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
)
keys = st.one_of(st.sampled_from(KEYS), st.text(min_size=1, max_size=8))
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(keys, inner, max_size=5),
    ),
    max_leaves=25,
)
steps = st.lists(
    st.fixed_dictionaries(
        {"kind": st.sampled_from(KINDS)},
        optional={"duration": values, "repeat": values, "steps": values, "note": values, "distance": values},
    ),
    max_size=4,
)
documents = st.one_of(
    st.dictionaries(keys, values, max_size=6),
    st.builds(lambda top, body: {**top, "steps": body}, st.dictionaries(keys, values, max_size=3), steps),
)


@FUZZ
@given(documents)
def test_any_toml_document_is_a_workout_or_one_line_naming_the_file(
    tmp_path: Path, document: dict[str, Any]
) -> None:
    path = tmp_path / "fuzzed.toml"
    path.write_text("\n".join(f"{toml_string(key)} = {toml_value(value)}" for key, value in document.items()))
    check_outcome(lambda: load_workout_file(path))


@FUZZ
@given(st.one_of(st.binary(max_size=400), st.text(max_size=400).map(str.encode)))
def test_any_bytes_are_a_workout_or_one_line_naming_the_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "fuzzed.toml"
    path.write_bytes(content)
    check_outcome(lambda: load_workout_file(path))
    check_command(capsys, "check", str(path))

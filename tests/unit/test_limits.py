"""The limits that keep memory bounded, each enforced with one clear line and stated in docs/workouts.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from runtimer.config.paths import settings_path
from runtimer.engine import commands as c
from runtimer.engine import events as e
from runtimer.engine.machine import Engine, EngineSettings
from runtimer.errors import UserError
from runtimer.interop.icu import load_icu_workout
from runtimer.plan.loader import MAX_WORKOUT_BYTES, load_workout_file
from runtimer.plan.models import MAX_DESCRIPTION, MAX_NAME, MAX_NOTE, MAX_PHASES, StepKind
from runtimer.plan.phases import Phase, expand
from runtimer.plan.textsyntax import parse_workout_text
from tests.support.cli_helpers import run

STEP = '[[steps]]\nkind = "run"\nduration = "1m"\n'


def test_the_limits_are_the_documented_ones() -> None:
    documented = (Path(__file__).parents[2] / "docs" / "workouts.md").read_text(encoding="utf-8")
    limits = [f"{MAX_PHASES:,} phases", *(f"{n} characters" for n in (MAX_NAME, MAX_DESCRIPTION, MAX_NOTE))]
    for text in ("256 KiB", "4 MiB", *limits):
        assert text in documented, text


def test_a_workout_file_over_the_size_limit_is_refused_unparsed(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    path.write_text(STEP + "#" * MAX_WORKOUT_BYTES, encoding="utf-8")
    with pytest.raises(UserError, match=rf"^{path}: larger than 256 KiB, the most a workout file may be$"):
        load_workout_file(path)


def test_a_file_that_never_ends_is_read_only_as_far_as_the_limit() -> None:
    with pytest.raises(UserError, match="larger than 256 KiB"):
        load_workout_file(Path("/dev/zero"))


def test_a_file_just_under_the_limit_loads(tmp_path: Path) -> None:
    path = tmp_path / "long.toml"
    padding = MAX_WORKOUT_BYTES - len(STEP) - 1
    path.write_text(STEP + "#" * padding + "\n", encoding="utf-8")
    assert len(path.read_bytes()) == MAX_WORKOUT_BYTES
    assert load_workout_file(path).name == "long"


def repeat_file(tmp_path: Path, reps: int, steps: int) -> Path:
    inner = ", ".join(['{kind = "sprint", duration = "10s"}'] * steps)
    path = tmp_path / "many.toml"
    path.write_text(f"[[steps]]\nrepeat = {reps}\nsteps = [{inner}]\n", encoding="utf-8")
    return path


def test_a_workout_that_expands_past_the_phase_limit_is_refused(tmp_path: Path) -> None:
    with pytest.raises(
        UserError, match=r"many\.toml: it expands to 2020 phases, more than the 2000 a session"
    ):
        load_workout_file(repeat_file(tmp_path, reps=20, steps=101))
    assert len(expand(load_workout_file(repeat_file(tmp_path, reps=20, steps=100)))) == MAX_PHASES


def test_more_reps_from_a_quick_edit_are_held_to_the_phase_limit(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = repeat_file(tmp_path, reps=10, steps=30)
    code, out, err = run(capsys, "show", str(path), "--reps", "99")
    assert (code, out) == (2, "")
    expected = (
        'workout "many": it expands to 2970 phases, more than the 2000 a session may have (try fewer reps)'
    )
    assert err == f"runtimer: {expected}\n"


def test_one_more_rep_stops_at_the_phase_limit() -> None:
    phases = [Phase(StepKind.SPRINT, 10, rep=r, reps=1000, block=1) for r in range(1, 1001)]
    phases += [Phase(StepKind.JOG, 10, rep=r, reps=1000, block=1) for r in range(1, 1001)]
    engine = Engine(phases, EngineSettings(lead_in_s=0))
    engine.handle(c.Start(), 0.0)
    [refused] = engine.handle(c.AddRep(), 1.0)
    assert refused == e.Ignored("AddRep", f"a session has at most {MAX_PHASES} phases")
    assert len(engine.phases) == MAX_PHASES


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "n" * (MAX_NAME + 1), "name: should have at most 40 characters"),
        ("description", "d" * (MAX_DESCRIPTION + 1), "description: should have at most 200 characters"),
    ],
)
def test_long_text_fields_are_refused_by_name(tmp_path: Path, field: str, value: str, message: str) -> None:
    path = tmp_path / "long.toml"
    path.write_text(f'{field} = "{value}"\n{STEP}', encoding="utf-8")
    with pytest.raises(UserError, match=f"^{path}: {message}"):
        load_workout_file(path)


def test_a_long_one_line_workout_keeps_its_plan_and_cuts_only_its_description() -> None:
    text = ", ".join(f'30s sprint "rep {n} of a very long session"' for n in range(12))
    workout = parse_workout_text(text)
    assert len(workout.steps) == 12
    assert len(workout.description) == MAX_DESCRIPTION
    assert workout.description.endswith("…") and text.startswith(workout.description[:-1])


@pytest.mark.parametrize("suffix", [".fit", ".txt"])
def test_other_tools_workout_files_are_held_to_the_same_size(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, suffix: str
) -> None:
    endless = tmp_path / f"zero{suffix}"
    endless.symlink_to("/dev/zero")
    code, out, err = run(capsys, "check", str(endless))
    assert (code, out) == (2, "")
    assert err == f"runtimer check: {endless}: larger than 256 KiB, the most a workout file may be\n"


ODD_TOML = {
    "a number too long to read": ("[[steps]]\nkind = 'run'\nduration = " + "9" * 5000, "Exceeds the limit"),
    "nesting too deep to parse": ("x = " + "[" * 100_000, "invalid TOML"),
}


@pytest.mark.parametrize("content", ODD_TOML.values(), ids=list(ODD_TOML))
def test_odd_toml_in_a_workout_file_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: tuple[str, str]
) -> None:
    path = tmp_path / "odd.toml"
    path.write_text(content[0], encoding="utf-8")
    code, out, err = run(capsys, "check", str(path))
    assert (code, out) == (2, "")
    assert err.startswith(f"runtimer check: {path}: invalid TOML") and content[1] in err
    assert err.count("\n") == 1


@pytest.mark.parametrize("content", ODD_TOML.values(), ids=list(ODD_TOML))
def test_odd_toml_in_the_settings_is_one_line(
    capsys: pytest.CaptureFixture[str], content: tuple[str, str]
) -> None:
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text(content[0], encoding="utf-8")
    code, out, err = run(capsys, "show", "intervals")
    assert (code, out) == (2, "")
    assert err.startswith(f"runtimer: {settings_path()}: invalid TOML") and err.count("\n") == 1


def test_intervals_icu_repeat_counts_past_four_digits_are_no_repeat(tmp_path: Path) -> None:
    path = tmp_path / "coach.txt"
    path.write_text("9" * 5000 + "x\n- 30s 4:00/km Pace\n", encoding="utf-8")
    with pytest.raises(UserError):
        load_icu_workout(path)

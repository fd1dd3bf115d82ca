from __future__ import annotations

from pathlib import Path

import pytest

from runtimer.config.paths import seeds_dir, user_workouts_dir
from runtimer.errors import UserError
from runtimer.plan.loader import Catalogue, load_workout_file
from runtimer.plan.models import Repeat, Step, StepKind
from runtimer.plan.overrides import Overrides, apply_overrides
from runtimer.plan.phases import expand
from runtimer.plan.textsyntax import parse_workout_text

BUILT_INS = {"intervals", "400s", "cadence", "downhill", "easy", "recovery", "strength"}


def catalogue() -> Catalogue:
    return Catalogue.load(seeds_dir(), user_workouts_dir())


def test_the_seven_built_ins_load() -> None:
    loaded = catalogue()
    assert set(loaded.entries) == BUILT_INS
    assert not loaded.problems
    assert all(entry.source == "built-in" for entry in loaded.entries.values())


def test_built_ins_follow_the_training_notes() -> None:
    entries = catalogue().entries
    intervals = entries["intervals"].workout
    block = next(item for item in intervals.steps if isinstance(item, Repeat))
    assert (block.repeat.low, block.repeat.high) == (6, 10)
    sprint, jog = block.steps
    assert isinstance(sprint, Step) and isinstance(jog, Step)
    assert sprint.duration and (sprint.duration.low, sprint.duration.high) == (30, 45)
    assert jog.duration and jog.duration.value == 120
    assert any(p.cadence == 180 for p in expand(entries["cadence"].workout))
    assert any(p.is_open and p.kind is StepKind.SPRINT for p in expand(entries["400s"].workout))
    assert all(p.kind is not StepKind.SPRINT for p in expand(entries["recovery"].workout))
    assert any(p.note and "hamstring" in p.note.lower() for p in expand(entries["strength"].workout))


def test_a_user_file_overrides_a_built_in_by_name(user_workouts: Path) -> None:
    (user_workouts / "intervals.toml").write_text(
        'description = "mine"\n[[steps]]\nkind = "sprint"\nduration = "20s"\n'
    )
    entry = catalogue().resolve("intervals")
    assert entry.source == "user" and entry.workout.description == "mine"


def test_a_broken_user_file_is_reported_not_fatal(user_workouts: Path) -> None:
    (user_workouts / "broken.toml").write_text('[[steps]]\nkind = "sprint"\nduration = "4q"\n')
    loaded = catalogue()
    assert "intervals" in loaded.entries
    with pytest.raises(UserError, match=r'broken\.toml: step 1 > duration: "4q" is not a duration'):
        loaded.resolve("broken")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[[steps]]\nkind = "sprnt"\nduration = "40s"\n', 'step 1 > kind: "sprnt" is not a step kind'),
        ('[[steps]]\nkind = "sprint"\nduration = "40s"\nspeed = 3\n', 'step 1: unknown key "speed"'),
        ('[[steps]]\nkind = "sprint"\n', 'step 1: missing "duration"'),
        (
            '[[steps]]\nrepeat = 0\nsteps = [{kind = "jog", duration = "1m"}]\n',
            "step 1 > repeat: a rep count",
        ),
        (
            '[[steps]]\nrepeat = 3\nsteps = [{kind = "jog", duration = -4}]\n',
            "step 1 > step 1 > duration: a duration must be greater than zero",
        ),
        ('[[steps]]\nkind = "run"\nduration = "20m"\ncadence = 300\n', "step 1 > cadence"),
        (
            "[[steps]]\nrepeat = 2\n[[steps.steps]]\nrepeat = 6\n[[steps.steps.steps]]\nrepeat = 2\n"
            'steps = [{kind = "jog", duration = "1m"}]\n',
            "step 1 > step 1 > step 1: repeats nest one level deep",
        ),
        ('[[steps]]\nkind = "run"\nduration = "20m"\npace = "fast"\n', 'step 1 > pace: "fast" is not a pace'),
        ('[[steps]]\nkind = "run"\nduration = "20m"\npace = "80:00/km"\n', 'pace: "80:00/km" is slower'),
        (
            '[[steps]]\nkind = "run"\ndistance = 400\npace = "6:30/mi"\n',
            "step 1 > distance: 400 is not a distance",
        ),
        ('[[steps]]\nkind = "run"\nduration = "20m"\npace = 390\n', "step 1 > pace: 390 is not a pace"),
        ("steps = []\n", "steps: should have at least 1 item, not 0"),
        ("steps = [1]\n", "step 1: should be a table of keys, not 1"),
        ('name = 3\n[[steps]]\nkind = "jog"\nduration = 60\n', "name: should be a valid string, not 3"),
        (
            '[[steps]]\nkind = "jog"\nduration = 60\nnote = {a = 1}\n',
            "note: should be a valid string, not a table",
        ),
        ('[[steps]]\nkind = "jog"\nduration = 1e3\n', "step 1 > duration: 1000 is not a duration (try 40s"),
        ("steps = [\n", "invalid TOML"),
        ('description = "nothing to do"\n', 'missing "steps"'),
        ('colour = "red"\n[[steps]]\nkind = "jog"\nduration = 60\n', 'unknown key "colour"'),
    ],
)
def test_bad_files_get_one_line_naming_file_and_place(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(content)
    with pytest.raises(UserError) as caught:
        load_workout_file(path)
    text = str(caught.value)
    assert text.startswith(f"{path}: ")
    assert message in text
    assert "\n" not in text


def test_unreadable_and_missing_files(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="cannot read it"):
        load_workout_file(tmp_path / "absent.toml")
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(UserError, match="not a text file"):
        load_workout_file(binary)


def test_a_set_of_reps_in_toml_is_the_one_liner_written_out(tmp_path: Path) -> None:
    path = tmp_path / "track.toml"
    path.write_text(
        "[[steps]]\nrepeat = 2\n\n[[steps.steps]]\nrepeat = 6\nsteps = [\n"
        '  { kind = "run", distance = "400m", pace = "goal" },\n'
        '  { kind = "jog", distance = "200m" },\n]\n\n'
        '[[steps.steps]]\nkind = "rest"\nduration = "4m"\n',
        encoding="utf-8",
    )
    written = parse_workout_text("2x(6x(400m @goal, jog 200m), 4m rest)")
    assert load_workout_file(path).steps == written.steps


def test_resolve_names_paths_and_one_liners() -> None:
    loaded = catalogue()
    assert loaded.resolve("cadence").workout.name == "cadence"
    assert loaded.resolve(str(seeds_dir() / "downhill.toml")).source == "file"
    assert loaded.resolve("3x(10s sprint, 20s jog)").source == "one-line"
    with pytest.raises(UserError, match='unknown workout "nope"'):
        loaded.resolve("nope")
    with pytest.raises(UserError, match=r'workout "3x\(" at column 4: the workout ends too early'):
        loaded.resolve("3x(")


def test_overrides_change_what_runs_and_refuse_what_cannot_apply() -> None:
    intervals = catalogue().resolve("intervals").workout
    edited = apply_overrides(intervals, Overrides(reps=10, sprint=40, jog=90, warmup=300, cooldown=120))
    phases = expand(edited)
    assert sum(1 for p in phases if p.kind is StepKind.SPRINT) == 10
    assert {p.duration for p in phases if p.kind is StepKind.SPRINT} == {40}
    assert {p.duration for p in phases if p.kind is StepKind.JOG} == {90}
    block = next(item for item in edited.steps if isinstance(item, Repeat))
    assert (block.repeat.low, block.repeat.high) == (6, 10), "the range stays on offer"
    recovery = catalogue().resolve("recovery").workout
    with pytest.raises(UserError, match='--sprint: workout "recovery" has no sprint step'):
        apply_overrides(recovery, Overrides(sprint=30))
    with pytest.raises(UserError, match="--reps"):
        apply_overrides(catalogue().resolve("20m run").workout, Overrides(reps=3))

"""``export-workout``, ``import``, and ``run``/``show``/``check`` on FIT workouts and intervals.icu text."""

from __future__ import annotations

from pathlib import Path

import pytest

from runtimer.config.paths import user_workouts_dir
from runtimer.interop.files import activity_bytes
from runtimer.plan.models import StepKind
from runtimer.records import PhaseRecord
from tests.support.cli_helpers import run
from tests.support.readers import fitdecode_read, garmin_read
from tests.support.records_factory import session_record

ICU_INTERVALS = """- Warmup easy jog, loosen up 10m

6x
- Sprint as hard as you can 30s
- Jog easy, catch your breath 2m

- Cooldown slow jog or walk 5m
"""


def test_a_workout_goes_to_a_watch_file_and_comes_back_the_same(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "intervals.fit"
    assert run(capsys, "export-workout", "intervals", "--format", "fit", "-o", str(target)) == (
        0,
        f"{target}\n",
        "",
    )
    for messages in (garmin_read(target.read_bytes()), fitdecode_read(target.read_bytes())):
        assert messages["workout"][0]["wkt_name"] == "intervals"
    code, shown, _ = run(capsys, "show", "intervals")
    assert code == 0
    code, shown_from_file, _ = run(capsys, "show", str(target))
    assert code == 0
    assert shown_from_file.splitlines()[1:] == shown.splitlines()[1:], "the same phases, the same total"
    assert run(capsys, "check", str(target)) == (0, f"{target}: ok\n", "")


def test_a_workout_goes_to_intervals_icu_text_and_comes_back_the_same(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(capsys, "export-workout", "intervals", "--format", "icu") == (0, ICU_INTERVALS, "")
    text = tmp_path / "intervals.txt"
    text.write_text(ICU_INTERVALS)
    _, shown, _ = run(capsys, "show", "intervals")
    code, from_text, _ = run(capsys, "show", str(text))
    assert code == 0
    assert from_text.splitlines()[2:] == shown.splitlines()[2:]
    assert run(capsys, "check", str(text)) == (0, f"{text}: ok\n", "")


def test_import_keeps_a_workout_in_the_runners_folder_under_its_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = tmp_path / "coach.txt"
    text.write_text("Warmup\n- 10m\n\nMain set 5x\n- Sprint 40s 180rpm\n- Recovery 2m\n\nCooldown\n- 5m\n")
    kept = user_workouts_dir() / "hill-day.toml"
    assert run(capsys, "import", str(text), "--name", "hill day") == (0, f"{kept}\n", "")
    code, listed, _ = run(capsys, "list")
    assert code == 0
    assert any(line.split()[:3] == ["hill", "day", "user"] for line in listed.splitlines())
    code, shown, _ = run(capsys, "show", "hill day")
    assert code == 0
    assert " 2  sprint    00:40  1/5  @180spm" in shown
    assert " 3  jog       02:00  1/5" in shown
    assert "Total: 28:20" in shown
    code, _, err = run(capsys, "import", str(text), "--name", "hill day")
    assert (code, err) == (
        2,
        f"runtimer: {kept} already exists: remove it, or import under another name (--name)\n",
    )


def test_a_goal_pace_needs_the_usual_pace_to_go_to_a_watch(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "export-workout", "400s", "--format", "icu")
    assert (code, out) == (2, "")
    assert err.startswith("runtimer: step 2 > step 1: @goal needs a goal pace")
    code, out, _ = run(capsys, "export-workout", "400s", "--format", "icu", "--usual-pace", "8:30/mi")
    assert code == 0
    assert "- Sprint lap at the line 400mtr 6:35/mi Pace Press lap" in out


def test_an_imported_workout_named_with_a_control_character_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = tmp_path / "coach.txt"
    text.write_text("- 10m\n")
    code, out, err = run(capsys, "import", str(text), "--name", "a\x1b]0;pwn\x07b")
    assert (code, out) == (2, "")
    assert err.startswith("runtimer: --name: control character U+001B at position 2")
    assert not user_workouts_dir().exists() or not any(user_workouts_dir().iterdir())


BAD_FILES = {
    "cut.fit": "not a readable FIT file",
    "noise.fit": "not a readable FIT file",
    "activity.fit": "a FIT activity file, not a workout",
    "power.txt": 'line 2: "250w" is a power target',
    "unknown.txt": 'line 1: "fast" is not a target runtimer knows',
}


@pytest.fixture
def bad_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Path:
    run(capsys, "export-workout", "intervals", "--format", "fit", "-o", str(tmp_path / "whole.fit"))
    (tmp_path / "cut.fit").write_bytes((tmp_path / "whole.fit").read_bytes()[:-40])
    (tmp_path / "noise.fit").write_bytes(bytes((n * 37 + 11) % 256 for n in range(3000)))
    (tmp_path / "power.txt").write_text("Main set 3x\n- 4m 250w\n")
    (tmp_path / "unknown.txt").write_text("- Run 10m fast\n")
    session = session_record(
        plan_text="1m run",
        reps_planned=0,
        phases=(PhaseRecord(position=0, kind=StepKind.RUN, rep=None, planned_s=60, actual_s=60.0),),
    )
    (tmp_path / "activity.fit").write_bytes(activity_bytes(session, "fit"))
    return tmp_path


@pytest.mark.parametrize("command", ["check", "show", "run", "import"])
@pytest.mark.parametrize("name", list(BAD_FILES))
def test_a_bad_file_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], bad_files: Path, command: str, name: str
) -> None:
    path = bad_files / name
    code, out, err = run(capsys, command, str(path))
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1
    assert f"{path}: {BAD_FILES[name]}" in err


def test_a_race_goal_sets_the_pace_of_goal_steps_on_the_watch(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "goal", "5k", "20:00")[0] == 0
    code, out, err = run(capsys, "export-workout", "400s", "--format", "icu")
    assert (code, err) == (0, "")
    assert "- Sprint lap at the line 400mtr 4:00/km Pace Press lap" in out

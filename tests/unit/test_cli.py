from __future__ import annotations

from pathlib import Path

import pytest

from runtimer import __version__
from runtimer.cli.main import main
from runtimer.config.paths import seeds_dir
from tests.support.cli_helpers import run

CORE = "10m warmup, 8x(40s sprint, 2m jog), 5m cooldown"


def test_list_shows_the_seven_built_ins(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list")
    assert code == 0
    rows = out.splitlines()[1:]
    assert {row.split()[0] for row in rows} == {
        "400s",
        "cadence",
        "downhill",
        "easy",
        "intervals",
        "recovery",
        "strength",
    }
    assert all("built-in" in row for row in rows)
    assert "30:00" in next(row for row in rows if row.startswith("intervals"))


def test_show_prints_every_phase_and_the_total(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", CORE)
    assert code == 0
    lines = out.splitlines()
    numbered = [line for line in lines if line.strip()[:1].isdigit()]
    assert len(numbered) == 18
    assert numbered[1].split() == ["2", "sprint", "00:40", "1/8"]
    assert lines[-1] == "Total: 36:20"


def test_show_applies_overrides(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "show", "intervals", "--reps", "10")
    assert sum(1 for line in out.splitlines() if " sprint " in line) == 10
    assert "10/10" in out
    _, out, _ = run(capsys, "show", "intervals", "--jog", "1:30", "--sprint", "40s")
    assert "01:30" in out and "00:40" in out


def test_show_with_a_usual_pace_gives_the_400s_their_target_times(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "show", "400s")
    assert "400m lap at the line" in out, "as written: no goal pace without one"
    _, out, _ = run(capsys, "show", "400s", "--usual-pace", "8:30/mi")
    # 20-25% faster than 8:30/mi by default: 6:22-6:48, run at the middle, 6:35/mi.
    assert "400m @6:35/mi in 1:38" in out


def test_show_marks_open_ended_phases(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "show", "6x(lap sprint, 2m jog)")
    assert " lap " in out
    assert out.splitlines()[-1] == "Total: 12:00 + 6 lap"


def test_check_prints_ok_per_good_file(capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted(str(path) for path in seeds_dir().glob("*.toml"))
    code, out, _ = run(capsys, "check", *files)
    assert code == 0
    assert out.splitlines() == [f"{path}: ok" for path in files]


def test_check_fails_with_one_line_per_bad_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[steps]]\nkind = "sprint"\nduration = "40q"\n')
    good = seeds_dir() / "intervals.toml"
    code, out, err = run(capsys, "check", str(good), str(bad))
    assert code == 2
    assert out == f"{good}: ok\n"
    assert err.count("\n") == 1 and f"{bad}: step 1 > duration" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["show", "nope"], 'unknown workout "nope"'),
        (["show", "10s"], '"10s" is a length with no kind: try "10s run"'),
        (["show", "intervals", "--reps", "0"], "--reps"),
        (["show", "intervals", "--reps", "-3"], "--reps"),
        (["show", "intervals", "--sprint", "40q"], '"40q" is not a duration'),
        (["show", "recovery", "--sprint", "40s"], "has no sprint step"),
        (["show", "8x(40s sprnt)"], 'at column 8: "sprnt" is not a step kind'),
        (["show", "missing.toml"], "missing.toml: cannot read it"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    try:
        code = main(argv)
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    _, err = capsys.readouterr()
    assert code == 2
    assert message in err
    assert err.count("\n") == 1


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"runtimer {__version__}"

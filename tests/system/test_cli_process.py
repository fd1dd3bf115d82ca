"""The real command in its own process: what a runner sees on the terminal when something is wrong."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_the_real_command_never_shows_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b"[[steps]\n\x00")
    for argv in (["show", str(bad)], ["check", str(bad)], ["show", "3x("], ["show", "--reps"]):
        result = subprocess.run(
            [sys.executable, "-m", "runtimer", *argv], capture_output=True, text=True, check=False
        )
        assert result.returncode == 2, argv
        assert "Traceback" not in result.stderr
        assert result.stderr.count("\n") == 1, result.stderr


def test_a_reader_that_leaves_early_gets_no_traceback() -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "runtimer", "show", "intervals", "--reps", "10"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # like `| head -0`
        error = process.stderr.read().decode()
    assert "Traceback" not in error and "BrokenPipe" not in error


def test_bad_fit_and_intervals_icu_files_never_show_a_traceback(tmp_path: Path) -> None:
    noise, text = tmp_path / "noise.fit", tmp_path / "coach.txt"
    noise.write_bytes(bytes(range(256)) * 8)
    text.write_text("Main set 4x\n- 3m 95% 90rpm\n- 2m Z1 HR\n")
    for argv in (["show", str(noise)], ["run", str(noise)], ["check", str(text)], ["import", str(text)]):
        result = subprocess.run(
            [sys.executable, "-m", "runtimer", *argv], capture_output=True, text=True, check=False
        )
        assert result.returncode == 2, argv
        assert "Traceback" not in result.stderr
        assert result.stderr.count("\n") == 1, result.stderr


def test_a_workout_goes_to_a_fit_file_and_back_in_real_processes(tmp_path: Path) -> None:
    fit = tmp_path / "intervals.fit"

    def runtimer(*argv: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "runtimer", *argv], capture_output=True, text=True, check=True, timeout=60
        )
        return done.stdout

    assert runtimer("export-workout", "intervals", "--format", "fit", "-o", str(fit)) == f"{fit}\n"
    assert runtimer("show", str(fit)).splitlines()[1:] == runtimer("show", "intervals").splitlines()[1:]

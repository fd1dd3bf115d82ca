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

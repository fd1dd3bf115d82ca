"""termdown, the reference countdown, in the benchmark's own virtualenv.

It never goes into the project's ``.venv``: the project's dependencies stay
exactly what ``pyproject.toml`` says, and termdown's (pillow, art, dateutil)
cannot shift what runtimer imports. The version is pinned so numbers from
different days compare the same program.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

TERMDOWN_VERSION = "2.0.0"
VENV = Path(__file__).resolve().parent / ".termdown-venv"
_STAMP = VENV / f".installed-termdown-{TERMDOWN_VERSION}"


def termdown_path() -> Path:
    """The ``termdown`` script, creating the venv on first use (or after a version bump).

    The venv is built from the interpreter running the benchmark, so both
    programs run on the same Python.
    """
    script = VENV / "bin" / "termdown"
    if _STAMP.exists() and script.exists():
        return script
    print(f"bench: installing termdown {TERMDOWN_VERSION} into {VENV} (first run only)", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(VENV)], check=True)
    subprocess.run(
        [str(VENV / "bin" / "python"), "-m", "pip", "install", "--quiet", f"termdown=={TERMDOWN_VERSION}"],
        check=True,
    )
    _STAMP.touch()
    return script

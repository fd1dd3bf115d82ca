"""The plan, engine and coach stay pure: importing them pulls in no UI, sound, storage or event loop."""

from __future__ import annotations

import subprocess
import sys

import pytest

FORBIDDEN = (
    "textual",
    "simpleaudio",
    "sqlite3",
    "asyncio",
    "runtimer.tui",
    "runtimer.audio",
    "runtimer.store",
)


@pytest.mark.parametrize(
    "module",
    [
        "runtimer.plan.loader",
        "runtimer.coach.progression",
        "runtimer.coach.guidance",
        "runtimer.coach.cadence",
        "runtimer.records",
        "runtimer.plan.overrides",
        "runtimer.plan.textsyntax",
        "runtimer.engine.machine",
        "runtimer.coach.goal_pace",
    ],
)
def test_core_imports_nothing_with_side_effects(module: str) -> None:
    probe = (
        f"import importlib, sys; importlib.import_module({module!r});"
        f"print(','.join(sorted(m for m in {FORBIDDEN!r} if m in sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""

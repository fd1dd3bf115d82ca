"""The pure core stays pure at run time too: importing it pulls in no UI, sound, storage or event loop.

The import-linter contracts read the source; this imports each module in a
fresh interpreter and looks at ``sys.modules``, which also catches what a
third-party import drags in behind the source's back.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import runtimer.coach
import runtimer.engine
import runtimer.plan

FORBIDDEN = (
    "textual",
    "rich",
    "simpleaudio",
    "sqlite3",
    "asyncio",
    "runtimer.tui",
    "runtimer.audio",
    "runtimer.store",
    "runtimer.session.runner",
)
PURE = sorted(
    [
        *(
            f"{package.__name__}.{module.name}"
            for package in (runtimer.plan, runtimer.engine, runtimer.coach)
            for module in pkgutil.iter_modules(package.__path__)
        ),
        "runtimer.records",
        "runtimer.errors",
        "runtimer.session.prepare",
    ]
)


def test_the_core_is_found() -> None:
    assert {"runtimer.plan.models", "runtimer.engine.machine", "runtimer.coach.progression"} <= set(PURE)


@pytest.mark.parametrize("module", PURE)
def test_core_imports_nothing_with_side_effects(module: str) -> None:
    probe = (
        f"import importlib, sys; importlib.import_module({module!r});"
        f"print(','.join(sorted(m for m in {FORBIDDEN!r} if m in sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""

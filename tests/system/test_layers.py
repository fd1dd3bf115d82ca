"""The layer rules hold, and they would catch a break: each contract is tried against a planted violation.

``lint-imports`` checks the real tree in ``make check`` and ``make test``;
here a copy of the package gets one forbidden import at a time, to prove the
contracts in pyproject.toml are not vacuous (a misspelt layer name, say, keeps
every rule quietly).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` against the ``runtimer`` package found under ``root``."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(ROOT / "pyproject.toml")],
        capture_output=True,
        text=True,
        cwd=root,
        env=env,
        timeout=120,
        check=False,
    )


def test_the_tree_keeps_every_contract() -> None:
    done = lint_imports(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


@pytest.mark.parametrize(
    ("module", "planted", "contract"),
    [
        ("plan/durations.py", "import asyncio", "pure core touches no terminal"),
        ("engine/events.py", "import sqlite3", "pure core touches no terminal"),
        ("coach/guidance.py", "import textual", "pure core touches no terminal"),
        ("engine/commands.py", "import runtimer.store.sessions", "Layers"),
        ("plan/models.py", "import runtimer.records", "Layers"),
        ("audio/cues.py", "import runtimer.store.null", "Layers"),
        ("store/export.py", "import runtimer.cli.table", "Layers"),
        ("session/runner.py", "import textual.app", "only the faces import Textual"),
        ("interop/activity.py", "import runtimer.store.null", "Layers"),
        ("interop/tcx.py", "import textual", "only the faces import Textual"),
    ],
)
def test_a_planted_violation_breaks_its_contract(
    tmp_path: Path, module: str, planted: str, contract: str
) -> None:
    shutil.copytree(ROOT / "runtimer", tmp_path / "runtimer", ignore=shutil.ignore_patterns("__pycache__"))
    target = tmp_path / "runtimer" / module
    target.write_text(target.read_text() + f"\n{planted}  # planted by the test\n")
    done = lint_imports(tmp_path)
    assert done.returncode != 0, done.stdout
    _, _, broken = done.stdout.partition("Broken contracts")
    assert contract in broken, done.stdout
    assert f"(l.{len(target.read_text().splitlines())})" in broken, "the planted line is the one named"


def test_no_module_imports_itself_in_a_circle() -> None:
    graph = grimp.build_graph("runtimer")
    circles = [
        (module, *chain)
        for module in sorted(graph.modules)
        for imported in graph.find_modules_directly_imported_by(module)
        if (chain := graph.find_shortest_chain(importer=imported, imported=module))
    ]
    assert circles == []

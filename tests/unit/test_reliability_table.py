"""The README's reliability table names tests that exist: no promise outlives the test that keeps it."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parents[2]


def test_every_promise_names_a_test_that_exists() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Reliability\n", 1)[1].split("\n## ", 1)[0]
    promises = [line for line in section.splitlines() if line.startswith("| ") and "`tests/" in line]
    cited = [re.search(r"`(tests/[\w/]+\.py)::(\w+)`", line) for line in promises]
    assert len(promises) >= 15 and all(cited), promises
    for found in cited:
        assert found is not None
        path, name = found.groups()
        source = (ROOT / path).read_text(encoding="utf-8")
        assert re.search(rf"^(async )?def {name}\(", source, re.MULTILINE), f"{path} has no test {name}"

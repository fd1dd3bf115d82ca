"""Fixtures for the tests that drive the real runtimer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.terminal import Tmux


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    """A tmux server on a private socket for this test, ended with everything it started."""
    server = Tmux(tmp_path)
    try:
        yield server
    finally:
        server.close()

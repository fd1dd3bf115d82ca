"""Every test runs with its own config and data folders, so nothing reads or
writes the developer's real workouts or history."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.app_fixtures import AppBuilder


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    return home


@pytest.fixture
def user_workouts(isolated_user_folders: Path) -> Path:
    folder = isolated_user_folders / "config" / "runtimer" / "workouts"
    folder.mkdir(parents=True)
    return folder


@pytest.fixture
def build(tmp_path: Path) -> Iterator[AppBuilder]:
    """Builds the app with fakes in this test's folder, closing every history it opened."""
    builder = AppBuilder(tmp_path)
    yield builder
    builder.close()

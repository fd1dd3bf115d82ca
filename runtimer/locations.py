"""Where the user's files live; the only module that asks platformdirs.

platformdirs honours ``XDG_CONFIG_HOME`` and ``XDG_DATA_HOME``, which is also
how the tests point everything at a temporary folder.
"""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_config_path, user_data_path

APP_NAME = "runtimer"


def config_dir() -> Path:
    return user_config_path(APP_NAME, appauthor=False)


def data_dir() -> Path:
    return user_data_path(APP_NAME, appauthor=False)


def user_workouts_dir() -> Path:
    """A ``.toml`` here joins the picker; one named like a built-in replaces it."""
    return config_dir() / "workouts"


def user_sounds_dir() -> Path:
    """A ``.wav`` here replaces the built-in cue with the same file name."""
    return config_dir() / "sounds"

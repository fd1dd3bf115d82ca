"""Where runtimer's files live: the user's folders (platformdirs) and the packaged assets.

platformdirs honours ``XDG_CONFIG_HOME`` and ``XDG_DATA_HOME``, which is also
how the tests point everything at a temporary folder.

A wheel carries ``sounds/`` and ``seeds/`` inside the package (hatchling
force-include), but an editable install points the package at the source
tree, where they sit at the top of the checkout. This module is the only place
that knows either.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from platformdirs import user_config_path, user_data_path

APP_NAME = "runtimer"
HISTORY_FILE = "history.sqlite3"

AssetFolder = Literal["sounds", "seeds"]


def config_dir() -> Path:
    return user_config_path(APP_NAME, appauthor=False)


def data_dir() -> Path:
    return user_data_path(APP_NAME, appauthor=False)


def history_path() -> Path:
    return data_dir() / HISTORY_FILE


def settings_path() -> Path:
    return config_dir() / "settings.toml"


def goal_path() -> Path:
    """The runner's race goal, written by ``runtimer goal`` (see :mod:`runtimer.config.goal_file`)."""
    return config_dir() / "goal.toml"


def training_plan_path() -> Path:
    """The week-by-week plan ``runtimer plan`` writes, and the runner may edit."""
    return config_dir() / "plan.toml"


def user_workouts_dir() -> Path:
    """A ``.toml`` here joins the picker; one named like a built-in replaces it."""
    return config_dir() / "workouts"


def user_sounds_dir() -> Path:
    """A ``.wav`` here replaces the built-in cue with the same file name."""
    return config_dir() / "sounds"


def asset_dir(name: AssetFolder) -> Path:
    packaged = Path(__file__).resolve().parents[1] / name  # the package's own folder, as a wheel lays it out
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"runtimer's {name}/ folder is missing from {packaged} and {checkout}")


def seeds_dir() -> Path:
    return asset_dir("seeds")


def sounds_dir() -> Path:
    return asset_dir("sounds")

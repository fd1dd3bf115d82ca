"""Finds the packaged ``sounds/`` and ``seeds/`` folders in every install mode.

A wheel carries them inside the package (hatchling force-include), but an
editable install points the package at the source tree, where they sit one
level up at the top of the checkout. This module is the only place that knows.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Literal

AssetFolder = Literal["sounds", "seeds"]


def asset_dir(name: AssetFolder) -> Path:
    packaged = Path(str(files("runtimer"))) / name
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"runtimer's {name}/ folder is missing from {packaged} and {checkout}")


def seeds_dir() -> Path:
    return asset_dir("seeds")


def sounds_dir() -> Path:
    return asset_dir("sounds")

"""Reading runtimer's own TOML files (settings, goal, plan): one way for all three to fail in one line."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from runtimer.errors import UserError
from runtimer.plan.loader import describe_validation_error

Model = TypeVar("Model", bound=BaseModel)


def read_model_file(path: Path, model: type[Model]) -> Model | None:
    """The file as ``model``; ``None`` when there is no file, a :class:`UserError` naming it when it is
    unreadable, not TOML, or not what ``model`` allows."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise UserError(f"{path}: cannot read it ({error})") from None
    except tomllib.TOMLDecodeError as error:
        raise UserError(f"{path}: invalid TOML: {error}") from None
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise UserError(f"{path}: {describe_validation_error(error)}") from None

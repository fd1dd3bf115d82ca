"""Reading runtimer's own TOML files (settings, goal, plan): one way for all three to fail in one line."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from runtimer.errors import UserError
from runtimer.plan.loader import describe_validation_error, parse_toml, read_limited

Model = TypeVar("Model", bound=BaseModel)


def read_model_file(path: Path, model: type[Model]) -> Model | None:
    """The file as ``model``; ``None`` when there is no file, a :class:`UserError` naming it when it is
    unreadable, not TOML, or not what ``model`` allows."""
    try:
        content = read_limited(path, "a runtimer file")
    except FileNotFoundError:
        return None
    except OSError as error:
        raise UserError(f"{path}: cannot read it ({error.strerror or error})") from None
    data = parse_toml(content, path)
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise UserError(f"{path}: {describe_validation_error(error)}") from None

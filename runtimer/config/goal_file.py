"""``goal.toml`` in the config folder: the race goal ``runtimer goal`` keeps.

A small file the runner may also edit by hand, so it is read like the
settings: typed, checked, and a mistake in it is one line naming the file and
the key.
"""

from __future__ import annotations

import json
import tomllib
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from runtimer.coach.goal import Goal, make_goal
from runtimer.config.paths import goal_path
from runtimer.errors import UserError
from runtimer.plan.durations import format_time
from runtimer.plan.loader import describe_validation_error

HEADER = "# Your race goal, kept by `runtimer goal`. Edit it here, or set it again.\n"


class GoalFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)

    distance: str
    time: str
    race_on: date | None = None

    @model_validator(mode="after")
    def _a_goal_someone_runs(self) -> GoalFile:
        make_goal(self.distance, self.time, self.race_on)
        return self

    def goal(self) -> Goal:
        return make_goal(self.distance, self.time, self.race_on)


def load_goal(path: Path | None = None) -> Goal | None:
    """``None`` when no goal is set; a :class:`UserError` line when the file is wrong."""
    path = path or goal_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise UserError(f"{path}: cannot read it ({error})") from None
    except tomllib.TOMLDecodeError as error:
        raise UserError(f"{path}: invalid TOML: {error}") from None
    try:
        return GoalFile.model_validate(data).goal()
    except ValidationError as error:
        raise UserError(f"{path}: {describe_validation_error(error)}") from None


def save_goal(goal: Goal, path: Path | None = None) -> Path:
    path = path or goal_path()
    lines = [
        HEADER,
        f"distance = {json.dumps(goal.distance)}\n",
        f"time = {json.dumps(format_time(goal.seconds))}\n",
    ]
    if goal.race_on is not None:
        lines.append(f"race_on = {goal.race_on.isoformat()}\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(lines), encoding="utf-8")
    return path

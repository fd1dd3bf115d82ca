"""``goal.toml`` in the config folder: the race goal ``runtimer goal`` keeps.

A small file the runner may also edit by hand, so it is read like the
settings: typed, checked, and a mistake in it is one line naming the file and
the key.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, model_validator

from runtimer.coach.goal import Goal, make_goal
from runtimer.config.paths import goal_path
from runtimer.config.toml_file import read_model_file
from runtimer.plan.durations import format_time

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
    goal_file = read_model_file(path or goal_path(), GoalFile)
    return None if goal_file is None else goal_file.goal()


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

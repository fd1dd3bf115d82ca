"""``plan.toml`` in the config folder: the week-by-week plan ``runtimer plan`` writes.

The runner may edit it (another workout on a day, other reps, a day moved or
deleted), so it is read like a workout file: typed, checked, and every
mistake one line naming the file, the day and the key. Each day's workout
must be one the catalogue knows, and its reps and sprint must fit it.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from runtimer.coach.planner import MAX_WEEKS, MIN_WEEKS, WEEK, PlannedSession, TrainingPlan
from runtimer.config.paths import training_plan_path
from runtimer.config.toml_file import read_model_file
from runtimer.errors import UserError
from runtimer.plan.durations import format_duration, parse_duration
from runtimer.plan.loader import Catalogue, Entry
from runtimer.plan.overrides import Overrides, apply_overrides
from runtimer.plan.spans import MAX_REPS
from runtimer.plan.text import PlainText

HEADER = """\
# Your training plan, made by `runtimer plan`. Edit it freely: another workout
# on a day, other reps or sprint length, a day moved, or a day deleted to rest.
# `runtimer plan` checks it and shows it; `runtimer plan --weeks N --days ...`
# makes a new one in its place.
"""


class DayFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)

    on: date
    workout: PlainText = Field(min_length=1)
    reps: int | None = Field(default=None, ge=1, le=MAX_REPS)
    sprint: str | None = None

    @field_validator("sprint")
    @classmethod
    def _a_duration(cls, text: str | None) -> str | None:
        if text is not None:
            parse_duration(text)
        return text


class PlanFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)

    starts: date
    weeks: int = Field(ge=MIN_WEEKS, le=MAX_WEEKS)
    race_on: date | None = None
    days: list[DayFile] = []

    @field_validator("starts")
    @classmethod
    def _a_monday(cls, starts: date) -> date:
        if starts.weekday() != 0:
            raise ValueError(f"{starts.isoformat()} is a {starts:%A}: weeks run Monday to Sunday")
        return starts

    @model_validator(mode="after")
    def _days_inside_the_plan_once_each(self) -> PlanFile:
        ends = self.starts + timedelta(days=WEEK * self.weeks - 1)
        seen: set[date] = set()
        for number, day in enumerate(self.days, start=1):
            if not self.starts <= day.on <= ends:
                raise ValueError(
                    f"day {number}: {day.on.isoformat()} is outside the plan ({self.starts} to {ends})"
                )
            if day.on in seen:
                raise ValueError(f"day {number}: {day.on.isoformat()} already has a session (one a day)")
            seen.add(day.on)
        return self

    def plan(self) -> TrainingPlan:
        sessions = tuple(
            PlannedSession(
                day.on, day.workout, day.reps, None if day.sprint is None else parse_duration(day.sprint)
            )
            for day in sorted(self.days, key=lambda day: day.on)
        )
        return TrainingPlan(self.starts, self.weeks, sessions, self.race_on)


def load_plan(catalogue: Catalogue, path: Path | None = None) -> TrainingPlan | None:
    """``None`` when there is no plan; a :class:`UserError` line when the file is wrong."""
    path = path or training_plan_path()
    plan_file = read_model_file(path, PlanFile)
    if plan_file is None:
        return None
    plan = plan_file.plan()
    for number, session in enumerate(plan.sessions, start=1):
        try:
            session_entry(session, catalogue)
        except UserError as error:
            where = f"{path}: day {number} ({session.on.isoformat()})"
            raise UserError(f"{where}: {str(error).removeprefix('--')}") from None
    return plan


def session_entry(session: PlannedSession, catalogue: Catalogue) -> tuple[Entry, Overrides]:
    """The workout a planned day runs, and the edits (reps, sprint) the week asks for."""
    entry = catalogue.resolve(session.workout)
    overrides = Overrides(reps=session.reps, sprint=session.sprint_s)
    apply_overrides(entry.workout, overrides)  # the reps or sprint must fit the workout
    return entry, overrides


def save_plan(plan: TrainingPlan, path: Path | None = None) -> Path:
    path = path or training_plan_path()
    lines = [HEADER, f"starts = {plan.starts.isoformat()}\n", f"weeks = {plan.weeks}\n"]
    if plan.race_on is not None:
        lines.append(f"race_on = {plan.race_on.isoformat()}\n")
    for session in plan.sessions:
        lines += ["\n[[days]]\n", f"on = {session.on.isoformat()}  # {session.on:%A}\n"]
        lines.append(f"workout = {json.dumps(session.workout)}\n")
        if session.reps is not None:
            lines.append(f"reps = {session.reps}\n")
        if session.sprint_s is not None:
            lines.append(f"sprint = {json.dumps(format_duration(session.sprint_s))}\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(lines), encoding="utf-8")
    return path

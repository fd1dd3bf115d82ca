"""The workout model: steps and repeat blocks, each step a kind, a length and its targets.

Pydantic guards the edge (TOML files, the one-line syntax, CLI overrides);
once validated, a workout expands into plain :class:`~runtimer.plan.phases.Phase`
records that the engine consumes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from enum import StrEnum
from typing import Annotated, Any, Self

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    field_validator,
    model_validator,
)

from runtimer.plan.spans import DurationSpan, RepSpan
from runtimer.plan.targets import (
    CadenceField,
    CadenceRamp,
    DistanceField,
    PaceOrGoalField,
    distance_from_text,
    pace_or_goal,
)
from runtimer.plan.text import PlainText
from runtimer.plan.units import Distance, Pace, split_seconds


class StepKind(StrEnum):
    """What the runner is doing; it decides the colour, the cue and the rules."""

    WARMUP = "warmup"
    JOG = "jog"
    SPRINT = "sprint"
    RUN = "run"
    WALK = "walk"
    REST = "rest"
    COOLDOWN = "cooldown"
    EXERCISE = "exercise"

    @property
    def is_recovery(self) -> bool:
        """Recoveries are what "not gassed" shortens and "too hard" lengthens."""
        return self in (StepKind.JOG, StepKind.WALK, StepKind.REST)


KIND_ALIASES = {"warm-up": StepKind.WARMUP, "cool-down": StepKind.COOLDOWN}
KIND_HINT = "one of " + ", ".join(kind.value for kind in StepKind)
LAP = "lap"
"""How an open-ended step's duration is written: it ends when the runner laps."""
MAX_NAME = 40
MAX_DESCRIPTION = 200
MAX_NOTE = 60
MAX_PHASES = 2000
"""The most phases a session may have: three hours of 30 s sprints and 1 min jogs make 240, and the
engine, the screen's timeline and the history each hold every phase in memory."""
REST_STEP_S = 15
"""How far "not gassed" and "too hard" move every rest, in a session and from one session to the next."""
REST_FLOOR_S = 30
"""The shortest a rest gets from "not gassed", unless its plan is shorter still."""


def too_many_phases(count: int) -> str:
    return f"it expands to {count} phases, more than the {MAX_PHASES} a session may have (try fewer reps)"


def parse_kind(text: str) -> StepKind:
    cleaned = text.strip().lower()
    if cleaned in KIND_ALIASES:
        return KIND_ALIASES[cleaned]
    try:
        return StepKind(cleaned)
    except ValueError:
        raise ValueError(f'"{text}" is not a step kind ({KIND_HINT})') from None


def _kind_from_text(value: Any) -> Any:
    return parse_kind(value) if isinstance(value, str) else value


KindField = Annotated[StepKind, BeforeValidator(_kind_from_text)]


def _duration_from_text(value: Any) -> Any:
    if isinstance(value, str) and value.strip().lower() == LAP:
        return None
    return value


class Step(BaseModel):
    """One thing to do for a while: a kind, a duration (or open-ended) and targets.

    A step may cover a distance instead: with a pace its duration is the time
    the distance takes at that pace, without one it ends on the lap key.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: KindField
    duration: Annotated[DurationSpan | None, BeforeValidator(_duration_from_text)] = Field(
        description='Seconds or a duration text; "lap" means open-ended.'
    )
    distance: DistanceField | None = None
    pace: PaceOrGoalField | None = None
    cadence: CadenceField | None = None
    note: PlainText | None = Field(default=None, min_length=1, max_length=MAX_NOTE)

    @model_validator(mode="before")
    @classmethod
    def _time_the_distance(cls, data: Any) -> Any:
        """A distance with no duration is timed by its pace, or left to the lap key.

        A ``goal`` pace is not known until the session starts, so such a distance
        runs to the lap key, with the goal's target time shown.
        """
        if isinstance(data, dict) and data.get("distance") is not None and "duration" not in data:
            data = dict(data)
            distance = distance_from_text(data["distance"])
            pace = data.get("pace")
            pace = None if pace is None else pace_or_goal(pace)
            if isinstance(distance, Distance) and isinstance(pace, Pace):
                data["duration"] = max(1, round(split_seconds(pace, distance.metres)))
            else:
                data["duration"] = None
        return data

    @property
    def timed_by_pace(self) -> bool:
        """True when the duration is just the distance at the pace (and so not worth writing)."""
        if (
            self.distance is None
            or not isinstance(self.pace, Pace)
            or self.duration is None
            or self.duration.is_range
        ):
            return False
        return self.duration.value == max(1, round(split_seconds(self.pace, self.distance.metres)))

    @field_validator("note")
    @classmethod
    def _note_fits_one_line(cls, note: str | None) -> str | None:
        if note is not None and '"' in note:  # the one-line syntax quotes notes with them
            raise ValueError("a note is one line without double quotes")
        return note

    @property
    def is_open(self) -> bool:
        return self.duration is None


class Repeat(BaseModel):
    """A block of steps run ``repeat`` times; each pass is one rep.

    A block may hold blocks of its own, one level deep: then it is a set of reps
    (``2x(6x(400m @goal, 200m jog), 4m rest)``), each pass one set, and its own
    steps (the rest between sets) are not reps.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    repeat: RepSpan
    steps: list[Item] = Field(min_length=1)

    @property
    def is_set(self) -> bool:
        return any(isinstance(item, Repeat) for item in self.steps)

    def steps_in_running_order(self, only_repeated: bool) -> Iterator[Step]:
        for item in self.steps:
            if isinstance(item, Repeat):
                yield from item.steps_in_running_order(only_repeated)
            elif not (only_repeated and self.is_set):
                yield item

    def map_steps(self, edit: Callable[[Step], Step], only_repeated: bool = False) -> Repeat:
        """``only_repeated`` leaves a set's own steps (its rest between sets) alone."""
        items = [
            item.map_steps(edit, only_repeated)
            if isinstance(item, Repeat)
            else item
            if only_repeated and self.is_set
            else edit(item)
            for item in self.steps
        ]
        return self.model_copy(update={"steps": items})

    def map_blocks_of_reps(self, edit: Callable[[Repeat], Repeat]) -> Repeat:
        if not self.is_set:
            return edit(self)
        items = [item.map_blocks_of_reps(edit) if isinstance(item, Repeat) else item for item in self.steps]
        return self.model_copy(update={"steps": items})


def _phase_count(items: Sequence[Item]) -> int:
    return sum(
        item.repeat.value * _phase_count(item.steps) if isinstance(item, Repeat) else 1 for item in items
    )


def _item_tag(value: Any) -> str:
    if isinstance(value, dict):
        return "repeat" if "repeat" in value else "step"
    return "repeat" if isinstance(value, Repeat) else "step"


Item = Annotated[
    Annotated[Step, Tag("step")] | Annotated[Repeat, Tag("repeat")],
    Discriminator(_item_tag),
]
Repeat.model_rebuild()


def _numbered(items: list[Item]) -> Iterator[tuple[int, Step | Repeat]]:
    return enumerate(items, start=1)


class Workout(BaseModel):
    """A named plan: what a TOML file or a one-line workout describes."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: PlainText = Field(min_length=1, max_length=MAX_NAME)
    description: PlainText = Field(default="", max_length=MAX_DESCRIPTION)
    steps: list[Item] = Field(min_length=1)

    def all_steps(self, *, only_repeated: bool = False) -> Iterator[Step]:
        """Every step in running order, each once (repeats are not expanded into reps or sets).

        ``only_repeated``: only the steps reps are made of, those inside a block of reps;
        a set's own steps, such as its rest between sets, are not reps.
        """
        for item in self.steps:
            if isinstance(item, Repeat):
                yield from item.steps_in_running_order(only_repeated)
            elif not only_repeated:
                yield item

    def map_steps(self, edit: Callable[[Step], Step], *, only_repeated: bool = False) -> Workout:
        """A copy with ``edit`` applied to every step (only to those of reps, if asked)."""
        items = [
            item.map_steps(edit, only_repeated)
            if isinstance(item, Repeat)
            else item
            if only_repeated
            else edit(item)
            for item in self.steps
        ]
        return self.model_copy(update={"steps": items})

    def map_repeats(self, edit: Callable[[Repeat], Repeat]) -> Workout:
        """A copy with ``edit`` applied to every block of reps (in a set, to its blocks, not to the set)."""
        items = [item.map_blocks_of_reps(edit) if isinstance(item, Repeat) else item for item in self.steps]
        return self.model_copy(update={"steps": items})

    @property
    def has_repeats(self) -> bool:
        return any(isinstance(item, Repeat) for item in self.steps)

    @property
    def phase_count(self) -> int:
        """How many phases :func:`~runtimer.plan.phases.expand` makes of it, counted without making them."""
        return _phase_count(self.steps)

    @model_validator(mode="after")
    def _phases_fit(self) -> Self:
        if self.phase_count > MAX_PHASES:
            raise ValueError(too_many_phases(self.phase_count))
        return self

    @model_validator(mode="after")
    def _sets_one_level_deep(self) -> Self:
        """A set holds blocks of reps; a block inside one of those is refused, with its place."""
        for place, item in _numbered(self.steps):
            for inner_place, inner in _numbered(item.steps if isinstance(item, Repeat) else []):
                for deeper_place, deeper in _numbered(inner.steps if isinstance(inner, Repeat) else []):
                    if isinstance(deeper, Repeat):
                        raise ValueError(
                            f"step {place} > step {inner_place} > step {deeper_place}: repeats nest one "
                            "level deep (a set of reps, like 2x(6x(400m, jog 200m), 4m rest))"
                        )
        return self

    @model_validator(mode="after")
    def _ramps_need_reps(self) -> Self:
        for number, item in enumerate(self.steps, start=1):
            if isinstance(item, Step) and isinstance(item.cadence, CadenceRamp):
                raise ValueError(
                    f"step {number}: a cadence ramp ({item.cadence}) needs a repeat block to climb across"
                )
        return self

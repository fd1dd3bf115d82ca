"""The workout model: steps, repeat blocks and the ranges the training notes speak in.

Pydantic guards the edge (TOML files, the one-line syntax, CLI overrides);
once validated, a workout expands into plain :class:`~runtimer.plan.phases.Phase`
records that the engine consumes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from enum import StrEnum
from typing import Annotated, Any, Literal, Self

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PlainSerializer,
    PlainValidator,
    Tag,
    field_validator,
    model_validator,
)

from runtimer.plan.durations import format_duration, parse_duration
from runtimer.plan.frozen import Frozen
from runtimer.plan.text import PlainText
from runtimer.plan.units import (
    DISTANCE_HINT,
    PACE_HINT,
    Distance,
    Pace,
    parse_distance,
    parse_pace,
    split_seconds,
)


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
MIN_CADENCE, MAX_CADENCE = 100, 240
MAX_NAME = 40
MAX_DESCRIPTION = 200
MAX_NOTE = 60
MAX_PHASES = 2000
"""The most phases a session may have: three hours of 30 s sprints and 1 min jogs make 240, and the
engine, the screen's timeline and the history each hold every phase in memory."""
MAX_DURATION_S = 6 * 3600
"""Six hours: longer than any session, short enough that a typo (99999h) is caught."""
MAX_REPS = 99
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


class _Span(BaseModel):
    """A range with a chosen value: ``30-45s`` runs 30 s unless told otherwise.

    The range stays visible so the picker and ``show`` can offer it; the chosen
    value is what actually runs. A fixed value is a span whose ends meet.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    low: int
    high: int
    value: int

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        if isinstance(data, bool):
            raise ValueError(f"{data!r} is not {cls._what()}")
        if isinstance(data, float):  # TOML's 1e3 or 40.0: whole numbers only, as in the text form
            raise ValueError(f"{data:g} is not {cls._what()} ({cls._hint()})")
        if isinstance(data, int):
            if data <= 0:
                raise ValueError(f"{cls._what()} must be greater than zero")
            data = str(data)
        if isinstance(data, str):
            return cls._parse_text(data)
        return data

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if min(self.low, self.high, self.value) <= 0:
            raise ValueError(f"{self._what()} must be greater than zero")
        if self.low > self.high:
            raise ValueError(f"range {self._show(self.low)}-{self._show(self.high)} runs backwards")
        if self.low == self.high and self.value != self.low:
            raise ValueError("a chosen value needs a range to choose from")
        if not self.low <= self.value <= self.high:
            raise ValueError(
                f"{self._show(self.value)} is outside {self._show(self.low)}-{self._show(self.high)}"
            )
        if self.high > self._largest():
            raise ValueError(f"{self._show(self.high)} is more than {self._what()} can be ({self._hint()})")
        return self

    @classmethod
    def fixed(cls, value: int) -> Self:
        return cls(low=value, high=value, value=value)

    @classmethod
    def _parse_text(cls, text: str) -> dict[str, int]:
        main, _, chosen = text.strip().partition("=")
        low_text, dash, high_text = main.partition("-")
        if dash and not (low_text.strip() and high_text.strip()):
            raise ValueError(f'"{text}" is not {cls._what()} ({cls._hint()})')
        high = cls._parse_one(high_text or low_text, text)
        low = cls._parse_one(cls._borrow_unit(low_text, high_text), text) if dash else high
        if chosen and not dash:
            raise ValueError(f'"{text}": a chosen value needs a range to choose from')
        value = cls._parse_one(chosen, text) if chosen else low
        return {"low": low, "high": high, "value": value}

    @staticmethod
    def _borrow_unit(low_text: str, high_text: str) -> str:
        """In ``30-45s`` the unit on the right end also applies to the bare left end."""
        unit = re.search(r"[a-z]+$", high_text.strip().lower())
        if unit and low_text.strip().isdigit():
            return low_text.strip() + unit.group()
        return low_text

    @classmethod
    def _parse_one(cls, part: str, whole: str) -> int:
        raise NotImplementedError

    @classmethod
    def _what(cls) -> str:
        raise NotImplementedError

    @classmethod
    def _hint(cls) -> str:
        raise NotImplementedError

    @classmethod
    def _show(cls, value: int) -> str:
        return str(value)

    @classmethod
    def _largest(cls) -> int:
        raise NotImplementedError

    @property
    def is_range(self) -> bool:
        return self.low != self.high

    def choose(self, value: int) -> Self:
        """Pick a value; outside the range (or with no range) it becomes the new fixed value."""
        if self.is_range and self.low <= value <= self.high:
            return type(self)(low=self.low, high=self.high, value=value)
        return type(self).fixed(value)

    def to_text(self) -> str:
        if not self.is_range:
            return self._show(self.value)
        text = f"{self._show(self.low)}-{self._show(self.high)}"
        if self.value != self.low:
            text += f"={self._show(self.value)}"
        return text


class DurationSpan(_Span):
    """Seconds, written like ``40s``, ``30-45s`` or ``30-45s=40s``."""

    @classmethod
    def _parse_one(cls, part: str, _whole: str) -> int:
        return parse_duration(part)

    @classmethod
    def _what(cls) -> str:
        return "a duration"

    @classmethod
    def _hint(cls) -> str:
        return "try 40s, 2m, 1:30 or 30-45s"

    @classmethod
    def _largest(cls) -> int:
        return MAX_DURATION_S

    @classmethod
    def _show(cls, value: int) -> str:
        return format_duration(value)


class RepSpan(_Span):
    """A repeat count, written like ``8`` or ``6-10``."""

    @classmethod
    def _parse_one(cls, part: str, whole: str) -> int:
        cleaned = part.strip()
        if not cleaned.isdigit():
            raise ValueError(f'"{whole}" is not a rep count ({cls._hint()})')
        return int(cleaned)

    @classmethod
    def _what(cls) -> str:
        return "a rep count"

    @classmethod
    def _hint(cls) -> str:
        return "try 8 or 6-10"

    @classmethod
    def _largest(cls) -> int:
        return MAX_REPS


GOAL = "goal"
"""A pace written as ``goal`` is the runner's goal pace from their settings (usual pace made faster)."""


def _pace(value: Any) -> Pace:
    if isinstance(value, Pace):
        return value
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a pace ({PACE_HINT})")
    return parse_pace(value)


def _pace_or_goal(value: Any) -> Pace | Literal["goal"]:
    """One validator for both forms, so a bad pace gets one message rather than a union's two."""
    if isinstance(value, Pace):
        return value
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a pace (try 6:30/mi, 4:00/km or goal)")
    if value.strip().lower() == GOAL:
        return "goal"
    return parse_pace(value)


PaceOrGoalField = Annotated[Pace | Literal["goal"], PlainValidator(_pace_or_goal), PlainSerializer(str)]


PaceField = Annotated[Pace, PlainValidator(_pace), PlainSerializer(str)]


class CadenceRamp(Frozen):
    """A cadence that climbs across the reps of a block: ``170-180`` steps a minute.

    The metronome holds one tempo per phase, so a ramp moves rep by rep, from
    ``low`` in the first rep to ``high`` in the last.
    """

    low: int
    high: int

    def at(self, rep: int, reps: int) -> int:
        if reps <= 1:
            return self.high
        return round(self.low + (self.high - self.low) * (rep - 1) / (reps - 1))

    def __str__(self) -> str:
        return f"{self.low}-{self.high}"


CADENCE_HINT = f"steps per minute, {MIN_CADENCE}-{MAX_CADENCE}, or a ramp like 170-180"


def parse_cadence(value: Any) -> int | CadenceRamp:
    """180, "180", or a ramp "170-180"; the ``ValueError`` message is user-facing."""
    if isinstance(value, int | CadenceRamp) and not isinstance(value, bool):
        parts = [value] if isinstance(value, int) else [value.low, value.high]
    elif isinstance(value, str) and re.fullmatch(r"\s*\d+\s*(-\s*\d+\s*)?", value):
        parts = [int(part) for part in value.split("-")]
    else:
        raise ValueError(f"{value!r} is not a cadence ({CADENCE_HINT})")
    if not all(MIN_CADENCE <= part <= MAX_CADENCE for part in parts):
        raise ValueError(f'"{value}": cadence runs from {MIN_CADENCE} to {MAX_CADENCE} steps per minute')
    if len(parts) == 1:
        return parts[0]
    if parts[0] >= parts[1]:
        raise ValueError(f'"{value}": a cadence ramp climbs, low end first (try 170-180)')
    return CadenceRamp(parts[0], parts[1])


CadenceField = Annotated[
    int | CadenceRamp,
    PlainValidator(parse_cadence),
    PlainSerializer(lambda value: value if isinstance(value, int) else str(value)),
]


def _distance_from_text(value: Any) -> Any:
    return parse_distance(value) if isinstance(value, str) else value


def _distance(value: Any) -> Distance:
    value = _distance_from_text(value)
    if not isinstance(value, Distance):
        raise ValueError(f"{value!r} is not a distance ({DISTANCE_HINT})")
    return value


DistanceField = Annotated[Distance, PlainValidator(_distance), PlainSerializer(str)]


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
            distance = _distance_from_text(data["distance"])
            pace = data.get("pace")
            pace = None if pace is None else _pace_or_goal(pace)
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
    """A block of steps run ``repeat`` times; each pass is one rep."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    repeat: RepSpan
    steps: list[Step] = Field(min_length=1)

    def map_steps(self, edit: Callable[[Step], Step]) -> Repeat:
        return self.model_copy(update={"steps": [edit(step) for step in self.steps]})


def _item_tag(value: Any) -> str:
    if isinstance(value, dict):
        return "repeat" if "repeat" in value else "step"
    return "repeat" if isinstance(value, Repeat) else "step"


Item = Annotated[
    Annotated[Step, Tag("step")] | Annotated[Repeat, Tag("repeat")],
    Discriminator(_item_tag),
]


class Workout(BaseModel):
    """A named plan: what a TOML file or a one-line workout describes."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: PlainText = Field(min_length=1, max_length=MAX_NAME)
    description: PlainText = Field(default="", max_length=MAX_DESCRIPTION)
    steps: list[Item] = Field(min_length=1)

    def all_steps(self, *, only_repeated: bool = False) -> Iterator[Step]:
        """Every step in running order, each once (a repeat's steps are not expanded into reps)."""
        for item in self.steps:
            if isinstance(item, Repeat):
                yield from item.steps
            elif not only_repeated:
                yield item

    def map_steps(self, edit: Callable[[Step], Step], *, only_repeated: bool = False) -> Workout:
        """A copy with ``edit`` applied to every step (only to those inside repeats, if asked)."""
        items = [
            item.map_steps(edit) if isinstance(item, Repeat) else item if only_repeated else edit(item)
            for item in self.steps
        ]
        return self.model_copy(update={"steps": items})

    def map_repeats(self, edit: Callable[[Repeat], Repeat]) -> Workout:
        """A copy with ``edit`` applied to every repeat block."""
        items = [edit(item) if isinstance(item, Repeat) else item for item in self.steps]
        return self.model_copy(update={"steps": items})

    @property
    def has_repeats(self) -> bool:
        return any(isinstance(item, Repeat) for item in self.steps)

    @property
    def phase_count(self) -> int:
        """How many phases :func:`~runtimer.plan.phases.expand` makes of it, counted without making them."""
        return sum(len(i.steps) * i.repeat.value if isinstance(i, Repeat) else 1 for i in self.steps)

    @model_validator(mode="after")
    def _phases_fit(self) -> Self:
        if self.phase_count > MAX_PHASES:
            raise ValueError(too_many_phases(self.phase_count))
        return self

    @model_validator(mode="after")
    def _ramps_need_reps(self) -> Self:
        for number, item in enumerate(self.steps, start=1):
            if isinstance(item, Step) and isinstance(item.cadence, CadenceRamp):
                raise ValueError(
                    f"step {number}: a cadence ramp ({item.cadence}) needs a repeat block to climb across"
                )
        return self

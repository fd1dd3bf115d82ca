"""What a stored session looks like once read back: validated, typed and frozen.

Kept apart from the sqlite code so the coach (pure rules) can take these
records without importing a database driver.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, field_validator

from runtimer.plan.models import StepKind

Status = Literal["running", "completed", "stopped"]
FinalStatus = Literal["completed", "stopped"]
EndedBy = Literal["time", "lap", "skip", "back", "stop"]
"""What ended a phase, as the engine says it: only time and lap mean it ran in full."""
PauseRow = tuple[float, float]
"""A pause inside a phase: active seconds into it when it began, and how long it lasted."""


def to_utc_text(moment: datetime) -> str:
    """ISO 8601 in UTC with a ``Z``: sorts as text and survives a change of time zone.

    A naive ``datetime`` is taken as local time, as :meth:`datetime.astimezone` does.
    """
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class PhaseRecord(BaseModel):
    """One phase as it was run; ``planned_s`` is ``None`` for a lap-ended phase.

    ``split_s`` is the time to the line of a phase the lap key ended; ``laps``
    are the splits taken inside a timed phase, which runs on after each.

    ``started_s`` (seconds after the session's start) and ``pauses`` ((active
    seconds into the phase, length) each) place the phase on the clock;
    sessions recorded before runtimer kept them have ``None`` and no pauses.
    ``distance_m`` is the distance the phase was planned over.
    """

    model_config = ConfigDict(frozen=True)

    position: int
    kind: StepKind
    rep: int | None
    planned_s: int | None
    actual_s: float
    split_s: float | None = None
    target_split_s: float | None = None
    laps: tuple[float, ...] = ()
    started_s: float | None = None
    pauses: tuple[PauseRow, ...] = ()
    distance_m: float | None = None
    ended_by: EndedBy | None = None

    @property
    def elapsed_s(self) -> float:
        """Time on the clock: the active time and the pauses in it."""
        return self.actual_s + sum(length for _, length in self.pauses)

    @property
    def completed(self) -> bool | None:
        """Ran in full (to its time or to the line); ``None`` for a phase recorded before this was kept."""
        return None if self.ended_by is None else self.ended_by in ("time", "lap")

    @field_validator("laps", "pauses", mode="before")
    @classmethod
    def _laps_from_the_file(cls, value: Any) -> Any:
        """The file keeps them as JSON text, and nothing for a phase without laps."""
        if value is None:
            return ()
        return json.loads(value) if isinstance(value, str) else value

    @field_validator("actual_s", "split_s", "target_split_s", "started_s", "distance_m", mode="after")
    @classmethod
    def _to_the_millisecond(cls, value: float | None) -> float | None:
        """The file keeps the clock's own floats; a runner, a chart or a spreadsheet wants
        40.2, not 40.200000479: no timing here is finer than a millisecond in any way that counts."""
        return None if value is None else round(value, 3)

    @field_validator("laps", mode="after")
    @classmethod
    def _laps_to_the_millisecond(cls, value: tuple[float, ...]) -> tuple[float, ...]:
        return tuple(round(lap, 3) for lap in value)

    @field_validator("pauses", mode="after")
    @classmethod
    def _pauses_to_the_millisecond(
        cls, value: tuple[tuple[float, float], ...]
    ) -> tuple[tuple[float, float], ...]:
        return tuple((round(at, 3), round(length, 3)) for at, length in value)


class SessionRecord(BaseModel):
    """A session and its phases in running order.

    ``rest_s`` is the recovery length the session ended with (in-session
    adjustments included); it is where the next session's progression starts.
    """

    model_config = ConfigDict(frozen=True)

    id: int
    workout: str
    plan_text: str
    started_at: datetime
    ended_at: datetime | None
    status: Status
    reps_done: int
    reps_planned: int
    rest_adjust_s: int
    rest_s: int | None
    gassed: bool | None
    notes: str | None
    plan_day: date | None = None
    """The training plan's day this session was run for (``runtimer plan``)."""
    phases: tuple[PhaseRecord, ...] = ()

    def to_json_dict(self) -> dict[str, Any]:
        """Plain JSON types; times as ISO 8601 UTC, the same text the database holds."""
        return self.model_dump(mode="json")

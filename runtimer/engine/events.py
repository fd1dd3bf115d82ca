"""What the engine tells its subscribers: small frozen records that compare with ``==``.

Each event carries everything a subscriber needs (the screen, the audio cues,
the history recorder), so none of them has to ask the engine anything back.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from runtimer.plan.phases import Phase


class EndedBy(StrEnum):
    """Why a phase ended; history and "reps done" care about the difference."""

    TIME = "time"
    LAP = "lap"
    SKIP = "skip"
    BACK = "back"
    STOP = "stop"


@dataclass(frozen=True)
class PhaseRun:
    """One stretch of active time spent in a phase. ``back`` can make a phase run twice."""

    index: int
    phase: Phase
    planned_s: float | None
    actual_s: float
    ended_by: EndedBy


@dataclass(frozen=True)
class Split:
    """A lap: ``split_s`` is the time since the phase started or the previous lap in it."""

    index: int
    number: int
    split_s: float
    phase: Phase


@dataclass(frozen=True)
class Summary:
    """The session as history needs it; ``gassed`` arrives after the end."""

    status: str  # "completed" or "stopped"
    runs: tuple[PhaseRun, ...]
    splits: tuple[Split, ...]
    phases_planned: int
    reps_done: int
    reps_planned: int
    active_s: float
    rest_adjust_s: float
    rest_s: float | None
    gassed: bool | None = None

    @property
    def phases_done(self) -> int:
        return sum(1 for run in self.runs if run.ended_by in (EndedBy.TIME, EndedBy.LAP))


@dataclass(frozen=True)
class SessionStarted:
    phases: int
    planned_s: float
    lead_in_s: float


@dataclass(frozen=True)
class CountdownBeep:
    """3, 2, 1 before a phase change; ``next_index`` is ``None`` before the finish."""

    remaining: int
    next_index: int | None
    next_phase: Phase | None


@dataclass(frozen=True)
class PhaseStarted:
    index: int
    phase: Phase
    phases: int
    planned_s: float | None
    next_phase: Phase | None


@dataclass(frozen=True)
class Halfway:
    index: int
    phase: Phase


@dataclass(frozen=True)
class SecondsLeft:
    """A heads-up before the end of a long phase ("ten seconds"), ahead of the 3-2-1."""

    index: int
    phase: Phase
    seconds: int


@dataclass(frozen=True)
class PhaseEnded:
    run: PhaseRun


@dataclass(frozen=True)
class PhaseRetimed:
    """The current phase's planned length changed (extend or trim)."""

    index: int
    planned_s: float


@dataclass(frozen=True)
class RestAdjusted:
    """``delta_s``: how far this press moved the rests; ``rest_s``: the session's reference rest now.

    The reference rest is :func:`~runtimer.plan.phases.reference_rest`, the
    length history keeps and the next session starts from.
    """

    delta_s: float
    rest_s: float
    total_adjust_s: float


@dataclass(frozen=True)
class RepsChanged:
    """The runner added a rep or finished the block early: ``reps`` in ``block``, ``phases`` in all.

    ``reps_planned`` is the session's new total across every block, so history
    can keep the plan as the runner left it without knowing the other blocks.
    """

    block: int
    reps: int
    phases: int
    reps_planned: int


@dataclass(frozen=True)
class Paused:
    """``phase_elapsed_s`` is the active time already run in the phase, whatever its plan became."""

    index: int
    remaining_s: float | None
    phase_elapsed_s: float


@dataclass(frozen=True)
class Resumed:
    """``phase_elapsed_s`` lets the metronome pick up in step even in a retimed or open phase."""

    index: int
    remaining_s: float | None
    phase_elapsed_s: float


@dataclass(frozen=True)
class LapRecorded:
    split: Split


@dataclass(frozen=True)
class SessionFinished:
    summary: Summary


@dataclass(frozen=True)
class SessionStopped:
    summary: Summary


@dataclass(frozen=True)
class Ignored:
    """A command that makes no sense now; the state is untouched."""

    command: str
    reason: str


Event = (
    SessionStarted
    | CountdownBeep
    | PhaseStarted
    | Halfway
    | SecondsLeft
    | PhaseEnded
    | PhaseRetimed
    | RestAdjusted
    | RepsChanged
    | Paused
    | Resumed
    | LapRecorded
    | SessionFinished
    | SessionStopped
    | Ignored
)

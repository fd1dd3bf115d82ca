"""What the engine tells its subscribers: small frozen records that compare with ``==``.

Each event carries everything a subscriber needs (the screen, the audio cues,
the history recorder), so none of them has to ask the engine anything back.
"""

from __future__ import annotations

from enum import StrEnum

from runtimer.plan.frozen import Frozen
from runtimer.plan.phases import Phase


class EndedBy(StrEnum):
    """Why a phase ended; history and "reps done" care about the difference."""

    TIME = "time"
    LAP = "lap"
    SKIP = "skip"
    BACK = "back"
    STOP = "stop"


class Pause(Frozen):
    """A pause inside a phase: ``at_s`` active seconds into it, lasting ``length_s`` on the clock."""

    at_s: float
    length_s: float


class PhaseRun(Frozen):
    """One stretch of active time spent in a phase. ``back`` can make a phase run twice.

    ``started_s`` is when the phase began, in seconds after the session's start
    (its lead-in included), and ``pauses`` the pauses inside it: what a training
    log's lap needs besides the active time.
    """

    index: int
    phase: Phase
    planned_s: float | None
    actual_s: float
    ended_by: EndedBy
    started_s: float = 0.0
    pauses: tuple[Pause, ...] = ()

    @property
    def completed(self) -> bool:
        """Ran in full: to its time, or to the line. What counts a rep done and a phase done."""
        return self.ended_by in (EndedBy.TIME, EndedBy.LAP)


class Split(Frozen):
    """A lap: ``split_s`` is the time since the phase started or the previous lap in it."""

    index: int
    number: int
    split_s: float
    phase: Phase


class Summary(Frozen):
    """The session as history needs it: what ran, and the plan as the runner left it."""

    status: str  # "completed" or "stopped"
    runs: tuple[PhaseRun, ...]
    splits: tuple[Split, ...]
    phases_planned: int
    reps_done: int
    reps_planned: int
    active_s: float
    rest_adjust_s: float
    rest_s: float | None

    @property
    def phases_done(self) -> int:
        return sum(1 for run in self.runs if run.completed)


class SessionStarted(Frozen):
    phases: int
    planned_s: float
    lead_in_s: float


class CountdownBeep(Frozen):
    """3, 2, 1 before a phase change; ``next_index`` is ``None`` before the finish."""

    remaining: int
    next_index: int | None
    next_phase: Phase | None


class PhaseStarted(Frozen):
    index: int
    phase: Phase
    phases: int
    planned_s: float | None
    next_phase: Phase | None


class Halfway(Frozen):
    index: int
    phase: Phase


class SecondsLeft(Frozen):
    """A heads-up before the end of a long phase ("ten seconds"), ahead of the 3-2-1."""

    index: int
    phase: Phase
    seconds: int


class PhaseEnded(Frozen):
    run: PhaseRun


class PhaseRetimed(Frozen):
    """The current phase's planned length changed (extend or trim)."""

    index: int
    planned_s: float


class RestAdjusted(Frozen):
    """``delta_s``: how far this press moved the rests; ``rest_s``: the session's reference rest now.

    The reference rest is :func:`~runtimer.plan.phases.reference_rest`, the
    length history keeps and the next session starts from.
    """

    delta_s: float
    rest_s: float
    total_adjust_s: float


class RepsChanged(Frozen):
    """The runner added a rep or finished the block early: ``reps`` in ``block``, ``phases`` in all.

    ``reps_planned`` is the session's new total across every block, so history
    can keep the plan as the runner left it without knowing the other blocks.
    """

    block: int
    reps: int
    phases: int
    reps_planned: int


class Paused(Frozen):
    """``phase_elapsed_s`` is the active time already run in the phase, whatever its plan became."""

    index: int
    remaining_s: float | None
    phase_elapsed_s: float


class Resumed(Frozen):
    """``phase_elapsed_s`` lets the metronome pick up in step even in a retimed or open phase."""

    index: int
    remaining_s: float | None
    phase_elapsed_s: float


class LapRecorded(Frozen):
    split: Split


class SessionFinished(Frozen):
    summary: Summary


class SessionStopped(Frozen):
    summary: Summary


class Ignored(Frozen):
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

"""What the session looks like from outside: a snapshot at any moment for the screen, and the
summary at the end for the history, each worked out from the engine's books rather than counters."""

from __future__ import annotations

from collections.abc import Sequence

from runtimer.engine import events as e
from runtimer.engine.transitions import State
from runtimer.plan.frozen import Frozen
from runtimer.plan.phases import Phase, reference_rest, reps_planned


class Snapshot(Frozen):
    state: State
    index: int
    phases: int
    phase: Phase
    next_phase: Phase | None
    planned_s: float | None
    phase_elapsed_s: float
    remaining_s: float | None
    elapsed_s: float
    remaining_total_s: float
    progress: float
    lead_in_remaining_s: float
    rest_adjust_s: float


def take_snapshot(
    state: State,
    phases: Sequence[Phase],
    index: int,
    active: float,
    phase_elapsed: float,
    lead_in_remaining: float,
    rest_adjust: float,
) -> Snapshot:
    """``active`` is the session's active time now; ``phase_elapsed`` the active time in the phase;
    ``lead_in_remaining`` what is left of the lead-in, whatever the state (it shows only before the start)."""
    phase = phases[index]
    started = state not in (State.READY, State.COUNTDOWN)
    elapsed_in_phase = phase_elapsed if started else 0.0
    remaining = None if phase.duration is None else max(0.0, phase.duration - elapsed_in_phase)
    if state in (State.FINISHED, State.STOPPED):
        remaining, later = 0.0, 0.0
    else:
        later = sum(p.duration or 0 for p in phases[index + 1 :])
    remaining_total = (remaining or 0.0) + later
    done_and_left = active + remaining_total
    progress = 1.0 if state is State.FINISHED else (active / done_and_left if done_and_left else 0.0)
    return Snapshot(
        state=state,
        index=index,
        phases=len(phases),
        phase=phase,
        next_phase=phases[index + 1] if index + 1 < len(phases) else None,
        planned_s=phase.duration,
        phase_elapsed_s=elapsed_in_phase,
        remaining_s=remaining,
        elapsed_s=active,
        remaining_total_s=remaining_total,
        progress=progress,
        lead_in_remaining_s=0.0 if started else max(0.0, lead_in_remaining),
        rest_adjust_s=rest_adjust,
    )


def summarise(
    status: str,
    runs: Sequence[e.PhaseRun],
    splits: Sequence[e.Split],
    phases: Sequence[Phase],
    reps_done: int,
    active: float,
    rest_adjust: float,
) -> e.Summary:
    """The plan as the runner left it: "one more rep" and "finish after this rep" count as planned."""
    return e.Summary(
        status=status,
        runs=tuple(runs),
        splits=tuple(splits),
        phases_planned=len(phases),
        reps_done=reps_done,
        reps_planned=reps_planned(phases),
        active_s=active,
        rest_adjust_s=rest_adjust,
        rest_s=reference_rest(phases),
    )

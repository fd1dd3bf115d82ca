"""The session's states and the one table that says which command moves it where, in the manner of h11.

Read the table as the state graph:

- READY: Start leads into the COUNTDOWN (the 3-2-1 lead-in); Stop ends it all.
- COUNTDOWN: the lead-in running out starts the first phase (RUNNING); Skip
  cuts the lead-in short; Stop.
- RUNNING and PAUSED: Pause, Resume and Toggle move between the two; Skip,
  Back, Extend, the rest keys and the rep keys keep the state; Lap only while
  running; the last phase ending (even by Skip while paused) FINISHES; Stop.
- FINISHED and STOPPED: nothing more happens.

A command whose pair with the current state is not listed makes no sense now:
the engine ignores it, says why, and leaves the state alone. The two internal
triggers are the only moves that time (or the end of the plan) makes on its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from runtimer.engine import commands as c
from runtimer.plan.frozen import Frozen


class State(StrEnum):
    READY = "ready"
    COUNTDOWN = "countdown"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"
    STOPPED = "stopped"


class LeadInOver(Frozen):
    """The 3-2-1 before the first phase has run out."""


class PlanRunOut(Frozen):
    """The last phase has ended: there is nothing left to run."""


Trigger = type[c.Command] | type[LeadInOver] | type[PlanRunOut]

_LIVE: dict[Trigger, State] = {
    # What a running phase takes (and, staying paused, a paused one). Tick is everywhere:
    # time passing is never an error.
    c.Skip: State.RUNNING,
    c.Back: State.RUNNING,
    c.Extend: State.RUNNING,
    c.AdjustRest: State.RUNNING,
    c.AddRep: State.RUNNING,
    c.FinishAfterRep: State.RUNNING,
    c.Tick: State.RUNNING,
    c.Stop: State.STOPPED,
    PlanRunOut: State.FINISHED,
}

TRANSITIONS: Mapping[State, Mapping[Trigger, State]] = {
    State.READY: {c.Start: State.COUNTDOWN, c.Stop: State.STOPPED, c.Tick: State.READY},
    State.COUNTDOWN: {
        c.Skip: State.COUNTDOWN,
        c.Stop: State.STOPPED,
        c.Tick: State.COUNTDOWN,
        LeadInOver: State.RUNNING,
    },
    State.RUNNING: {**_LIVE, c.Pause: State.PAUSED, c.Toggle: State.PAUSED, c.Lap: State.RUNNING},
    State.PAUSED: {
        **{trigger: State.PAUSED if after is State.RUNNING else after for trigger, after in _LIVE.items()},
        c.Resume: State.RUNNING,
        c.Toggle: State.RUNNING,
    },
    State.FINISHED: {c.Tick: State.FINISHED},
    State.STOPPED: {c.Tick: State.STOPPED},
}
"""(state, trigger) -> the state after it; a pair not listed is not possible in that state."""


def next_state(state: State, trigger: Trigger) -> State | None:
    """Where ``trigger`` takes ``state``, or ``None`` when it makes no sense there."""
    return TRANSITIONS[state].get(trigger)

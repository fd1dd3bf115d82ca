"""The state table is the engine's whole state graph: every pair it lists works, every other is refused."""

from __future__ import annotations

import pytest

from runtimer.engine import commands as c
from runtimer.engine import events as e
from runtimer.engine.machine import Engine, EngineSettings, State
from runtimer.engine.transitions import TRANSITIONS, LeadInOver, PlanRunOut
from runtimer.plan.phases import expand
from runtimer.plan.textsyntax import parse_workout_text

T0 = 1000.0
COMMANDS: list[c.Command] = [
    c.Start(),
    c.Pause(),
    c.Resume(),
    c.Toggle(),
    c.Skip(),
    c.Back(),
    c.Extend(10),
    c.Lap(),
    c.AdjustRest(-1),
    c.AddRep(),
    c.FinishAfterRep(),
    c.Stop(),
    c.Tick(),
]
GETTING_THERE: dict[State, list[c.Command]] = {
    State.READY: [],
    State.COUNTDOWN: [c.Start()],
    State.RUNNING: [c.Start(), c.Skip()],
    State.PAUSED: [c.Start(), c.Skip(), c.Pause()],
    State.FINISHED: [c.Start(), *[c.Skip()] * 5],  # the lead-in, then the four phases
    State.STOPPED: [c.Stop()],
}


def engine_in(state: State) -> Engine:
    engine = Engine(expand(parse_workout_text("2x(20s sprint, 60s jog)")), EngineSettings(lead_in_s=3))
    for command in GETTING_THERE[state]:
        engine.handle(command, T0)
    assert engine.state is state
    return engine


def test_every_command_and_state_is_in_the_table() -> None:
    assert set(TRANSITIONS) == set(State)
    listed = {trigger for moves in TRANSITIONS.values() for trigger in moves}
    assert listed == {type(command) for command in COMMANDS} | {LeadInOver, PlanRunOut}
    assert all(c.Tick in moves for moves in TRANSITIONS.values()), "time passing is never an error"
    assert set(TRANSITIONS[State.FINISHED]) == set(TRANSITIONS[State.STOPPED]) == {c.Tick}


@pytest.mark.parametrize(
    ("state", "command"),
    [(s, command) for s in State for command in COMMANDS if type(command) not in TRANSITIONS[s]],
    ids=str,
)
def test_a_pair_not_in_the_table_is_ignored_and_changes_nothing(state: State, command: c.Command) -> None:
    engine = engine_in(state)
    before = (engine.phases, engine.index, engine.snapshot(T0))
    events = engine.handle(command, T0)
    assert events == [e.Ignored(type(command).__name__, f"not possible while {state.value}")]
    assert engine.state is state
    assert (engine.phases, engine.index, engine.snapshot(T0)) == before


@pytest.mark.parametrize(
    ("state", "command"),
    [(s, command) for s in State for command in COMMANDS if type(command) in TRANSITIONS[s]],
    ids=str,
)
def test_a_pair_in_the_table_leads_where_the_table_says(state: State, command: c.Command) -> None:
    """Or on along the table's own moves: "next" in the lead-in ends it, so the first phase starts."""
    engine = engine_in(state)
    engine.handle(command, T0)
    after = TRANSITIONS[state][type(command)]
    assert engine.state in {after, *(TRANSITIONS[after].get(t) for t in (LeadInOver, PlanRunOut))}

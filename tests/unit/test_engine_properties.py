"""Random command sequences against the engine, checking what must always hold."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from runtimer.engine import commands as c
from runtimer.engine import events as e
from runtimer.engine.machine import Engine, EngineSettings, State
from runtimer.engine.transitions import TRANSITIONS, LeadInOver, PlanRunOut
from runtimer.plan.models import Workout
from runtimer.plan.phases import Phase, expand, reps_planned
from tests.support.strategies import workouts

FLOOR = 30.0


def on_its_own(state: State) -> set[State]:
    """``state`` and where time alone takes it along the table: the lead-in ends, the plan runs out."""
    reached = {state}
    for trigger in (LeadInOver, PlanRunOut):
        after = TRANSITIONS[state].get(trigger)
        if after is not None:
            reached |= on_its_own(after)
    return reached


def along_the_table(before: State, command: c.Command) -> set[State]:
    """Every state one ``handle`` may end in: time's own moves, the command's, then time's again."""
    reached: set[State] = set()
    for state in on_its_own(before):
        after = TRANSITIONS[state].get(type(command))
        reached |= on_its_own(state if after is None else after)
    return reached


def place_in_rep(phases: Sequence[Phase], index: int) -> tuple[int | None, int]:
    """(block, position in its rep): the same for a phase in every rep, added ones too."""
    phase = phases[index]
    return phase.block, sum(1 for p in phases[:index] if p.block == phase.block and p.rep == phase.rep)


def elapsed(run: e.PhaseRun) -> float:
    """A run's time on the clock: its active time and its pauses."""
    return run.actual_s + sum(pause.length_s for pause in run.pauses)


class EngineMachine(RuleBasedStateMachine):
    @initialize(
        workout=workouts,
        lead_in=st.integers(0, 5),
        # A long step often meets the floor part-way, which "+" must then undo exactly.
        rest_step=st.sampled_from([15, 100]),
    )
    def setup(self, workout: Workout, lead_in: int, rest_step: int) -> None:
        self.engine = Engine(
            expand(workout), EngineSettings(lead_in_s=lead_in, rest_floor_s=FLOOR, rest_step_s=rest_step)
        )
        self.step = rest_step
        self.planned = {
            place_in_rep(self.engine.phases, i): p.duration
            for i, p in enumerate(self.engine.phases)
            if p.duration is not None
        }
        self.now = 100.0
        self.events: list[e.Event] = []
        self.paused_at: tuple[float, float] | None = None
        self.started_at: float | None = None

    def send(self, command: c.Command) -> list[e.Event]:
        before = {i: p.duration for i, p in enumerate(self.engine.phases) if p.is_recovery}
        state = self.engine.state
        events = self.engine.handle(command, self.now)
        assert self.engine.state in along_the_table(state, command), "a move the table does not list"
        self.events += events
        if any(isinstance(event, e.SessionStarted) for event in events):
            self.started_at = self.now
        snapshot = self.engine.snapshot(self.now)
        for event in events:
            if isinstance(event, e.Paused | e.Resumed):
                assert (event.index, event.phase_elapsed_s) == (snapshot.index, snapshot.phase_elapsed_s)
            if isinstance(event, e.RepsChanged):
                assert event.reps_planned == reps_planned(self.engine.phases)
        if isinstance(command, c.AdjustRest) and len(before) == len(self.engine.phases):
            for i, old in before.items():
                new = self.engine.phases[i].duration
                if old is not None and new is not None and new < old:
                    # A rest planned under the floor may come back down to its own plan.
                    plan = self.planned.get(place_in_rep(self.engine.phases, i), FLOOR)
                    assert new >= min(old, FLOOR, plan), "a rest went below the floor"
        return events

    @rule(seconds=st.floats(0.01, 400))
    def time_passes(self, seconds: float) -> None:
        self.now += seconds
        self.send(c.Tick())

    @rule()
    def jump_to_next_due(self) -> None:
        due = self.engine.next_due()
        if due is not None:
            assert due >= self.now - 1e-9, "the engine asked to be woken in the past"
            self.now = due
            self.send(c.Tick())

    @rule(
        command=st.sampled_from(
            [
                c.Start(),
                c.Pause(),
                c.Resume(),
                c.Toggle(),
                c.Skip(),
                c.Back(),
                c.Lap(),
                c.AdjustRest(-1),
                c.AdjustRest(+1),
                c.AddRep(),
                c.FinishAfterRep(),
                c.Stop(),
            ]
        )
    )
    def command(self, command: c.Command) -> None:
        self.send(command)

    @rule()
    def not_gassed_then_too_hard(self) -> None:
        """A "+" straight after a "-" gives back exactly what the "-" took, the floor or not;
        a rest the "-" could not move gets a step longer, as "+" alone would make it."""
        before = [p.duration for p in self.engine.phases]
        index = self.engine.index
        shortened = any(isinstance(event, e.RestAdjusted) for event in self.send(c.AdjustRest(-1)))
        # Not when the "-" ended the rest running now (the last one ends the session).
        if not shortened or self.engine.index != index or self.engine.summary is not None:
            return
        between = [p.duration for p in self.engine.phases]
        targets = {i for i, p in enumerate(self.engine.phases) if i >= index and p.is_recovery and p.duration}
        self.send(c.AdjustRest(+1))
        for i, phase in enumerate(self.engine.phases):
            if i not in targets or before[i] != between[i]:
                assert phase.duration == before[i], "a '+' did not give back what the '-' took"
            else:
                assert phase.duration == (before[i] or 0) + self.step

    @rule(seconds=st.integers(-120, 120))
    def extend(self, seconds: int) -> None:
        self.send(c.Extend(seconds))

    @precondition(lambda self: self.engine.state is State.PAUSED)
    @rule(seconds=st.floats(0.01, 1000))
    def a_long_pause(self, seconds: float) -> None:
        snapshot = self.engine.snapshot(self.now)
        self.now += seconds
        self.send(c.Tick())
        later = self.engine.snapshot(self.now)
        assert (later.elapsed_s, later.remaining_s) == (snapshot.elapsed_s, snapshot.remaining_s)

    @invariant()
    def no_phase_has_zero_or_negative_time(self) -> None:
        if self.engine.state in (State.RUNNING, State.PAUSED):
            remaining = self.engine.snapshot(self.now).remaining_s
            assert remaining is None or remaining > 0
        assert all(p.duration is None or p.duration > 0 for p in self.engine.phases)

    @invariant()
    def phase_times_add_up_to_active_time(self) -> None:
        if self.engine.state in (State.READY, State.COUNTDOWN):
            return
        snapshot = self.engine.snapshot(self.now)
        runs = [ev.run.actual_s for ev in self.events if isinstance(ev, e.PhaseEnded)]
        current = snapshot.phase_elapsed_s if self.engine.state in (State.RUNNING, State.PAUSED) else 0.0
        assert abs(sum(runs) + current - snapshot.elapsed_s) < 1e-6
        assert all(run >= 0 for run in runs)

    @invariant()
    def runs_lie_back_to_back_on_the_clock(self) -> None:
        """Each run starts where the one before ended, pauses included, and none ends in the future."""
        runs = [ev.run for ev in self.events if isinstance(ev, e.PhaseEnded)]
        if self.started_at is None or not runs:
            return
        for before, after in pairwise(runs):
            assert abs(before.started_s + elapsed(before) - after.started_s) < 1e-6
        for run in runs:
            assert run.started_s >= 0
            assert all(0 <= pause.at_s <= run.actual_s + 1e-9 and pause.length_s >= 0 for pause in run.pauses)
        assert runs[-1].started_s + elapsed(runs[-1]) <= self.now - self.started_at + 1e-6

    @invariant()
    def the_end_comes_once_and_nothing_follows(self) -> None:
        ends = [i for i, ev in enumerate(self.events) if isinstance(ev, e.SessionFinished | e.SessionStopped)]
        assert len(ends) <= 1
        if ends:
            assert all(isinstance(ev, e.Ignored) for ev in self.events[ends[0] + 1 :])
            assert self.engine.next_due() is None

    @invariant()
    def the_summary_counts_the_plan_as_the_runner_left_it(self) -> None:
        summary = self.engine.summary
        if summary is None:
            return
        assert summary.reps_planned == reps_planned(self.engine.phases)
        assert summary.phases_planned == len(self.engine.phases)
        assert summary.reps_done <= summary.reps_planned


EngineMachine.TestCase.settings = settings(max_examples=150, stateful_step_count=40, deadline=None)
TestEngineMachine = EngineMachine.TestCase

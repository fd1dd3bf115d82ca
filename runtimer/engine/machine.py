"""The session state machine.

Every command carries ``now`` (monotonic seconds); the engine answers with
events and can say when it next needs waking (:meth:`Engine.next_due`). Time
inside a session is *active time*: seconds spent running, not paused, so a
pause can never eat into a phase. Phase boundaries are computed from the
phase's start in active time, never from the moment a tick happened to
arrive, so a late tick cannot push the rest of the session back.

Which command is possible in which state, and where it leads, is the table in
:mod:`~runtimer.engine.transitions`; this module keeps the books.
"""

from __future__ import annotations

from collections.abc import Sequence

from runtimer.engine import commands as c
from runtimer.engine import events as e
from runtimer.engine import marks as m
from runtimer.engine.active_time import ActiveTime
from runtimer.engine.reps import RepChange, finish_after_rep, one_more_rep, rep_markers
from runtimer.engine.rests import RestPolicy
from runtimer.engine.snapshot import Snapshot, summarise, take_snapshot
from runtimer.engine.transitions import LeadInOver, PlanRunOut, State, Trigger, next_state
from runtimer.engine.tuning import EngineSettings
from runtimer.engine.wall import WallLedger
from runtimer.plan.phases import Phase, reference_rest, reps_planned

__all__ = ["Engine", "EngineSettings", "Snapshot", "State"]  # the front door the rest of runtimer uses


class Engine:
    """Steps through phases; commands that make no sense are ignored with a reason."""

    def __init__(self, phases: Sequence[Phase], settings: EngineSettings | None = None) -> None:
        if not phases:
            raise ValueError("a session needs at least one phase")
        self.settings = settings or EngineSettings()
        self.state = State.READY
        self._phases = list(phases)
        self._index = 0
        self._lead_in_start = 0.0
        self._time = ActiveTime()
        self._wall = WallLedger(self._time)
        self._phase_start = self._lap_start = 0.0
        self._marks = m.MarkBook(self.settings)
        self._runs: list[e.PhaseRun] = []
        self._reps_done: set[tuple[int, int]] = set()
        """(block, rep) of each rep whose last effort ran to its end. Kept by rep, not by
        position: "one more rep" and "finish after this rep" move later phases along the list."""
        self._splits: list[e.Split] = []
        self._rest_adjust = 0.0
        self._rests = RestPolicy(phases, self.settings)
        self._events: list[e.Event] = []
        self.summary: e.Summary | None = None

    @property
    def phases(self) -> tuple[Phase, ...]:
        return tuple(self._phases)

    @property
    def index(self) -> int:
        return self._index

    @property
    def rests_ahead(self) -> bool:
        """Whether a rest is running or to come, for "too hard" to lengthen."""
        return bool(self._rests.targets(self._phases, self._index))

    @property
    def rest_now_s(self) -> float | None:
        """The rest running or next to run: the one "-" and "+" were just about, for replies."""
        return self._rests.rest_now(self._phases, self._index)

    @property
    def rests_can_shorten(self) -> bool:
        return self._rests.can_shorten(self._phases, self._index)

    def handle(self, command: c.Command, now: float) -> list[e.Event]:
        """Apply ``command`` at monotonic time ``now``; return what happened, in order."""
        self._events, self._wall.now = [], now
        self._catch_up(now)
        before = self.state
        if next_state(before, type(command)) is None:
            self._events.append(e.Ignored(type(command).__name__, f"not possible while {before.value}"))
            return self._events
        active = self._active(now)
        self._move(type(command))
        match command:
            case c.Start():
                self._start(now)
            case c.Pause() | c.Resume() | c.Toggle():
                self._pause_or_resume(now, active)
            case c.Skip():
                self._skip(now, active)
            case c.Back():
                self._end_phase(e.EndedBy.BACK, active, then=max(0, self._index - 1))
            case c.Extend(seconds=seconds):
                self._extend(seconds, active)
            case c.Lap():
                self._lap(active)
            case c.AdjustRest(direction=direction):
                self._adjust_rest(direction, active)
            case c.AddRep():
                self._reshape(one_more_rep(self._phases, self._index))
            case c.FinishAfterRep():
                self._reshape(finish_after_rep(self._phases, self._index))
            case c.Stop():
                self._stop(before, active)
        self._catch_up(now)
        return self._events

    def next_due(self) -> float | None:
        """The monotonic moment the engine next has something to emit, if any."""
        if self.state is State.COUNTDOWN:
            return self._lead_in_start + self._marks.next_in_lead_in()[1]
        due = self._marks.next_in_phase(self._phases[self._index].duration)
        if self.state is not State.RUNNING or due is None:
            return None
        return self._time.monotonic(self._phase_start + due[1])

    def snapshot(self, now: float) -> Snapshot:
        active, counting = self._active(now), self.state is State.COUNTDOWN
        lead_in = self.settings.lead_in_s - (now - self._lead_in_start if counting else 0)
        state, in_phase = self.state, active - self._phase_start
        return take_snapshot(state, self._phases, self._index, active, in_phase, lead_in, self._rest_adjust)

    def _move(self, trigger: Trigger) -> None:
        """The only way the state changes: along the table, or not at all."""
        after = next_state(self.state, trigger)
        if after is None:  # the engine's own bug, not a runner's mistake: fail loudly
            raise RuntimeError(f"{trigger.__name__} has no move from {self.state.value}")
        self.state = after

    def _active(self, now: float) -> float:
        return self._time.at(now, running=self.state is State.RUNNING)

    def _catch_up(self, now: float) -> None:
        """Emit everything due by ``now``, crossing as many boundaries as it takes."""
        while self.state is State.COUNTDOWN:
            mark, at = self._marks.next_in_lead_in()
            if self._lead_in_start + at > now:
                return
            self._marks.say(mark)
            if isinstance(mark, m.Beep):
                self._beep(mark.remaining, following=0)
            else:  # the lead-in is over
                self._move(LeadInOver)
                self._time.restart(0.0, self._lead_in_start + at)
                self._enter(0, 0.0)
        while self.state is State.RUNNING:
            phase = self._phases[self._index]
            due = self._marks.next_in_phase(phase.duration)
            if due is None or self._phase_start + due[1] > self._active(now):
                return
            mark, at = due
            self._marks.say(mark)
            match mark:
                case m.End():
                    self._end_phase(e.EndedBy.TIME, self._phase_start + at)
                case m.Halfway():
                    self._events.append(e.Halfway(self._index, phase))
                case m.Warn():
                    self._events.append(e.SecondsLeft(self._index, phase, self.settings.warn_s))
                case m.Beep(remaining):
                    self._beep(remaining, following=self._index + 1)

    def _beep(self, remaining: int, following: int) -> None:
        upcoming = self._phases[following] if following < len(self._phases) else None
        self._events.append(e.CountdownBeep(remaining, following if upcoming else None, upcoming))

    def _enter(self, index: int, at_active: float) -> None:
        self._index = index
        self._phase_start = at_active
        self._lap_start = at_active
        self._marks.start_over()
        self._wall.enter(at_active)
        phase = self._phases[index]
        upcoming = self._phases[index + 1] if index + 1 < len(self._phases) else None
        self._events.append(e.PhaseStarted(index, phase, len(self._phases), phase.duration, upcoming))

    def _end_phase(self, ended_by: e.EndedBy, at_active: float, then: int | None = None) -> None:
        phase = self._phases[self._index]
        run = self._wall.run(self._index, phase, at_active - self._phase_start, ended_by)
        self._runs.append(run)
        if run.completed and phase.block is not None and phase.rep is not None:
            key = (phase.block, phase.rep)
            if rep_markers(self._phases).get(key) == self._index:  # the last effort of its rep
                self._reps_done.add(key)
        self._events.append(e.PhaseEnded(run))
        following = self._index + 1 if then is None else then
        if ended_by is e.EndedBy.STOP:
            return
        if following < len(self._phases):
            self._enter(following, at_active)
            return
        self._move(PlanRunOut)
        self._time.restart(at_active, at_active)
        self.summary = self._summarise("completed", at_active)
        self._events.append(e.SessionFinished(self.summary))

    def _retime(self, duration: float, active: float) -> None:
        """Give the current phase a new length; one already used up is cut short now.

        Cues whose moment has gone are not played late, and those now ahead (a
        lengthened phase's new 3-2-1) play again. Halfway is said once.
        """
        if duration <= active - self._phase_start:
            self._end_phase(e.EndedBy.SKIP, active)
            return
        self._phases[self._index] = self._phases[self._index].replace(duration=duration)
        self._marks.retimed(duration, active - self._phase_start)
        self._events.append(e.PhaseRetimed(self._index, duration))

    def _summarise(self, status: str, active: float) -> e.Summary:
        return summarise(
            status, self._runs, self._splits, self._phases, len(self._reps_done), active, self._rest_adjust
        )

    def _start(self, now: float) -> None:
        self._lead_in_start = self._wall.started = now
        self._marks.start_over()
        planned = sum(p.duration or 0 for p in self._phases)
        self._events.append(e.SessionStarted(len(self._phases), planned, self.settings.lead_in_s))

    def _pause_or_resume(self, now: float, active: float) -> None:
        """The state has moved already; the books follow it. Both events carry the phase's own
        clock, so the metronome can pick up in step even in a retimed or open phase."""
        self._time.restart(active, now)
        elapsed = active - self._phase_start
        self._wall.pause_or_resume(elapsed, running=self.state is State.RUNNING)
        duration = self._phases[self._index].duration
        remaining = None if duration is None else max(0.0, duration - elapsed)
        made = e.Resumed if self.state is State.RUNNING else e.Paused
        self._events.append(made(self._index, remaining, elapsed))

    def _skip(self, now: float, active: float) -> None:
        if self.state is State.COUNTDOWN:  # straight to the first phase, without the remaining beeps
            self._lead_in_start = now - self.settings.lead_in_s
            self._marks.skip_lead_in()
            return
        self._end_phase(e.EndedBy.SKIP, active)

    def _extend(self, seconds: float, active: float) -> None:
        if (duration := self._phases[self._index].duration) is not None:
            self._retime(duration + seconds, active)
        else:
            self._events.append(e.Ignored("Extend", "this phase is open-ended: it ends when you lap"))

    def _lap(self, active: float) -> None:
        """A lap at the line ends a distance (or open) phase; in a timed one it is a split."""
        phase = self._phases[self._index]
        number = sum(1 for s in self._splits if s.index == self._index) + 1
        split = e.Split(self._index, number, active - self._lap_start, phase)
        self._splits.append(split)
        self._lap_start = active
        self._events.append(e.LapRecorded(split))
        if phase.duration is None or phase.distance is not None:
            self._end_phase(e.EndedBy.LAP, active)

    def _adjust_rest(self, direction: int, active: float) -> None:
        change = self._rests.change(self._phases, self._index, direction)
        if isinstance(change, str):
            self._events.append(e.Ignored("AdjustRest", change))
            return
        running = change.running  # retimed last, after the press is told: it may end the rest
        for index, length in change.lengths.items():
            self._phases[index] = self._phases[index].replace(duration=length)
        if running is not None and running > active - self._phase_start:  # it runs on at its new length
            self._phases[self._index] = self._phases[self._index].replace(duration=running)
        self._rests.done(change)
        self._rest_adjust += change.delta_s
        rest = reference_rest(self._phases) or 0.0
        self._events.append(e.RestAdjusted(change.delta_s, rest, self._rest_adjust))
        if running is not None:  # a "-" can end this rest, and the last rest the session
            self._retime(running, active)

    def _reshape(self, change: RepChange | e.Ignored) -> None:
        """One more rep, or finish after this one: the plan as the runner leaves it."""
        if isinstance(change, e.Ignored):
            self._events.append(change)
            return
        self._phases = change.phases
        if change.copied_rep is not None:  # the new rep is a copy, cut by the last "-" as it was
            self._rests.rep_added(change.block, change.copied_rep, change.reps)
        # Reps run before going back and now dropped are no longer part of the plan; "one
        # more rep" would reuse their numbers for reps not yet run.
        self._reps_done = {(b, r) for b, r in self._reps_done if b != change.block or r <= change.reps}
        self._events.append(
            e.RepsChanged(change.block, change.reps, len(self._phases), reps_planned(self._phases))
        )

    def _stop(self, before: State, active: float) -> None:
        if before in (State.RUNNING, State.PAUSED):
            self._end_phase(e.EndedBy.STOP, active)
        held = active if self._runs else 0.0
        self._time.restart(held, held)
        self.summary = self._summarise("stopped", held)
        self._events.append(e.SessionStopped(self.summary))

"""The session state machine.

Every command carries ``now`` (monotonic seconds); the engine answers with
events and can say when it next needs waking (:meth:`Engine.next_due`). Time
inside a session is *active time*: seconds spent running, not paused, so a
pause can never eat into a phase. Phase boundaries are computed from the
phase's start in active time, never from the moment a tick happened to
arrive, so a late tick cannot push the rest of the session back.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from runtimer.engine import commands as c
from runtimer.engine import events as e
from runtimer.plan.phases import Phase, reference_rest, reps_planned


class State(StrEnum):
    READY = "ready"
    COUNTDOWN = "countdown"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"
    STOPPED = "stopped"


@dataclass(frozen=True)
class EngineSettings:
    """Tunables with the defaults the training notes and the issue settle on."""

    lead_in_s: int = 3
    rest_step_s: float = 15
    rest_floor_s: float = 30
    halfway_min_s: float = 20
    """Shorter phases get no halfway cue: their 3-2-1 already covers half of them."""
    warn_s: int = 10
    warn_min_s: float = 30
    """Phases at least this long get a "ten seconds" heads-up; in shorter ones it would crowd the halfway."""
    beeps: int = 3


@dataclass(frozen=True)
class Snapshot:
    """What a display needs, computed from the clock rather than from counters."""

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


_END = "end"


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
        self._active_base = 0.0
        self._run_since = 0.0
        self._phase_start = 0.0
        self._lap_start = 0.0
        self._emitted: set[str] = set()
        self._runs: list[e.PhaseRun] = []
        self._reps_done: set[tuple[int, int]] = set()
        """(block, rep) of each rep whose last effort ran to its end. Kept by rep, not by
        position: "one more rep" and "finish after this rep" move later phases along the list."""
        self._splits: list[e.Split] = []
        self._rest_adjust = 0.0
        self._planned_rests: dict[tuple[int | None, int], float] = {
            _rest_key(phases, i): p.duration for i, p in enumerate(phases) if p.duration is not None
        }
        """Each phase's planned length by its place in a rep, so a rep added later has one too."""
        self._last_cut: dict[RestIdentity, tuple[float, float]] = {}
        """What the last "-" did to each rest it moved: (the length it left, the length before).
        The next "+" puts back what it took, so a 40 s rest that "-" stopped at the 30 s floor
        goes back to 40 s, not on to 45 s. Only for a rest still at the length the "-" left."""
        self._events: list[e.Event] = []
        self.summary: e.Summary | None = None

    # ----------------------------------------------------------------- public API

    @property
    def phases(self) -> tuple[Phase, ...]:
        return tuple(self._phases)

    @property
    def index(self) -> int:
        return self._index

    @property
    def rests_ahead(self) -> bool:
        """Whether a rest is running or to come, for "too hard" to lengthen."""
        return bool(self._rest_targets())

    @property
    def rest_now_s(self) -> float | None:
        """The rest running or next to run: the one "-" and "+" were just about, for replies."""
        targets = self._rest_targets()
        return self._phases[targets[0]].duration if targets else None

    @property
    def rests_can_shorten(self) -> bool:
        """Whether "not gassed" would change anything now: a rest ahead is above its floor."""
        return any((self._phases[i].duration or 0.0) > self._lowest_rest(i) for i in self._rest_targets())

    def handle(self, command: c.Command, now: float) -> list[e.Event]:
        """Apply ``command`` at monotonic time ``now``; return what happened, in order."""
        self._events = []
        self._catch_up(now)
        handler = _TRANSITIONS[self.state].get(type(command))
        if handler is None:
            self._events.append(e.Ignored(type(command).__name__, f"not possible while {self.state.value}"))
            return self._events
        handler(self, command, now)
        self._catch_up(now)
        return self._events

    def next_due(self) -> float | None:
        """The monotonic moment the engine next has something to emit, if any."""
        if self.state is State.COUNTDOWN:
            return min(self._lead_in_marks().values())
        if self.state is not State.RUNNING:
            return None
        pending = [offset for label, offset in self._marks().items() if label not in self._emitted]
        if not pending:
            return None
        target = self._phase_start + min(pending)
        deadline = self._to_monotonic(target)
        # Active and monotonic time differ by sums that can round apart by a bit;
        # nudge the deadline until waking at it is sure to find the mark due.
        while self._active(deadline) < target:
            deadline = math.nextafter(deadline, math.inf)
        return deadline

    def snapshot(self, now: float) -> Snapshot:
        active = self._active(now)
        phase = self._phases[self._index]
        started = self.state not in (State.READY, State.COUNTDOWN)
        elapsed_in_phase = active - self._phase_start if started else 0.0
        remaining = None if phase.duration is None else max(0.0, phase.duration - elapsed_in_phase)
        if self.state in (State.FINISHED, State.STOPPED):
            remaining, later = 0.0, 0.0
        else:
            later = sum(p.duration or 0 for p in self._phases[self._index + 1 :])
        remaining_total = (remaining or 0.0) + later
        lead_in = 0.0
        if self.state is State.COUNTDOWN:
            lead_in = max(0.0, self._lead_in_start + self.settings.lead_in_s - now)
        elif self.state is State.READY:
            lead_in = float(self.settings.lead_in_s)
        done_and_left = active + remaining_total
        return Snapshot(
            state=self.state,
            index=self._index,
            phases=len(self._phases),
            phase=phase,
            next_phase=self._next_phase(),
            planned_s=phase.duration,
            phase_elapsed_s=elapsed_in_phase,
            remaining_s=remaining,
            elapsed_s=active,
            remaining_total_s=remaining_total,
            progress=1.0
            if self.state is State.FINISHED
            else (active / done_and_left if done_and_left else 0.0),
            lead_in_remaining_s=lead_in,
            rest_adjust_s=self._rest_adjust,
        )

    # ------------------------------------------------------------------ time

    def _active(self, now: float) -> float:
        if self.state is State.RUNNING:
            return self._active_base + (now - self._run_since)
        return self._active_base

    def _to_monotonic(self, active: float) -> float:
        return self._run_since + (active - self._active_base)

    def _marks(self) -> dict[str, float]:
        """Offsets from the phase start of everything the current phase will emit."""
        duration = self._phases[self._index].duration
        if duration is None:
            return {}
        marks = {f"beep{k}": duration - k for k in range(1, self.settings.beeps + 1) if duration - k > 0}
        if duration >= self.settings.halfway_min_s:
            marks["half"] = duration / 2
        if duration >= self.settings.warn_min_s:
            marks["warn"] = duration - self.settings.warn_s
        marks[_END] = duration
        return marks

    def _lead_in_marks(self) -> dict[str, float]:
        length = self.settings.lead_in_s
        start = self._lead_in_start
        marks = {f"beep{k}": start + length - k for k in range(1, self.settings.beeps + 1) if length - k >= 0}
        marks[_END] = start + length
        return {label: at for label, at in marks.items() if label not in self._emitted}

    def _catch_up(self, now: float) -> None:
        """Emit everything due by ``now``, crossing as many boundaries as it takes."""
        if self.state is State.COUNTDOWN:
            for label, at in sorted(
                self._lead_in_marks().items(), key=lambda item: (item[1], item[0] == _END)
            ):
                if at > now:
                    return
                if label == _END:
                    self.state = State.RUNNING
                    self._run_since = at
                    self._enter(0, 0.0)
                    break
                self._emitted.add(label)
                self._beep(int(label.removeprefix("beep")), following=0)
        while self.state is State.RUNNING:
            active = self._active(now)
            due = sorted(
                (offset, label == _END, label)
                for label, offset in self._marks().items()
                if label not in self._emitted and self._phase_start + offset <= active
            )
            if not due:
                return
            offset, _, label = due[0]
            self._emitted.add(label)
            if label == _END:
                self._end_phase(e.EndedBy.TIME, self._phase_start + offset)
            elif label == "half":
                self._events.append(e.Halfway(self._index, self._phases[self._index]))
            elif label == "warn":
                self._events.append(
                    e.SecondsLeft(self._index, self._phases[self._index], self.settings.warn_s)
                )
            else:
                self._beep(int(label.removeprefix("beep")), following=self._index + 1)

    def _beep(self, remaining: int, following: int) -> None:
        has_next = following < len(self._phases)
        self._events.append(
            e.CountdownBeep(
                remaining, following if has_next else None, self._phases[following] if has_next else None
            )
        )

    def _suppress_passed_marks(self, active: float) -> None:
        """After a retime, cues whose moment has gone are not played late, and those
        now ahead (a lengthened phase's new 3-2-1) play again. Halfway is said once."""
        passed = {
            label
            for label, offset in self._marks().items()
            if label != _END and self._phase_start + offset < active
        }
        self._emitted = passed | (self._emitted & {"half"})

    # ------------------------------------------------------------- phases

    def _next_phase(self) -> Phase | None:
        following = self._index + 1
        return self._phases[following] if following < len(self._phases) else None

    def _enter(self, index: int, at_active: float) -> None:
        self._index = index
        self._phase_start = at_active
        self._lap_start = at_active
        self._emitted = set()
        phase = self._phases[index]
        self._events.append(
            e.PhaseStarted(index, phase, len(self._phases), phase.duration, self._next_phase())
        )

    def _end_phase(self, ended_by: e.EndedBy, at_active: float, then: int | None = None) -> None:
        phase = self._phases[self._index]
        run = e.PhaseRun(self._index, phase, phase.duration, at_active - self._phase_start, ended_by)
        self._runs.append(run)
        if ended_by in (e.EndedBy.TIME, e.EndedBy.LAP) and phase.block is not None and phase.rep is not None:
            self._mark_rep_done(phase.block, phase.rep)
        self._events.append(e.PhaseEnded(run))
        following = self._index + 1 if then is None else then
        if ended_by is e.EndedBy.STOP:
            return
        if following < len(self._phases):
            self._enter(following, at_active)
        else:
            self._finish(at_active)

    def _mark_rep_done(self, block: int, rep: int) -> None:
        """A rep is done when the phase that ends it, its last effort, runs to its end."""
        if self._rep_marker_indexes().get((block, rep)) == self._index:
            self._reps_done.add((block, rep))

    def _finish(self, at_active: float) -> None:
        self.state = State.FINISHED
        self._active_base = at_active
        self.summary = self._summarise("completed", at_active)
        self._events.append(e.SessionFinished(self.summary))

    def _retime(self, duration: float, active: float) -> None:
        """Give the current phase a new length; one already used up is cut short now."""
        if duration <= active - self._phase_start:
            self._end_phase(e.EndedBy.SKIP, active)
            return
        self._phases[self._index] = replace(self._phases[self._index], duration=duration)
        self._suppress_passed_marks(active)
        self._events.append(e.PhaseRetimed(self._index, duration))

    # ------------------------------------------------------------ summary

    def _rep_marker_indexes(self) -> dict[tuple[int, int], int]:
        """The phase that completes each rep: its last effort, or its last phase."""
        markers: dict[tuple[int, int], int] = {}
        for index, phase in enumerate(self._phases):
            if phase.block is None or phase.rep is None:
                continue
            key = (phase.block, phase.rep)
            if (
                not phase.kind.is_recovery
                or key not in markers
                or self._phases[markers[key]].kind.is_recovery
            ):
                markers[key] = index
        return markers

    def _summarise(self, status: str, active: float) -> e.Summary:
        """The plan as the runner left it: "one more rep" and "finish after this rep" count as planned."""
        return e.Summary(
            status=status,
            runs=tuple(self._runs),
            splits=tuple(self._splits),
            phases_planned=len(self._phases),
            reps_done=len(self._reps_done),
            reps_planned=reps_planned(self._phases),
            active_s=active,
            rest_adjust_s=self._rest_adjust,
            rest_s=reference_rest(self._phases),
        )

    # ----------------------------------------------------------- handlers

    def _start(self, command: c.Start, now: float) -> None:
        self.state = State.COUNTDOWN
        self._lead_in_start = now
        self._emitted = set()
        planned = sum(p.duration or 0 for p in self._phases)
        self._events.append(e.SessionStarted(len(self._phases), planned, self.settings.lead_in_s))

    def _pause(self, command: c.Pause | c.Toggle, now: float) -> None:
        self._active_base = self._active(now)
        self.state = State.PAUSED
        snap = self.snapshot(now)
        self._events.append(e.Paused(self._index, snap.remaining_s, snap.phase_elapsed_s))

    def _resume(self, command: c.Resume | c.Toggle, now: float) -> None:
        self._run_since = now
        self.state = State.RUNNING
        snap = self.snapshot(now)
        self._events.append(e.Resumed(self._index, snap.remaining_s, snap.phase_elapsed_s))

    def _skip(self, command: c.Skip, now: float) -> None:
        if self.state is State.COUNTDOWN:
            self._lead_in_start = now - self.settings.lead_in_s
            for label in self._lead_in_marks():
                if label != _END:
                    self._emitted.add(label)
            return
        self._end_phase(e.EndedBy.SKIP, self._active(now))

    def _back(self, command: c.Back, now: float) -> None:
        self._end_phase(e.EndedBy.BACK, self._active(now), then=max(0, self._index - 1))

    def _extend(self, command: c.Extend, now: float) -> None:
        phase = self._phases[self._index]
        if phase.duration is None:
            self._events.append(e.Ignored("Extend", "this phase is open-ended: it ends when you lap"))
            return
        self._retime(phase.duration + command.seconds, self._active(now))

    def _lap(self, command: c.Lap, now: float) -> None:
        """A lap at the line ends a distance (or open) phase; in a timed one it is a split."""
        active = self._active(now)
        split = e.Split(
            self._index,
            sum(1 for s in self._splits if s.index == self._index) + 1,
            active - self._lap_start,
            self._phases[self._index],
        )
        self._splits.append(split)
        self._lap_start = active
        self._events.append(e.LapRecorded(split))
        phase = self._phases[self._index]
        if phase.duration is None or phase.distance is not None:
            self._end_phase(e.EndedBy.LAP, active)

    def _adjust_rest(self, command: c.AdjustRest, now: float) -> None:
        step = self.settings.rest_step_s
        floor = self.settings.rest_floor_s
        active = self._active(now)
        targets = self._rest_targets()
        if not targets or command.direction == 0:
            self._events.append(e.Ignored("AdjustRest", "no rest left to change"))
            return
        current = self._index
        delta = 0.0
        below_floor = True  # whether only plans shorter than the floor held the rests back
        cut: dict[RestIdentity, tuple[float, float]] = {}
        for i in targets:
            old = self._phases[i].duration or 0.0
            lowest = self._lowest_rest(i)
            below_floor = below_floor and lowest < floor
            if command.direction > 0:
                left, before = self._last_cut.get(self._rest_identity(i), (None, None))
                new = before if left == old and before is not None else old + step
            elif old > lowest:
                new = max(lowest, old - step)
                cut[self._rest_identity(i)] = (new, old)
            else:
                continue
            delta = delta or new - old
            if i == current:
                self._retime(new, active)
            else:
                self._phases[i] = replace(self._phases[i], duration=new)
        if not delta:
            why = (
                f"can't shorten: rests are as planned, under the {floor:g} s floor"
                if below_floor
                else f"can't shorten: rests are at the {floor:g} s floor"
            )
            self._events.append(e.Ignored("AdjustRest", why))
            return
        self._last_cut = cut  # a "+" gives back once; a refused "-" leaves the last one to undo
        self._rest_adjust += delta
        self._events.append(e.RestAdjusted(delta, reference_rest(self._phases) or 0.0, self._rest_adjust))

    def _rest_targets(self) -> list[int]:
        """The rests "not gassed" and "too hard" change: this one if it is a rest, and every later one."""
        return [
            i
            for i in range(self._index, len(self._phases))
            if self._phases[i].is_recovery and self._phases[i].duration
        ]

    def _rest_identity(self, index: int) -> RestIdentity:
        """One rest of one rep, whatever reps are added or dropped around it."""
        block, position = _rest_key(self._phases, index)
        return block, self._phases[index].rep, position

    def _lowest_rest(self, index: int) -> float:
        """The floor never goes above a rest's own plan: a 5 s rest raised by "too hard"
        comes back down to 5 s, and one never raised stays as planned."""
        floor = self.settings.rest_floor_s
        return min(floor, self._planned_rests.get(_rest_key(self._phases, index), floor))

    def _add_rep(self, command: c.AddRep, now: float) -> None:
        current = self._phases[self._index]
        block = current.block
        if block is None:
            block = next((p.block for p in self._phases[self._index :] if p.block is not None), None)
        if block is None:
            self._events.append(e.Ignored("AddRep", "no repeat block left to add to"))
            return
        last = max(i for i, p in enumerate(self._phases) if p.block == block)
        reps = (self._phases[last].reps or 0) + 1
        template = [p for p in self._phases if p.block == block and p.rep == self._phases[last].rep]
        for (cut_block, cut_rep, position), lengths in list(self._last_cut.items()):
            if (cut_block, cut_rep) == (block, self._phases[last].rep):  # the new rep is a copy, cut too
                self._last_cut[(block, reps, position)] = lengths
        self._set_block_reps(block, reps)
        self._phases[last + 1 : last + 1] = [replace(p, rep=reps, reps=reps) for p in template]
        self._events.append(e.RepsChanged(block, reps, len(self._phases), reps_planned(self._phases)))

    def _finish_after_rep(self, command: c.FinishAfterRep, now: float) -> None:
        current = self._phases[self._index]
        if current.block is None or current.rep is None:
            self._events.append(e.Ignored("FinishAfterRep", "no rep is running"))
            return
        if current.rep == current.reps:
            self._events.append(e.Ignored("FinishAfterRep", "this is already the last rep"))
            return
        block, rep = current.block, current.rep
        self._phases = [p for p in self._phases if not (p.block == block and (p.rep or 0) > rep)]
        # Reps run before going back and now dropped are no longer part of the plan; "one
        # more rep" would reuse their numbers for reps not yet run.
        self._reps_done = {(b, r) for b, r in self._reps_done if not (b == block and r > rep)}
        self._set_block_reps(block, rep)
        self._events.append(e.RepsChanged(block, rep, len(self._phases), reps_planned(self._phases)))

    def _set_block_reps(self, block: int, reps: int) -> None:
        self._phases = [replace(p, reps=reps) if p.block == block else p for p in self._phases]

    def _stop(self, command: c.Stop, now: float) -> None:
        active = self._active(now)
        if self.state in (State.RUNNING, State.PAUSED):
            self._end_phase(e.EndedBy.STOP, active)
        self.state = State.STOPPED
        self._active_base = active if self._runs else 0.0
        self.summary = self._summarise("stopped", self._active_base)
        self._events.append(e.SessionStopped(self.summary))

    def _toggle(self, command: c.Toggle, now: float) -> None:
        if self.state is State.RUNNING:
            self._pause(command, now)
        else:
            self._resume(command, now)

    def _tick(self, command: c.Tick, now: float) -> None:
        """Ticks only catch up, which :meth:`handle` does around every command."""

    def _answer_gassed(self, command: c.AnswerGassed, now: float) -> None:
        if self.summary is not None:
            self.summary = replace(self.summary, gassed=command.gassed)


# Each command's handler takes its own command type; the table is keyed by that type.
_Handler = Callable[[Engine, Any, float], None]

_ANY: dict[type, _Handler] = {c.Tick: Engine._tick}
_LIVE: dict[type, _Handler] = {
    c.Skip: Engine._skip,
    c.Back: Engine._back,
    c.Extend: Engine._extend,
    c.AdjustRest: Engine._adjust_rest,
    c.AddRep: Engine._add_rep,
    c.FinishAfterRep: Engine._finish_after_rep,
    c.Stop: Engine._stop,
    c.Toggle: Engine._toggle,
    **_ANY,
}
_TRANSITIONS: dict[State, dict[type, _Handler]] = {
    State.READY: {c.Start: Engine._start, c.Stop: Engine._stop, **_ANY},
    State.COUNTDOWN: {c.Skip: Engine._skip, c.Stop: Engine._stop, **_ANY},
    State.RUNNING: {c.Pause: Engine._pause, c.Lap: Engine._lap, **_LIVE},
    State.PAUSED: {c.Resume: Engine._resume, **_LIVE},
    State.FINISHED: {c.AnswerGassed: Engine._answer_gassed, **_ANY},
    State.STOPPED: {c.AnswerGassed: Engine._answer_gassed, **_ANY},
}
"""(state, command) -> handler, h11-style; a pair not listed is ignored with a reason."""


RestIdentity = tuple[int | None, int | None, int]
"""One rest of one rep: (block, rep, place in the rep)."""


def _rest_key(phases: Sequence[Phase], index: int) -> tuple[int | None, int]:
    """A phase's place in its rep (block, position): the same in every rep of a block, added ones too."""
    phase = phases[index]
    return phase.block, sum(1 for p in phases[:index] if p.block == phase.block and p.rep == phase.rep)

"""Everything the session screen shows, worked out from the engine's snapshot without Textual.

The screen keeps one :class:`SessionView` in a reactive and, when a new one
differs, updates only the widgets whose part changed. Putting every wording
and every show-or-hide rule here makes them testable as plain values, and
keeps the screen to wiring: which widget shows which field.
"""

from __future__ import annotations

import math

from runtimer.engine import events as e
from runtimer.engine.machine import Engine, Snapshot, State
from runtimer.plan.durations import format_clock, format_time
from runtimer.plan.frozen import Frozen
from runtimer.plan.models import StepKind
from runtimer.plan.phases import Phase
from runtimer.session.prepare import PreparedSession
from runtimer.tui.labels import kind_class, next_line, phase_name, signed_seconds, split_text

REPAINT_AFTER_S = 0.005
"""Repaint just after the shown second changes, not on a fixed beat: a quiet screen costs no CPU."""
PROGRESS_STEPS = 200
"""The progress bar moves in half-percent steps; finer changes would redraw nothing visible."""
ALWAYS_SHOWN_KEYS = ("help", "quit_session")
"""The footer never drops these: where every key is listed, and how to leave."""


class SessionView(Frozen):
    """One frame of the session screen, as text and flags; equal views draw the same screen."""

    phase: str
    rep: str
    clock: str
    targets: str
    show_targets: bool
    next: str
    elapsed: str
    remaining: str
    rest: str
    sound: str
    progress: float
    pause_label: str
    can_pause: bool
    colour: str
    """The phase's colour family (``sprint``, ``recovery``...), or ``ready`` before the first phase."""
    paused: bool
    state: State
    timeline: tuple[Phase, ...]
    current: int
    """The phase the timeline marks as running; -1 in the lead-in."""
    pinned_keys: tuple[str, ...]
    hidden_keys: tuple[str, ...]


def sound_word(muted: bool, status: str) -> str:
    """ "muted" or "sound off" (its reason is on the help screen), or nothing when cues are heard."""
    if muted:
        return "muted"
    return "" if status == "sound on" else status.split(":")[0]


def session_view(
    snap: Snapshot, engine: Engine, *, compact: bool, sound: str, metronome_on: bool
) -> SessionView:
    """The frame for ``snap``; ``sound`` is :func:`sound_word`'s answer, empty when cues are heard."""
    phase = snap.phase
    ready = snap.state in (State.READY, State.COUNTDOWN)
    paused = snap.state is State.PAUSED
    laps = any(p.is_open for p in engine.phases[snap.index :])  # this one too
    status = sound or "sound on"
    if phase.cadence:
        status += f" · click {'on' if metronome_on else 'off'}"
    return SessionView(
        phase=_phase_line(phase, ready=ready, paused=paused, compact=compact),
        rep=_rep_line(phase, ready=ready, compact=compact, sound=sound),
        clock=_clock(snap),
        targets=phase.targets_label,
        # A pace or cadence target is worth a compact screen's row; an empty line is not.
        show_targets=bool(phase.targets_label) or not compact,
        next=next_line(phase if ready else snap.next_phase),
        elapsed=f"elapsed {format_clock(math.floor(snap.elapsed_s))}",
        remaining=f"left {format_clock(snap.remaining_total_s)}{' + laps' if laps else ''}",
        rest=f"rest {signed_seconds(snap.rest_adjust_s)}" if snap.rest_adjust_s else "rest as planned",
        sound=status,
        progress=round(snap.progress * PROGRESS_STEPS) / PROGRESS_STEPS,
        pause_label="Resume" if paused else "Pause",
        can_pause=snap.state in (State.RUNNING, State.PAUSED),  # the lead-in cannot be paused
        colour="ready" if ready else kind_class(phase.kind),
        paused=paused,
        state=snap.state,
        timeline=engine.phases,
        current=-1 if ready else snap.index,
        pinned_keys=_pinned_keys(phase, ready),
        hidden_keys=_hidden_keys(snap, engine),
    )


def next_repaint_s(snap: Snapshot) -> float | None:
    """When the digits next change: counting down, as the time left crosses a whole second;
    counting up, as the time run does. ``None`` while nothing moves (paused, over)."""
    if snap.state is State.COUNTDOWN:
        delay = snap.lead_in_remaining_s % 1.0
    elif snap.state is State.RUNNING and snap.remaining_s is not None:
        delay = snap.remaining_s % 1.0
    elif snap.state is State.RUNNING:
        delay = 1.0 - snap.phase_elapsed_s % 1.0
    else:
        return None
    return (delay or 1.0) + REPAINT_AFTER_S


def rests_now(rest_s: float | None) -> str:
    """The reply to "-" or "+": the rest the runner is in or about to start (the reference rest
    history keeps can be another block's, which the press did not touch)."""
    return f"rests {format_time(rest_s)} now" if rest_s else "no rest left to change"


def why_line(prepared: PreparedSession) -> str:
    """Why the rests and cadence are what they are, when history changed them (the lead-in says so)."""
    progression, cadence = prepared.progression, prepared.cadence
    reasons = [progression.reason] if progression and progression.previous_rest_s is not None else []
    if cadence is not None:
        reasons.append(cadence.reason)
    return " · ".join(reasons)


KINDS_AFTER_AN_EFFORT = frozenset({*(kind for kind in StepKind if kind.is_recovery), StepKind.COOLDOWN})
"""Phases that keep the last lap on screen: the split is read while getting the breath back."""


class LapLine:
    """The split on screen: it shows from the lap through the rest after it (or a lap-ended
    effort straight after, the next 400), and goes when a later effort starts."""

    def __init__(self) -> None:
        self.text: str | None = None
        self._lapped_index = -2
        """The phase the split was taken in, if an effort: the phase after it keeps the split."""

    def heard(self, event: e.Event) -> bool:
        """Take an event; true when what the line shows may have changed."""
        match event:
            case e.PhaseStarted(index=index, phase=phase) if phase.kind not in KINDS_AFTER_AN_EFFORT:
                if index != self._lapped_index + 1:
                    self.text = None
                return True
            case e.LapRecorded(split=split):
                self.text = f"last lap {split_text(split.split_s, split.phase.target_split_s)}"
                if split.phase.kind not in KINDS_AFTER_AN_EFFORT:  # a split taken in a jog ends with it
                    self._lapped_index = split.index
                return True
        return False


def _clock(snap: Snapshot) -> str:
    """Counting down; a lap-ended phase counts up, since it lasts as long as the runner takes."""
    if snap.state is State.COUNTDOWN:
        return format_clock(snap.lead_in_remaining_s)
    if snap.remaining_s is None:
        return format_clock(snap.phase_elapsed_s)
    return format_clock(snap.remaining_s)


def _phase_line(phase: Phase, *, ready: bool, paused: bool, compact: bool) -> str:
    name = "GET READY" if ready else phase_name(phase.kind)
    if paused:
        name = f"PAUSED · {name}"
    if phase.kind is StepKind.EXERCISE and phase.note and not ready:
        name += f" · {phase.note}"  # the move itself, which the compact layout must keep
    if phase.duration is None and not ready and not compact:  # compact: the footer keeps "l Lap"
        name += " · press l at the line"
    return name


def _rep_line(phase: Phase, *, ready: bool, compact: bool, sound: str) -> str:
    if ready:
        return sound  # the lead-in is when to learn that no cue will be heard
    if phase.set is not None:  # a set of reps: which set, and the rep in it
        rep = f"Set {phase.set}/{phase.sets}" + (f" · Rep {phase.rep}/{phase.reps}" if phase.rep else "")
    else:
        rep = f"Rep {phase.rep} / {phase.reps}" if phase.rep is not None else ""
    if compact and sound:  # the status line is hidden
        rep = " · ".join(filter(None, (rep, sound)))
    return rep


def _pinned_keys(phase: Phase, ready: bool) -> tuple[str, ...]:
    """The lap key while a phase waits for the line, the metronome on a step with a cadence."""
    pinned = list(ALWAYS_SHOWN_KEYS)
    if phase.duration is None and not ready:
        pinned.append("lap")
    if phase.cadence and not ready:
        pinned.append("metronome")
    return tuple(pinned)


def _hidden_keys(snap: Snapshot, engine: Engine) -> tuple[str, ...]:
    """Keys with nothing to do just now give up their room (they still answer if pressed)."""
    phase = snap.phase
    hidden = []
    if not engine.rests_can_shorten:
        hidden.append("shorter")
    if not engine.rests_ahead:
        hidden.append("longer")
    if not any(p.block is not None for p in engine.phases[snap.index :]):
        hidden.append("add_rep")
    if phase.block is None or phase.rep is None or phase.rep == phase.reps:
        hidden.append("finish_after_rep")
    if not phase.cadence:
        hidden.append("metronome")
    return tuple(hidden)

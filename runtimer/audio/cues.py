"""The one place that decides what each engine event sounds like.

A tone says "something changed" at a glance of the ear; the words say what.
Sprints rise, recoveries fall, and the 3-2-1 ticks lead into every change.
"""

from __future__ import annotations

import asyncio

from runtimer.audio.base import AudioOutput
from runtimer.config.settings import Announce
from runtimer.engine import events as e
from runtimer.plan.frozen import Frozen
from runtimer.plan.models import StepKind
from runtimer.plan.phases import Phase

TONE_BEFORE_WORDS_S = 0.45
"""With tones and words, the words wait for the tone to say its piece."""

_KIND_TONES = {
    StepKind.WARMUP: "warmup",
    StepKind.SPRINT: "sprint",
    StepKind.RUN: "run",
    StepKind.JOG: "jog",
    StepKind.WALK: "jog",
    StepKind.REST: "jog",
    StepKind.EXERCISE: "exercise",
    StepKind.COOLDOWN: "cooldown",
}
_KIND_WORDS = {
    StepKind.WARMUP: "warm_up",
    StepKind.COOLDOWN: "cool_down",
}
_ONES = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
]
_ONES += ["seventeen", "eighteen", "nineteen"]
_TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty"}


def number_words(n: int) -> list[str] | None:
    """1 to 59 as clip stems (``45`` -> forty, five); ``None`` beyond what the clips cover."""
    if 1 <= n < 20:
        return [_ONES[n - 1]]
    if 20 <= n < 60:
        tens, ones = divmod(n, 10)
        return [_TENS[tens * 10], *([_ONES[ones - 1]] if ones else [])]
    return None


def duration_words(seconds: float) -> list[str]:
    """ "two minutes", "forty five seconds", "one minute and thirty seconds"; empty if unsayable."""
    minutes, secs = divmod(round(seconds), 60)
    parts: list[list[str]] = []
    for amount, unit in ((minutes, "minute"), (secs, "second")):
        if amount:
            words = number_words(amount)
            if words is None:
                return []
            parts.append([*words, unit + ("s" if amount > 1 else "")])
    return [*parts[0], "and", *parts[1]] if len(parts) == 2 else (parts[0] if parts else [])


def phase_words(phase: Phase) -> list[str]:
    """ "Sprint. Rep three of eight." for efforts in a rep; "Jog, two minutes." otherwise.

    A set's first effort says the set too: "Run. Set two of three. Rep one of six.",
    or "Run. Last set. Rep one of six."
    """
    words = [_KIND_WORDS.get(phase.kind, phase.kind.value)]
    if phase.rep is not None and phase.reps is not None and not phase.kind.is_recovery:
        if phase.rep == 1 and phase.set is not None and phase.sets is not None:
            words += _set_words(phase.set, phase.sets)
        if phase.rep == phase.reps and phase.reps > 1:
            return [*words, "last_rep"]
        rep, reps = number_words(phase.rep), number_words(phase.reps)
        if rep and reps:
            return [*words, "rep", *rep, "of", *reps]
    if phase.duration is not None:
        return [*words, *duration_words(phase.duration)]
    return words


def _set_words(set_: int, sets: int) -> list[str]:
    if set_ == sets and sets > 1:
        return ["last_set"]
    number, count = number_words(set_), number_words(sets)
    return ["set", *number, "of", *count] if number and count else []


class Cue(Frozen):
    """What to play for one event: a tone, words, or both."""

    tone: str | None = None
    words: tuple[str, ...] = ()


def cue_for(event: e.Event) -> Cue | None:
    match event:
        case e.SessionStarted():
            return Cue("session_start")
        case e.CountdownBeep():
            return Cue("tick")
        case e.PhaseStarted(phase=phase, index=0):
            return Cue("go", tuple(phase_words(phase)))
        case e.PhaseStarted(phase=phase):
            return Cue(_KIND_TONES[phase.kind], tuple(phase_words(phase)))
        case e.Halfway():
            return Cue("halfway", ("halfway",))
        case e.SecondsLeft(seconds=10):
            return Cue(None, ("ten_seconds",))
        case e.LapRecorded():
            return Cue("lap")
        case e.RestAdjusted(delta_s=delta):
            return (
                Cue("rest_shorter", ("rest_shorter",)) if delta < 0 else Cue("rest_longer", ("rest_longer",))
            )
        case e.Paused():
            return Cue("paused", ("paused",))
        case e.Resumed():
            return Cue("resumed", ("resumed",))
        case e.SessionFinished():
            return Cue("finished", ("done",))
    return None


class CuePlayer:
    """A runner subscriber: plays each event's cue and keeps the metronome in step.

    The metronome follows the phase's cadence target, stops on pause and
    restarts in phase on resume (offset by the active time the engine says the
    phase has run), and can be switched off with :meth:`set_metronome`.
    """

    def __init__(self, audio: AudioOutput, announce: Announce, metronome: bool = True) -> None:
        self._audio = audio
        self._announce = announce
        self._metronome_on = metronome
        self._phase: Phase | None = None
        self._ticking = False
        self._paused = False
        """Next or back while paused start a phase that waits for resume, and so does its metronome."""

    @property
    def metronome_on(self) -> bool:
        return self._metronome_on

    def set_metronome(self, on: bool, phase_elapsed_s: float = 0.0) -> None:
        """Switched on while paused, the track waits for resume, which starts it in step."""
        self._metronome_on = on
        if not self._paused:
            self._update_metronome(phase_elapsed_s)

    def __call__(self, event: e.Event) -> None:
        cue = cue_for(event)
        if cue is not None:
            self._play(cue)
        match event:
            case e.PhaseStarted(phase=phase):
                self._phase = phase
                if not self._paused:
                    self._update_metronome(0.0)
            case e.Resumed(phase_elapsed_s=elapsed):
                # The engine's own count: the phase's planned length may have changed
                # since it started (extend, rest adjust), or never existed (an open phase).
                self._paused = False
                self._update_metronome(elapsed)
            case e.Paused():
                self._paused = True
                self._stop_metronome()
            case e.SessionFinished() | e.SessionStopped():
                self._stop_metronome()

    def _play(self, cue: Cue) -> None:
        tone = cue.tone if self._announce != "voice" or not cue.words else None
        words = cue.words if self._announce != "tones" else ()
        if tone:
            self._audio.play(tone)
        if words and tone:
            asyncio.get_running_loop().call_later(TONE_BEFORE_WORDS_S, self._audio.say, words)
        elif words:
            self._audio.say(words)

    def _update_metronome(self, offset_s: float) -> None:
        cadence = self._phase.cadence if self._phase else None
        if cadence and self._metronome_on:
            self._audio.start_metronome(cadence, offset_s)
            self._ticking = True
        else:
            self._stop_metronome()

    def _stop_metronome(self) -> None:
        if self._ticking:
            self._audio.stop_metronome()
            self._ticking = False

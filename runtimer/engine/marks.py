"""The moments inside a phase (and the lead-in) at which the engine has something to say.

Each is a small value, so the engine can keep the set it has already said and
``match`` on what falls due, with no labels to spell and parse back.
"""

from __future__ import annotations

from runtimer.engine.tuning import EngineSettings
from runtimer.plan.frozen import Frozen


class Beep(Frozen):
    """One of the 3-2-1 ticks before a change: ``remaining`` seconds to go."""

    remaining: int


class Halfway(Frozen):
    """Half of a phase long enough to be worth saying so."""


class Warn(Frozen):
    """The heads-up ("ten seconds") before the end of a long phase."""


class End(Frozen):
    """The phase (or the lead-in) is over."""


Mark = Beep | Halfway | Warn | End
HALFWAY, WARN, END = Halfway(), Warn(), End()


def phase_marks(duration: float | None, settings: EngineSettings) -> dict[Mark, float]:
    """Every mark of a phase, as seconds from its start; an open phase has none (the lap ends it)."""
    if duration is None:
        return {}
    marks: dict[Mark, float] = {
        Beep(k): duration - k for k in range(1, settings.beeps + 1) if duration - k > 0
    }
    if duration >= settings.halfway_min_s:
        marks[HALFWAY] = duration / 2
    if duration >= settings.warn_min_s:
        marks[WARN] = duration - settings.warn_s
    marks[END] = duration
    return marks


def lead_in_marks(settings: EngineSettings) -> dict[Mark, float]:
    """The lead-in's 3-2-1 and its end, as seconds from its start; a beep may fall on the start itself."""
    length = settings.lead_in_s
    marks: dict[Mark, float] = {Beep(k): length - k for k in range(1, settings.beeps + 1) if length - k >= 0}
    marks[END] = length
    return marks


def in_order(mark: Mark, at: float) -> tuple[float, bool, int, int]:
    """When marks fall due together, the end comes last, so every cue of a phase is said before it ends."""
    match mark:
        case Beep(remaining):
            return at, False, 0, remaining
        case Halfway():
            return at, False, 1, 0
        case Warn():
            return at, False, 2, 0
        case End():
            return at, True, 3, 0


class MarkBook:
    """The marks of the phase (or the lead-in) running, and which of them have been said."""

    def __init__(self, settings: EngineSettings) -> None:
        self._settings = settings
        self._said: set[Mark] = set()

    def start_over(self) -> None:
        """A new phase (or the lead-in) begins: none of its marks said yet."""
        self._said = set()

    def say(self, mark: Mark) -> None:
        self._said.add(mark)

    def next_in_phase(self, duration: float | None) -> tuple[Mark, float] | None:
        """The phase's first mark not yet said, and its offset from the phase start."""
        return _first(phase_marks(duration, self._settings), self._said)

    def next_in_lead_in(self) -> tuple[Mark, float]:
        """The lead-in's first mark not yet said (its end, at the last), and its offset from the start."""
        first = _first(lead_in_marks(self._settings), self._said)
        assert first is not None, "the lead-in's end is never said: the first phase starts there"
        return first

    def skip_lead_in(self) -> None:
        """Straight to its end, without the beeps left."""
        self._said |= {mark for mark in lead_in_marks(self._settings) if mark != END}

    def retimed(self, duration: float, elapsed: float) -> None:
        """After a phase's length changes, cues whose moment has gone are not played late, and
        those now ahead (a lengthened phase's new 3-2-1) play again. Halfway is said once."""
        marks = phase_marks(duration, self._settings)
        passed = {mark for mark, at in marks.items() if mark != END and at < elapsed}
        self._said = passed | (self._said & {HALFWAY})


def _first(marks: dict[Mark, float], said: set[Mark]) -> tuple[Mark, float] | None:
    pending = [(mark, at) for mark, at in marks.items() if mark not in said]
    return min(pending, key=lambda item: in_order(*item), default=None)

"""What the runner (or a test) can ask of the engine. Plain values, compared with ``==``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Start:
    """Begin the lead-in countdown, then the first phase."""


@dataclass(frozen=True)
class Pause:
    pass


@dataclass(frozen=True)
class Resume:
    pass


@dataclass(frozen=True)
class Toggle:
    """Pause when running, resume when paused: the one key a sweaty finger finds."""


@dataclass(frozen=True)
class Skip:
    """End the current phase now and start the next."""


@dataclass(frozen=True)
class Back:
    """Restart the previous phase (or the first, when already there)."""


@dataclass(frozen=True)
class Extend:
    """Lengthen (positive) or trim (negative) the current timed phase."""

    seconds: float


@dataclass(frozen=True)
class Lap:
    """End an open-ended phase, or record a split within a timed one."""


@dataclass(frozen=True)
class AdjustRest:
    """``-1``: "not gassed", shorter rests; ``+1``: "too hard", longer rests."""

    direction: int


@dataclass(frozen=True)
class AddRep:
    """One more rep of the current (or next) repeat block."""


@dataclass(frozen=True)
class FinishAfterRep:
    """End the repeat block after the rep in progress."""


@dataclass(frozen=True)
class Stop:
    """End the session early; it is kept as stopped."""


@dataclass(frozen=True)
class Tick:
    """Emit whatever has fallen due by now."""


@dataclass(frozen=True)
class AnswerGassed:
    """The runner's answer to "were you gassed on the last sprint?", after the end."""

    gassed: bool | None


Command = (
    Start
    | Pause
    | Resume
    | Toggle
    | Skip
    | Back
    | Extend
    | Lap
    | AdjustRest
    | AddRep
    | FinishAfterRep
    | Stop
    | Tick
    | AnswerGassed
)

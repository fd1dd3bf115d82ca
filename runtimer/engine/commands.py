"""What the runner (or a test) can ask of the engine. Plain values, compared with ``==``."""

from __future__ import annotations

from runtimer.plan.frozen import Frozen


class Start(Frozen):
    """Begin the lead-in countdown, then the first phase."""


class Pause(Frozen):
    """Hold the phase where it is: a pause never eats phase time."""


class Resume(Frozen):
    """Carry on from where the pause held the phase."""


class Toggle(Frozen):
    """Pause when running, resume when paused: the one key a sweaty finger finds."""


class Skip(Frozen):
    """End the current phase now and start the next."""


class Back(Frozen):
    """Restart the previous phase (or the first, when already there)."""


class Extend(Frozen):
    """Lengthen (positive) or trim (negative) the current timed phase."""

    seconds: float


class Lap(Frozen):
    """End an open-ended phase, or record a split within a timed one."""


class AdjustRest(Frozen):
    """``-1``: "not gassed", shorter rests; ``+1``: "too hard", longer rests."""

    direction: int


class AddRep(Frozen):
    """One more rep of the current (or next) repeat block."""


class FinishAfterRep(Frozen):
    """End the repeat block after the rep in progress."""


class Stop(Frozen):
    """End the session early; it is kept as stopped."""


class Tick(Frozen):
    """Emit whatever has fallen due by now."""


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
)

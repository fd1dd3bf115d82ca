"""The rest keys: "not gassed" (-) shortens this rest and every later one, "too hard" (+) lengthens them.

The training notes' rule, inside a session: "by the last interval you should
be gassed; if not, lower the rest". Rests move by one step, never below the
floor, and never below their own plan when the plan is shorter than the
floor. A "+" straight after a "-" gives back what the "-" took (a 40 s rest
that the "-" stopped at the 30 s floor returns to 40 s, not 45 s), once.

Pure bookkeeping over the engine's phase list: the engine applies the new
lengths, retiming the rest that is running.
"""

from __future__ import annotations

from collections.abc import Sequence

from runtimer.engine.tuning import EngineSettings
from runtimer.plan.frozen import Frozen
from runtimer.plan.phases import Phase

PlaceInRep = tuple[int | None, int]
"""(block, position in the rep): the same in every rep of a block, reps added later too."""
RestIdentity = tuple[int | None, int | None, int]
"""One rest of one rep: (block, rep, position in the rep)."""


class RestChange(Frozen):
    """What a press of "-" or "+" does: the running rest's new length (``None`` when the phase
    running is no rest), the later rests' by phase index, and how far the first one moved."""

    running: float | None
    lengths: dict[int, float]
    delta_s: float
    cut: dict[RestIdentity, tuple[float, float]]


class RestPolicy:
    def __init__(self, phases: Sequence[Phase], settings: EngineSettings) -> None:
        self._step = settings.rest_step_s
        self._floor = settings.rest_floor_s
        self._planned = {
            _place(phases, i): p.duration for i, p in enumerate(phases) if p.duration is not None
        }
        """Each phase's planned length by its place in a rep, so a rep added later has one too."""
        self._last_cut: dict[RestIdentity, tuple[float, float]] = {}
        """What the last "-" did to each rest it moved: (the length it left, the length before).
        The next "+" puts back what it took, for a rest still at the length the "-" left."""

    def targets(self, phases: Sequence[Phase], index: int) -> list[int]:
        """The rests the keys change: the one running, if it is a rest, and every later one."""
        return [i for i in range(index, len(phases)) if phases[i].is_recovery and phases[i].duration]

    def rest_now(self, phases: Sequence[Phase], index: int) -> float | None:
        """The rest running or next to run."""
        targets = self.targets(phases, index)
        return phases[targets[0]].duration if targets else None

    def can_shorten(self, phases: Sequence[Phase], index: int) -> bool:
        """Whether "not gassed" would change anything now: a rest ahead is above its floor."""
        return any((phases[i].duration or 0.0) > self._lowest(phases, i) for i in self.targets(phases, index))

    def change(self, phases: Sequence[Phase], index: int, direction: int) -> RestChange | str:
        """What the key would do, or why it can do nothing."""
        targets = self.targets(phases, index)
        if not targets or direction == 0:
            return "no rest left to change"
        lengths: dict[int, float] = {}
        cut: dict[RestIdentity, tuple[float, float]] = {}
        below_floor = True  # whether only plans shorter than the floor held the rests back
        for i in targets:
            old = phases[i].duration or 0.0
            lowest = self._lowest(phases, i)
            below_floor = below_floor and lowest < self._floor
            if direction > 0:
                left, before = self._last_cut.get(_identity(phases, i), (None, None))
                lengths[i] = before if left == old and before is not None else old + self._step
            elif old > lowest:
                lengths[i] = max(lowest, old - self._step)
                cut[_identity(phases, i)] = (lengths[i], old)
        first = next(iter(lengths), None)  # every length here differs from the one it replaces
        if first is None:
            floor = f"the {self._floor:g} s floor"
            where = f"as planned, under {floor}" if below_floor else f"at {floor}"
            return f"can't shorten: rests are {where}"
        delta = lengths[first] - (phases[first].duration or 0.0)
        return RestChange(lengths.pop(index, None), lengths, delta, cut)

    def done(self, change: RestChange) -> None:
        """A "+" gives back once; a refused "-" (never done) leaves the last one to undo."""
        self._last_cut = change.cut

    def rep_added(self, block: int, copied_rep: int, new_rep: int) -> None:
        """The new rep is a copy of ``copied_rep``, cut as it was, so a "+" gives back there too."""
        for (cut_block, cut_rep, position), lengths in list(self._last_cut.items()):
            if (cut_block, cut_rep) == (block, copied_rep):
                self._last_cut[(block, new_rep, position)] = lengths

    def _lowest(self, phases: Sequence[Phase], index: int) -> float:
        """The floor never goes above a rest's own plan: a 5 s rest raised by "too hard"
        comes back down to 5 s, and one never raised stays as planned."""
        return min(self._floor, self._planned.get(_place(phases, index), self._floor))


def _place(phases: Sequence[Phase], index: int) -> PlaceInRep:
    phase = phases[index]
    return phase.block, sum(1 for p in phases[:index] if p.block == phase.block and p.rep == phase.rep)


def _identity(phases: Sequence[Phase], index: int) -> RestIdentity:
    block, position = _place(phases, index)
    return block, phases[index].rep, position

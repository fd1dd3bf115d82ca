"""Reps as the runner reshapes them mid-session: "one more rep" and "finish after this rep".

Functions over the engine's phase list that return the new list (or why
nothing can change) rather than change it, so the engine keeps the books and
tells its subscribers.
"""

from __future__ import annotations

from collections.abc import Sequence

from runtimer.engine import events as e
from runtimer.plan.frozen import Frozen
from runtimer.plan.models import MAX_PHASES
from runtimer.plan.phases import Phase

RepKey = tuple[int, int]
"""(block, rep)."""


class RepChange(Frozen):
    """The block's reps are now ``reps``; ``copied_rep`` is the rep a new last rep was copied from."""

    phases: list[Phase]
    block: int
    reps: int
    copied_rep: int | None = None


def rep_markers(phases: Sequence[Phase]) -> dict[RepKey, int]:
    """The phase that completes each rep: its last effort, or its last phase if it has no effort."""
    markers: dict[RepKey, int] = {}
    for index, phase in enumerate(phases):
        if phase.block is None or phase.rep is None:
            continue
        key = (phase.block, phase.rep)
        if not phase.kind.is_recovery or key not in markers or phases[markers[key]].kind.is_recovery:
            markers[key] = index
    return markers


def one_more_rep(phases: Sequence[Phase], index: int) -> RepChange | e.Ignored:
    """A copy of the last rep of the block running (or else the next one), added after it."""
    block = phases[index].block
    if block is None:
        block = next((p.block for p in phases[index:] if p.block is not None), None)
    if block is None:
        return e.Ignored("AddRep", "no repeat block left to add to")
    last = max(i for i, p in enumerate(phases) if p.block == block)
    copied = phases[last].rep or 0
    reps = (phases[last].reps or 0) + 1
    added = [p.replace(rep=reps, reps=reps) for p in phases if p.block == block and p.rep == copied]
    if len(phases) + len(added) > MAX_PHASES:
        return e.Ignored("AddRep", f"a session has at most {MAX_PHASES} phases")
    grown = _with_block_reps(phases, block, reps)
    return RepChange([*grown[: last + 1], *added, *grown[last + 1 :]], block, reps, copied)


def finish_after_rep(phases: Sequence[Phase], index: int) -> RepChange | e.Ignored:
    """The block running ends with the rep in progress.

    In a set of reps the whole set of reps ends there: the reps and blocks still
    to come in this set and every later set go, and this set finishes with its
    own steps (its rest between sets). Another whole set after "finish after
    this rep" would not be finishing.
    """
    current = phases[index]
    if current.block is None or current.rep is None:
        return e.Ignored("FinishAfterRep", "no rep is running")
    block, rep = current.block, current.rep
    dropped = {i for i, p in enumerate(phases) if p.block == block and (p.rep or 0) > rep}
    if current.group is not None:
        dropped |= {i for i in range(index + 1, len(phases)) if _later_in_the_set_of_reps(phases[i], current)}
    if not dropped:
        return e.Ignored("FinishAfterRep", "this is already the last rep")
    kept = [p for i, p in enumerate(phases) if i not in dropped]
    if current.group is not None:
        kept = [p.replace(sets=current.set) if p.group == current.group else p for p in kept]
    return RepChange(_with_block_reps(kept, block, rep), block, rep)


def _later_in_the_set_of_reps(phase: Phase, current: Phase) -> bool:
    """After ``current`` (a rep in a set of reps): a later set, or another rep of the set running."""
    if phase.group != current.group or (phase.block, phase.rep) == (current.block, current.rep):
        return False
    return phase.set != current.set or phase.block is not None


def _with_block_reps(phases: Sequence[Phase], block: int, reps: int) -> list[Phase]:
    return [p.replace(reps=reps) if p.block == block else p for p in phases]

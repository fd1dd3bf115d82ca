"""A workout flattened into the phases the engine runs, one after another."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from runtimer.errors import UserError
from runtimer.plan.durations import format_clock, format_time
from runtimer.plan.frozen import Frozen
from runtimer.plan.models import MAX_PHASES, Repeat, Step, StepKind, Workout, too_many_phases
from runtimer.plan.targets import CadenceRamp
from runtimer.plan.units import Distance, Pace, split_seconds


class Phase(Frozen):
    """One timed (or open-ended) stretch of the session.

    ``block`` numbers the repeat block a phase came from, so the engine can add
    or drop whole reps; ``rep``/``reps`` say "3 of 8" within that block. In a
    set of reps, ``set``/``sets`` say "set 1 of 2", and each set's reps are a
    block of their own; the set's own steps (its rest between sets) have a set
    but no block, so the rest keys and progression leave them alone. ``group``
    numbers the sets of reps in a workout, so that one ends where it ends even
    when the next starts at set 1 again.
    """

    kind: StepKind
    duration: float | None
    rep: int | None = None
    reps: int | None = None
    block: int | None = None
    set: int | None = None
    sets: int | None = None
    group: int | None = None
    distance: Distance | None = None
    pace: Pace | None = None
    cadence: int | None = None
    note: str | None = None

    @property
    def is_open(self) -> bool:
        return self.duration is None

    @property
    def is_recovery(self) -> bool:
        """Only recoveries between reps adapt; a warm-up jog keeps its length."""
        return self.block is not None and self.kind.is_recovery

    @property
    def rep_label(self) -> str:
        """``3/8``; in a set ``set 1/2, rep 3/6``, or ``set 1/2`` for the set's own steps."""
        rep = f"{self.rep}/{self.reps}" if self.rep is not None else ""
        if self.set is None:
            return rep
        return f"set {self.set}/{self.sets}" + (f", rep {rep}" if rep else "")

    @property
    def target_split_s(self) -> float | None:
        """The time the distance should take at the target pace: what a lap is judged against."""
        if self.distance is None or self.pace is None:
            return None
        return split_seconds(self.pace, self.distance.metres)

    @property
    def targets_label(self) -> str:
        parts = []
        if self.distance is not None:
            parts.append(str(self.distance))
        if self.pace is not None:
            parts.append(f"@{self.pace}")
        if self.target_split_s is not None:
            parts.append(f"in {format_time(self.target_split_s)}")
        if self.cadence is not None:
            parts.append(f"@{self.cadence}spm")
        if self.note:
            parts.append(self.note)
        return " ".join(parts)


SetPlace = tuple[int | None, int | None, int | None]
"""(set, sets, group) of a phase in a set of reps; all ``None`` outside one."""


def expand(workout: Workout) -> tuple[Phase, ...]:
    """Flatten repeat blocks into numbered reps (and sets of them into numbered sets), in running order.

    A workout file is held to :data:`MAX_PHASES` when it loads; quick edits (more reps) come
    later, so the count is checked again here, before any phase is made.
    """
    if workout.phase_count > MAX_PHASES:
        raise UserError(f'workout "{workout.name}": {too_many_phases(workout.phase_count)}')
    phases: list[Phase] = []
    blocks = groups = 0

    def reps_of(item: Repeat, place: SetPlace = (None, None, None)) -> None:
        nonlocal blocks
        blocks += 1
        reps = item.repeat.value
        for rep in range(1, reps + 1):
            phases.extend(_phases(item.steps, rep=rep, reps=reps, block=blocks, place=place))

    for item in workout.steps:
        if isinstance(item, Repeat) and item.is_set:
            groups += 1
            sets = item.repeat.value
            for set_ in range(1, sets + 1):
                for inner in item.steps:
                    if isinstance(inner, Repeat):
                        reps_of(inner, (set_, sets, groups))
                    else:
                        phases.extend(_phases([inner], place=(set_, sets, groups)))
        elif isinstance(item, Repeat):
            reps_of(item)
        else:
            phases.extend(_phases([item]))
    return tuple(phases)


def _phases(
    steps: Iterable[Step | Repeat],
    rep: int | None = None,
    reps: int | None = None,
    block: int | None = None,
    place: SetPlace = (None, None, None),
) -> list[Phase]:
    """A ramp climbs across the reps of its block, or across the sets for a set's own steps."""
    set_, sets, group = place
    climb, climbs = (rep, reps) if rep is not None else (set_, sets)
    return [
        Phase(
            kind=step.kind,
            duration=None if step.duration is None else step.duration.value,
            rep=rep,
            reps=reps,
            block=block,
            set=set_,
            sets=sets,
            group=group,
            distance=step.distance,
            pace=step.pace if isinstance(step.pace, Pace) else None,
            cadence=step.cadence.at(climb or 1, climbs or 1)
            if isinstance(step.cadence, CadenceRamp)
            else step.cadence,
            note=step.note,
        )
        for step in steps
        if isinstance(step, Step)
    ]


def total_seconds(phases: Iterable[Phase]) -> float:
    """Planned time; open-ended phases count as zero until the runner laps."""
    return sum(phase.duration or 0 for phase in phases)


def total_label(phases: Sequence[Phase]) -> str:
    """``36:20``, or ``28:00 + 4 lap`` when some phases end only on the lap key."""
    text = format_clock(total_seconds(phases))
    open_count = sum(1 for phase in phases if phase.is_open)
    return f"{text} + {open_count} lap" if open_count else text


def reference_rest(phases: Sequence[Phase]) -> float | None:
    """The one rest length a session is known by, for history and progression.

    The first timed recovery of the first repeat block, read in its last rep:
    "-" and "+" move the rest running now and every later one, so the last rep
    carries every adjustment, and the first recovery in it is the same step the
    plan's own recovery (``planned_recovery``) names. A circuit's longer round
    break, later in the rep, never stands in for its short rests.
    """
    recoveries = [p for p in phases if p.is_recovery and p.duration is not None]
    if not recoveries:
        return None
    block = _last_run_of(phases, recoveries[0])
    last_rep = max(p.rep or 0 for p in recoveries if p.block == block)
    return next(p.duration for p in recoveries if p.block == block and (p.rep or 0) == last_rep)


def _last_run_of(phases: Sequence[Phase], first: Phase) -> int | None:
    """The block holding ``first``'s step last: in a set of reps every set runs the same blocks of
    reps again under new numbers, and the last set that ran it has seen every "-" and "+"."""
    if first.group is None:
        return first.block
    group = [p for p in phases if p.group == first.group]

    def blocks_in(set_: int | None) -> list[int]:
        return list(dict.fromkeys(p.block for p in group if p.set == set_ and p.block is not None))

    place = blocks_in(first.set).index(first.block or 0)
    for set_ in sorted({p.set or 0 for p in group}, reverse=True):
        if place < len(blocks := blocks_in(set_)):  # "f" may have ended a set before this block
            return blocks[place]
    return first.block


def reps_planned(phases: Sequence[Phase]) -> int:
    """Reps across every repeat block, as planned."""
    return sum({p.block: p.reps or 0 for p in phases if p.block is not None}.values())

"""A stored session as a training log sees it: laps on the wall clock, their intensities and totals.

FIT and TCX files are both written from an :class:`Activity`, so the two
formats cannot disagree about a lap. Pure: no file, no encoder.

One lap per phase run, in running order (a phase that "back" ran twice is two
laps, as it is two rows in the history). A lap starts when its phase started;
its elapsed time counts the pauses inside it, its timer time does not. A
session recorded before runtimer kept each phase's place on the clock has
its laps laid back to back from the session's start, each as long as its
active time, as if it had never paused.

The activity begins when the first phase began, after the lead-in: the
countdown is not running, and the laps' totals then add up to the session's.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Literal

from runtimer import __version__
from runtimer.errors import UserError
from runtimer.plan.frozen import Frozen
from runtimer.plan.models import StepKind
from runtimer.plan.textsyntax import parse_workout_text
from runtimer.records import PhaseRecord, SessionRecord

Intensity = Literal["warmup", "active", "recovery", "rest", "cooldown"]
INTENSITY: dict[StepKind, Intensity] = {
    StepKind.WARMUP: "warmup",
    StepKind.SPRINT: "active",
    StepKind.RUN: "active",
    StepKind.EXERCISE: "active",
    StepKind.JOG: "recovery",
    StepKind.WALK: "recovery",
    StepKind.REST: "rest",
    StepKind.COOLDOWN: "cooldown",
}
"""FIT's words for a step: a jog or walk between efforts is recovery (moving, easy), a rest is rest
(standing still), as Garmin's own workouts tell them apart. TCX knows only Active and Resting."""
SubSport = Literal["treadmill", "track"]
CREATOR = "runtimer"


def version_numbers(version: str = __version__) -> tuple[int, int]:
    """runtimer's version as (major, minor), which is all FIT and TCX have room for; a release
    candidate or a development build (``1.3rc1``, ``2.0.dev4``) counts as the release it leads to."""
    numbers = re.match(r"(\d+)(?:\.(\d+))?", version)
    if numbers is None:
        return 0, 0
    return int(numbers.group(1)), int(numbers.group(2) or 0)


class Split(Frozen):
    """A lap taken inside a phase, which ran on after it."""

    start: datetime
    elapsed_s: float
    timer_s: float


class Lap(Frozen):
    kind: StepKind
    rep: int | None
    start: datetime
    elapsed_s: float
    timer_s: float
    pauses: tuple[tuple[datetime, datetime], ...]
    """Each pause inside the lap, from when it began to when the runner went on."""
    distance_m: float | None
    """The distance the phase covered, when it had one and ran in full."""
    ended_by: str | None
    splits: tuple[Split, ...]

    @property
    def intensity(self) -> Intensity:
        return INTENSITY[self.kind]

    @property
    def end(self) -> datetime:
        return self.start + timedelta(seconds=self.elapsed_s)

    @property
    def name(self) -> str:
        return self.kind.value if self.rep is None else f"{self.kind.value} {self.rep}"


class Activity(Frozen):
    session_id: int
    workout: str
    status: str
    reps_done: int
    reps_planned: int
    sub_sport: SubSport
    start: datetime
    laps: tuple[Lap, ...]

    @property
    def elapsed_s(self) -> float:
        return sum(lap.elapsed_s for lap in self.laps)

    @property
    def timer_s(self) -> float:
        return sum(lap.timer_s for lap in self.laps)

    @property
    def distance_m(self) -> float | None:
        known = [lap.distance_m for lap in self.laps if lap.distance_m is not None]
        return sum(known) if known else None

    @property
    def end(self) -> datetime:
        return self.start + timedelta(seconds=self.elapsed_s)

    @property
    def description(self) -> str:
        """One line for the file's notes: the workout, and how far it went."""
        done = (
            f"{self.reps_done} of {self.reps_planned} reps"
            if self.reps_planned
            else f"{len(self.laps)} phases"
        )
        how = "completed" if self.status == "completed" else "stopped after"
        return f"{self.workout}: {how} {done}"


class NothingToExport(UserError):
    """A session with no activity yet (still running) or none at all (no phase run)."""


def activity(record: SessionRecord) -> Activity:
    """The activity of a finished or stopped session; a session still running has none yet."""
    if record.status == "running":
        raise NothingToExport(f"session {record.id} is still running: nothing to export yet")
    if not record.phases:
        raise NothingToExport(f"session {record.id} ran no phase: there is no activity to export")
    laps: list[Lap] = []
    for phase in record.phases:
        after = laps[-1].end if laps else record.started_at
        laps.append(_lap(phase, record.started_at, after))
    return Activity(
        session_id=record.id,
        workout=record.workout,
        status=record.status,
        reps_done=record.reps_done,
        reps_planned=record.reps_planned,
        sub_sport=sub_sport(record),
        start=laps[0].start,
        laps=tuple(laps),
    )


def _lap(phase: PhaseRecord, session_start: datetime, after: datetime) -> Lap:
    start = after if phase.started_s is None else session_start + timedelta(seconds=phase.started_s)
    pauses, before = [], 0.0
    for at_s, length_s in phase.pauses:
        began = start + timedelta(seconds=at_s + before)
        pauses.append((began, began + timedelta(seconds=length_s)))
        before += length_s
    return Lap(
        kind=phase.kind,
        rep=phase.rep,
        start=start,
        elapsed_s=phase.elapsed_s,
        timer_s=phase.actual_s,
        pauses=tuple(pauses),
        distance_m=phase.distance_m if phase.completed else None,
        ended_by=phase.ended_by,
        splits=_splits(phase, start),
    )


def _splits(phase: PhaseRecord, start: datetime) -> tuple[Split, ...]:
    """The laps inside a phase on the clock: active seconds, moved on by the pauses before them."""

    def on_clock(active_s: float) -> float:
        return active_s + sum(length for at_s, length in phase.pauses if at_s < active_s)

    splits, done = [], 0.0
    for split_s in phase.laps:
        begun, ended = on_clock(done), on_clock(done + split_s)
        splits.append(Split(start + timedelta(seconds=begun), ended - begun, split_s))
        done += split_s
    return tuple(splits)


def sub_sport(record: SessionRecord) -> SubSport:
    """Track when the plan runs set distances (400 m to the line), else treadmill: runtimer's two places.

    A distance needs a measured loop or a line to lap at; everything else is
    timed, which is how a treadmill session runs.
    """
    if any(phase.distance_m for phase in record.phases):
        return "track"
    try:
        workout = parse_workout_text(record.plan_text)
    except UserError:
        return "treadmill"
    return "track" if any(step.distance is not None for step in workout.all_steps()) else "treadmill"

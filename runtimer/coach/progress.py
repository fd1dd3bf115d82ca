"""How the laps run at goal pace compare with the goal, in one session and across many.

Every lap the lap key ends against a pace target (the 400s at ``@goal``) is
kept with its target, so each can be read as a fraction of it: 98 s against a
96 s target is 2% slow. Fractions compare across goals changed on the way and
across distances, and a fraction of today's goal 400 (1:36) reads as the 400
that session was worth. The trend is the least-squares slope over sessions.
Pure: records in, numbers and a sentence out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from runtimer.coach.goal import Goal
from runtimer.plan.durations import format_time
from runtimer.plan.frozen import Frozen
from runtimer.records import SessionRecord

LAP_M = 400.0


class GoalProgress(Frozen):
    """Each session's laps as the 400 at goal pace they were worth, oldest first, and the trend."""

    target_s: float
    splits_s: tuple[float, ...]
    trend_s: float | None
    """Seconds per session (negative: getting quicker); ``None`` below two sessions."""

    @property
    def line(self) -> str:
        head = f"400 m against the goal's {format_time(self.target_s)}"
        if not self.splits_s:
            return f"{head}: no laps at goal pace yet"
        first, last = self.splits_s[0], self.splits_s[-1]
        if self.trend_s is None:
            return f"{head}: {format_time(last)} ({gap_words(last - self.target_s)}), one session so far"
        pace = f"{abs(self.trend_s):.1f} s a session {'quicker' if self.trend_s < 0 else 'slower'}"
        steady = abs(self.trend_s) < 0.05
        return (
            f"{head}: {format_time(first)} → {format_time(last)} over {len(self.splits_s)} sessions, "
            f"{'steady' if steady else pace} ({gap_words(last - self.target_s)} now)"
        )


def gap_words(gap_s: float) -> str:
    """``2 s slow``, ``1 s fast``, ``on target``."""
    whole = round(gap_s)
    return "on target" if whole == 0 else f"{abs(whole)} s {'slow' if whole > 0 else 'fast'}"


def paced_laps(record: SessionRecord) -> list[tuple[float, float]]:
    """(split, target) of every lap the lap key ended against a pace target."""
    return [
        (phase.split_s, phase.target_split_s)
        for phase in record.phases
        if phase.split_s is not None and phase.target_split_s
    ]


def worth_at_goal(laps: Sequence[tuple[float, float]], goal: Goal) -> float | None:
    """The mean lap as a fraction of its target, times the goal's 400."""
    if not laps:
        return None
    share = sum(split / target for split, target in laps) / len(laps)
    return share * goal.split_s(LAP_M)


def goal_progress(history: Iterable[SessionRecord], goal: Goal) -> GoalProgress:
    """``history`` newest first, as the store gives it."""
    worth = [worth_at_goal(paced_laps(record), goal) for record in reversed(list(history))]
    splits = tuple(value for value in worth if value is not None)
    return GoalProgress(goal.split_s(LAP_M), splits, slope(splits))


def slope(values: Sequence[float]) -> float | None:
    if len(values) < 2:
        return None
    n = len(values)
    mean_x, mean_y = (n - 1) / 2, sum(values) / n
    spread = sum((x - mean_x) ** 2 for x in range(n))
    return sum((x - mean_x) * (y - mean_y) for x, y in enumerate(values)) / spread


def session_against_goal(laps: Sequence[tuple[float, float]], goal: Goal) -> str | None:
    """The summary's line after a session at goal pace: ``5k in 19:59: laps averaged 1:37 against
    1:36, 1 s slow; 3 of 6 on pace or better``."""
    if not laps:
        return None
    mean = sum(split for split, _ in laps) / len(laps)
    target = sum(t for _, t in laps) / len(laps)
    on_pace = sum(1 for split, t in laps if round(split - t) <= 0)
    return (
        f"{goal.headline}: laps averaged {format_time(mean)} against {format_time(target)}, "
        f"{gap_words(mean - target)}; {on_pace} of {len(laps)} on pace or better"
    )

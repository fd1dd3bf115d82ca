"""How late do phase boundaries fire? runtimer's runner against a naive countdown loop.

Both drive the same schedule of short phases on the real clock with the same
subscribers attached (a display snapshot, a cue log, a SQLite history write),
and report each boundary's lateness against its ideal monotonic deadline and
the drift at the end of the session.
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.table import Row, median, ms, percentile, render
from runtimer.engine import commands as c
from runtimer.engine import events as e
from runtimer.engine.machine import Engine, EngineSettings
from runtimer.plan.models import StepKind
from runtimer.plan.phases import Phase
from runtimer.session.clock import MonotonicClock
from runtimer.session.runner import Runner

NAIVE_STEP_S = 0.1


@dataclass(frozen=True)
class Timing:
    lateness_s: list[float]
    end_drift_s: float


def schedule(total_s: float, phase_s: float) -> list[Phase]:
    count = max(2, round(total_s / phase_s))
    kinds = (StepKind.SPRINT, StepKind.JOG)
    return [Phase(kinds[i % 2], phase_s) for i in range(count)]


def ideal_starts(start: float, phases: list[Phase]) -> list[float]:
    starts, at = [], start
    for phase in phases:
        starts.append(at)
        at += phase.duration or 0
    return [*starts, at]


class Subscribers:
    """What a real session attaches: a screen reading snapshots, cues, history writes."""

    def __init__(self, folder: Path, snapshot: Callable[[], object]) -> None:
        self._db = sqlite3.connect(folder / "history.sqlite3", check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS phases (kind TEXT, planned REAL, actual REAL)")
        self._snapshot = snapshot
        self.cues: list[str] = []

    def screen(self, _event: object) -> None:
        self._snapshot()

    def audio(self, event: object) -> None:
        self.cues.append(type(event).__name__)

    def history(self, kind: str, planned: float, actual: float) -> None:
        self._db.execute("INSERT INTO phases VALUES (?, ?, ?)", (kind, planned, actual))
        self._db.commit()

    def close(self) -> None:
        self._db.close()


async def time_runner(phases: list[Phase], folder: Path) -> Timing:
    clock = MonotonicClock()
    runner = Runner(Engine(phases, EngineSettings(lead_in_s=0)), clock)
    seen: list[float] = []
    finished: list[float] = []

    def probe(event: e.Event) -> None:
        if isinstance(event, e.PhaseStarted):
            seen.append(time.monotonic())
        elif isinstance(event, e.SessionFinished):
            finished.append(time.monotonic())

    subscribers = Subscribers(folder, runner.snapshot)
    runner.subscribe(probe)
    runner.subscribe(subscribers.screen)
    runner.subscribe(subscribers.audio)

    async def history(event: e.Event) -> None:
        # As the app's recorder does: the commit (an fsync) happens off the event loop.
        if isinstance(event, e.PhaseEnded):
            run = event.run
            await asyncio.to_thread(subscribers.history, run.phase.kind, run.planned_s or 0, run.actual_s)

    runner.subscribe(history)
    start = clock.now()
    runner.send(c.Start())
    await runner.run()
    subscribers.close()
    ideal = ideal_starts(start, phases)
    return Timing([a - i for a, i in zip(seen, ideal, strict=False)], finished[0] - ideal[-1])


async def time_naive(phases: list[Phase], folder: Path) -> Timing:
    """The loop many timers use: sleep a fixed step, subtract it, repeat."""
    subscribers = Subscribers(folder, lambda: None)
    seen: list[float] = []
    start = time.monotonic()
    for phase in phases:
        seen.append(time.monotonic())
        subscribers.audio(phase)
        remaining = phase.duration or 0
        while remaining > 1e-9:
            await asyncio.sleep(NAIVE_STEP_S)
            remaining -= NAIVE_STEP_S
            subscribers.screen(remaining)
        subscribers.history(phase.kind, phase.duration or 0, phase.duration or 0)
    end = time.monotonic()
    subscribers.close()
    ideal = ideal_starts(start, phases)
    return Timing([a - i for a, i in zip(seen, ideal, strict=False)], end - ideal[-1])


def rows(total_s: float, phase_s: float) -> list[Row]:
    phases = schedule(total_s, phase_s)
    with tempfile.TemporaryDirectory() as first, tempfile.TemporaryDirectory() as second:
        ours = asyncio.run(time_runner(phases, Path(first)))
        naive = asyncio.run(time_naive(phases, Path(second)))
    label = f"timing ({len(phases)} x {phase_s:g} s phases)"

    def compare(metric: str, measure: Callable[[Timing], float], goal: str = "") -> Row:
        return Row(label, metric, ms(measure(ours)), ms(measure(naive)), goal)

    return [
        compare("boundary lateness p50 (ms)", lambda t: median(t.lateness_s)),
        compare("boundary lateness p99 (ms)", lambda t: percentile(t.lateness_s, 0.99), "< 5"),
        compare("boundary lateness max (ms)", lambda t: max(t.lateness_s)),
        compare("end-of-session drift (ms)", lambda t: t.end_drift_s, "< 5"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--phase", type=float, default=0.5)
    args = parser.parse_args()
    print(render(rows(args.seconds, args.phase)))


if __name__ == "__main__":
    main()

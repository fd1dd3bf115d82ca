"""The async runner on a fake clock, where every boundary lands exactly."""

from __future__ import annotations

import asyncio
import random
import time

from runtimer.engine import commands as c
from runtimer.engine import events as e
from runtimer.engine.machine import Engine, EngineSettings
from runtimer.plan.models import StepKind
from runtimer.plan.phases import Phase, expand
from runtimer.plan.textsyntax import parse_workout_text
from runtimer.session.clock import FakeClock, MonotonicClock
from runtimer.session.runner import Runner
from tests.support.runners import runner_for

CORE = "10m warmup, 8x(40s sprint, 2m jog), 5m cooldown"


async def test_the_core_workout_on_a_fake_clock_lands_every_boundary_exactly() -> None:
    clock = FakeClock(start=0.0)
    runner = runner_for(CORE, clock)
    seen: list[tuple[float, e.Event]] = []
    runner.subscribe(lambda event: seen.append((clock.now(), event)))
    task = asyncio.create_task(runner.run())
    runner.send(c.Start())
    await clock.advance(2183)
    summary = await asyncio.wait_for(task, 1)
    assert summary is not None and summary.status == "completed"
    starts = [at for at, event in seen if isinstance(event, e.PhaseStarted)]
    expected = [3.0]
    for phase in expand(parse_workout_text(CORE))[:-1]:
        expected.append(expected[-1] + (phase.duration or 0))
    assert starts == expected
    assert [at for at, event in seen if isinstance(event, e.SessionFinished)] == [2183.0]


async def test_commands_reach_the_engine_while_it_runs() -> None:
    clock = FakeClock(start=0.0)
    runner = runner_for("60s jog, 30s sprint", clock, lead_in=0)
    task = asyncio.create_task(runner.run())
    runner.send(c.Start())
    await clock.advance(20)
    runner.send(c.Pause())
    await clock.advance(300)
    assert runner.snapshot().remaining_s == 40
    runner.send(c.Resume())
    await clock.advance(40)
    assert runner.snapshot().index == 1
    runner.send(c.Stop())
    summary = await asyncio.wait_for(task, 1)
    assert summary is not None and summary.status == "stopped" and summary.active_s == 60


async def test_a_slow_or_failing_subscriber_cannot_delay_a_boundary() -> None:
    clock = MonotonicClock()
    phases = [Phase(StepKind.SPRINT, 0.3)] * 4
    runner = Runner(Engine(phases, EngineSettings(lead_in_s=0)), clock)
    prompt: list[tuple[float, e.Event]] = []

    async def slow(event: e.Event) -> None:
        if isinstance(event, e.SessionStarted):
            await asyncio.sleep(1.5)  # longer than the whole session

    def broken(_event: e.Event) -> None:
        raise RuntimeError("a subscriber bug")

    runner.subscribe(slow)
    runner.subscribe(broken)
    runner.subscribe(lambda event: prompt.append((time.monotonic(), event)))
    start = clock.now()
    runner.send(c.Start())
    summary = await runner.run()
    assert summary is not None and summary.status == "completed"
    starts = [at - start for at, event in prompt if isinstance(event, e.PhaseStarted)]
    assert len(starts) == 4
    lateness = [actual - ideal for actual, ideal in zip(starts, [0, 0.3, 0.6, 0.9], strict=True)]
    assert max(lateness) < 0.3, lateness  # the slow one would add 1.5 s; the rest is the machine


async def test_snapshot_moves_with_the_clock_not_with_ticks() -> None:
    clock = FakeClock(start=0.0)
    runner = runner_for("60s jog", clock, lead_in=0)
    runner.send(c.Start())
    clock._now = 12.5  # no task runs: the snapshot still reads the clock
    snapshot = runner.snapshot()
    assert snapshot.remaining_s == 47.5 and snapshot.elapsed_s == 12.5


async def test_pauses_at_awkward_moments_never_leave_the_runner_spinning() -> None:
    """Active and monotonic time round apart by a bit; a wake-up must still find its mark due."""
    rnd = random.Random(2026)
    for _ in range(40):
        clock = FakeClock(start=rnd.uniform(0, 1e6))
        runner = runner_for("3x(7s sprint, 13s jog)", clock, lead_in=0)
        task = asyncio.create_task(runner.run())
        runner.send(c.Start())
        for _ in range(8):
            await clock.advance(rnd.uniform(0.01, 3.3))
            runner.send(c.Toggle())
            await clock.advance(rnd.uniform(0.01, 2.7))
            runner.send(c.Toggle())
        await clock.advance(200)
        summary = await asyncio.wait_for(task, 2)
        assert summary is not None and summary.active_s == 60

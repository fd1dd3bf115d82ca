"""The async runner on the real clock, briefly: the fake clock's exactness is only worth as much as this."""

from __future__ import annotations

import time

from runtimer.engine import commands as c
from runtimer.engine import events as e
from runtimer.session.clock import MonotonicClock
from tests.support.runners import runner_for


async def test_the_real_clock_runs_a_short_session_on_time() -> None:
    clock = MonotonicClock()
    runner = runner_for("2x(1s sprint, 1s jog)", clock, lead_in=1)
    ends: list[float] = []
    runner.subscribe(
        lambda event: ends.append(time.monotonic()) if isinstance(event, e.SessionFinished) else None
    )
    start = clock.now()
    runner.send(c.Start())
    summary = await runner.run()
    assert summary is not None and summary.active_s == 4
    # Never early; late only by a wake-up, which a loaded machine can stretch to tens of ms.
    assert -0.01 < ends[0] - start - 5.0 < 0.25

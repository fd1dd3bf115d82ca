"""Time for the runner: the real monotonic clock, and a fake one for tests.

The engine never reads a clock; the runner asks one of these. Waiting is part
of the clock because the fake clock has to decide when waiting ends.
"""

from __future__ import annotations

import asyncio
import time
from typing import Protocol

LONG_WAIT_S = 1.0
"""Waits longer than this wake late by about 0.1 % of their length (timer slack,
measured here: ``asyncio.sleep(30)`` woke 23-31 ms late), so a long wait is cut
into legs of at most a second, each re-aimed at the absolute deadline."""


FINAL_BLOCK_S = 0.0015
"""The last stretch before a deadline, slept without the event loop: short enough
that nothing waits on it noticeably, long enough to cover the loop's rounding."""


class Clock(Protocol):
    def now(self) -> float:
        """Monotonic seconds."""
        ...

    async def wait(self, wake: asyncio.Event, deadline: float | None) -> None:
        """Return at ``deadline`` (monotonic), or sooner when ``wake`` is set."""
        ...


class MonotonicClock:
    def now(self) -> float:
        return time.monotonic()

    async def wait(self, wake: asyncio.Event, deadline: float | None) -> None:
        while not wake.is_set():
            if deadline is None:
                await wake.wait()
                return
            remaining = deadline - time.monotonic()
            if remaining <= FINAL_BLOCK_S:
                # asyncio rounds its timeouts up to whole milliseconds; the last
                # sliver is slept in the thread, which lands a fraction of that late.
                if remaining > 0:
                    time.sleep(remaining)
                await asyncio.sleep(0)
                return
            try:
                async with asyncio.timeout(min(remaining - FINAL_BLOCK_S, LONG_WAIT_S)):
                    await wake.wait()
            except TimeoutError:
                continue


class FakeClock:
    """A clock that moves only when a test says so, and exactly to each deadline.

    :meth:`advance` stops at every deadline a waiter asked for, so the runner sees
    each boundary at its ideal time, then lets the event loop settle before moving on.
    """

    SETTLE_ROUNDS = 50

    def __init__(self, start: float = 1000.0) -> None:
        self._now = start
        self._waiters: list[tuple[float, asyncio.Future[bool]]] = []

    def now(self) -> float:
        return self._now

    async def wait(self, wake: asyncio.Event, deadline: float | None) -> None:
        if wake.is_set() or (deadline is not None and deadline <= self._now):
            await asyncio.sleep(0)
            return
        loop = asyncio.get_running_loop()
        due: asyncio.Future[bool] = loop.create_future()
        if deadline is not None:
            self._waiters.append((deadline, due))
        woken: asyncio.Future[bool] = asyncio.ensure_future(wake.wait())
        try:
            await asyncio.wait({due, woken}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            woken.cancel()
            self._waiters = [(at, future) for at, future in self._waiters if future is not due]

    async def advance(self, seconds: float) -> None:
        target = self._now + seconds
        await self.settle()
        while True:
            pending = [at for at, future in self._waiters if at <= target and not future.done()]
            if not pending:
                break
            self._now = max(self._now, min(pending))
            for at, future in self._waiters:
                if at <= self._now and not future.done():
                    future.set_result(True)
            await self.settle()
        self._now = target
        await self.settle()

    async def settle(self) -> None:
        """Let every task that can run, run; tests call this after sending commands."""
        for _ in range(self.SETTLE_ROUNDS):
            await asyncio.sleep(0)

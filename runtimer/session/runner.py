"""The async shell around the engine: the only place that owns time.

It waits for whichever comes first, the engine's next due moment or a
command, feeds the engine, and hands events to subscribers through their own
queues, so a slow subscriber (a history write, a busy screen) delays only
itself and never the next phase boundary.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Awaitable, Callable

from runtimer.engine import commands as c
from runtimer.engine import events as e
from runtimer.engine.machine import Engine, Snapshot, State
from runtimer.session.clock import Clock

Subscriber = Callable[[e.Event], Awaitable[None] | None]
DRAIN_TIMEOUT_S = 5.0
"""How long the end of a session waits for subscribers to finish their queues."""

log = logging.getLogger(__name__)


class Runner:
    def __init__(self, engine: Engine, clock: Clock) -> None:
        self.engine = engine
        self.clock = clock
        self._wake = asyncio.Event()
        self._queues: list[tuple[Subscriber, asyncio.Queue[e.Event]]] = []
        self._tasks: list[asyncio.Task[None]] = []

    def subscribe(self, subscriber: Subscriber) -> None:
        """Register before :meth:`run`; each subscriber gets every event, in order."""
        self._queues.append((subscriber, asyncio.Queue()))

    def send(self, command: c.Command) -> list[e.Event]:
        """Apply a command now; the events reach subscribers and are returned."""
        events = self.engine.handle(command, self.clock.now())
        self._publish(events)
        self._wake.set()
        return events

    def snapshot(self) -> Snapshot:
        return self.engine.snapshot(self.clock.now())

    @property
    def finished(self) -> bool:
        return self.engine.state in (State.FINISHED, State.STOPPED)

    async def run(self) -> e.Summary | None:
        """Drive the engine until the session finishes or stops; return its summary."""
        self._tasks = [
            asyncio.create_task(self._deliver(subscriber, queue)) for subscriber, queue in self._queues
        ]
        try:
            while not self.finished:
                self._wake.clear()
                await self.clock.wait(self._wake, self.engine.next_due())
                self._publish(self.engine.handle(c.Tick(), self.clock.now()))
            await self._drain()
        finally:
            for task in self._tasks:
                task.cancel()
        return self.engine.summary

    def _publish(self, events: list[e.Event]) -> None:
        for event in events:
            for _, queue in self._queues:
                queue.put_nowait(event)

    async def _drain(self) -> None:
        try:
            async with asyncio.timeout(DRAIN_TIMEOUT_S):
                for _, queue in self._queues:
                    await queue.join()
        except TimeoutError:
            log.warning("a subscriber did not finish its events within %s s", DRAIN_TIMEOUT_S)

    @staticmethod
    async def _deliver(subscriber: Subscriber, queue: asyncio.Queue[e.Event]) -> None:
        while True:
            event = await queue.get()
            try:
                result = subscriber(event)
                if inspect.isawaitable(result):
                    await result
            except Exception:
                log.exception("subscriber %r failed on %r; the session goes on", subscriber, event)
            finally:
                queue.task_done()

"""Writing a session to history while it runs, so a crash or a kill loses at most the phase in progress.

:class:`SessionRecorder` is a :class:`~runtimer.session.runner.Runner` subscriber: the
row is begun when the session starts, each phase is written the moment it
ends, progress (reps done, reps planned, rest changes) as it changes, and the
final status at the end. Whatever the process dies of, the file holds
everything up to the last phase boundary, and the next open of the store marks
the row stopped.

Store calls may wait up to a second on another runtimer's lock (the busy
timeout), so each runs in a worker thread: the event loop keeps drawing the
countdown, and the runner gives each subscriber its own queue, so not even the
other subscribers wait. The store is safe to call from a thread: its
connection is opened with ``check_same_thread=False`` and every call takes the
store's own lock.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import ParamSpec, TypeVar

from runtimer.config.settings import ActivityFormat
from runtimer.engine import events as e
from runtimer.errors import UserError
from runtimer.records import FinalStatus
from runtimer.store.null import HistoryStore

_P = ParamSpec("_P")

_T = TypeVar("_T")

log = logging.getLogger(__name__)


def utc_now() -> datetime:
    """Wall-clock time, zone-aware: history keeps UTC and shows local time."""
    return datetime.now(UTC)


class SessionRecorder:
    """Keeps one session's history row up to date, event by event.

    Rows mirror the engine's :attr:`Summary.runs <runtimer.engine.events.Summary.runs>`:
    one row per stretch actually run, in running order, numbered by a running
    position rather than the phase index, because "back" runs a phase again and
    both runs happened. Skipped, backed-out and stopped runs are kept with the
    time they really took.
    """

    def __init__(
        self,
        store: HistoryStore,
        workout: str,
        plan_text: str,
        reps_planned: int,
        rest_s: float | None,
        now: Callable[[], datetime] = utc_now,
        export_to: tuple[Path, ActivityFormat] | None = None,
        plan_day: date | None = None,
    ) -> None:
        self._store = store
        self._plan_day = plan_day
        """The training plan's day this session is run for, kept with its row."""
        self._workout = workout
        self._plan_text = plan_text
        self._reps_planned = reps_planned
        self._rest_s = rest_s
        self._now = now
        self._session_id: int | None = None
        self._position = 0
        self._laps: list[e.Split] = []
        """Laps of the phase running now, written with it when it ends."""
        self._reps_done: set[tuple[int, int]] = set()
        self._rest_adjust_s = 0.0
        # FIFO, so a call from outside the runner (the gassed answer) lands
        # after every event already being written, in the order things happened.
        self._in_order = asyncio.Lock()
        self._lost_a_record = False
        self._export_to = export_to
        self.exported: str | None = None
        """Where the activity file went when the session ended (or why it did not), for the summary."""
        # Taken once here (the store is not in use yet, so this cannot wait on
        # its lock): a "history off" reason shows before the session starts.
        self._notices = store.take_notices()

    @property
    def session_id(self) -> int | None:
        """The history row's id once the session has started; ``None`` before."""
        return self._session_id

    def take_notices(self) -> list[str]:
        """The store's messages (and the recorder's own), each handed out once.

        Collected in the worker thread after every store call, so asking here
        never waits on the store's lock and never freezes the screen.
        """
        notices, self._notices = self._notices, []
        return notices

    async def __call__(self, event: e.Event) -> None:
        match event:
            case e.SessionStarted():
                self._session_id = await self._write(
                    self._store.begin,
                    self._workout,
                    self._plan_text,
                    self._now(),
                    self._reps_planned,
                    self._rest_s,
                    self._plan_day,
                )
            case e.LapRecorded(split=split):
                # Inside a timed phase, or just before the PhaseEnded of a phase the lap ended.
                self._laps.append(split)
            case e.PhaseEnded(run=run):
                await self._record_phase(run)
            case e.RestAdjusted(rest_s=rest_s, total_adjust_s=total):
                self._rest_s, self._rest_adjust_s = rest_s, total
                await self._write_progress()
            case e.RepsChanged(block=block, reps=reps, reps_planned=planned):
                self._reps_changed(block, reps, planned)
                await self._write_progress()
            case e.SessionFinished(summary=summary):
                await self._finish("completed", summary)
                await self._export()
            case e.SessionStopped(summary=summary):
                await self._finish("stopped", summary)
                await self._export()

    async def answer_gassed(self, gassed: bool | None) -> None:
        """Keep the summary's answer to "were you gassed on the last sprint?" (``None``: skipped)."""
        if self._session_id is not None:
            await self._write(self._store.set_gassed, self._session_id, gassed)

    async def _record_phase(self, run: e.PhaseRun) -> None:
        laps = [lap.split_s for lap in self._laps if lap.index == run.index]
        self._laps = []
        if self._session_id is None:
            return
        # A phase the lap key ended gets its split: the phase's own time to the
        # line, comparable across reps and sessions. A timed phase can hold any
        # number of laps, each timed from the one before, so none of them stands
        # for the phase: they are kept as its list of laps.
        split_s = None
        if run.ended_by is e.EndedBy.LAP and laps:
            split_s = laps.pop()
        position, self._position = self._position, self._position + 1
        await self._write(
            self._store.record_phase,
            self._session_id,
            position,
            run.phase.kind,
            run.phase.rep,
            run.planned_s,
            run.actual_s,
            split_s,
            run.phase.target_split_s if split_s is not None else None,
            laps,
            started_s=run.started_s,
            pauses=[(pause.at_s, pause.length_s) for pause in run.pauses],
            distance_m=None if run.phase.distance is None else run.phase.distance.metres,
            ended_by=run.ended_by.value,
        )
        rep = _rep_run_in_full(run)
        if rep is not None and rep not in self._reps_done:
            self._reps_done.add(rep)
            await self._write_progress()

    def _reps_changed(self, block: int, reps: int, planned: int) -> None:
        """Keep the plan as the runner left it ("one more rep", "finish after this rep").

        A rep the block no longer has is no longer done either: "back" can reach
        into an earlier rep after a later one ran, and "finish after this rep"
        then drops the later one, as the engine's own count does.
        """
        self._reps_planned = planned
        self._reps_done = {(b, rep) for b, rep in self._reps_done if b != block or rep <= reps}

    async def _write_progress(self) -> None:
        """Reps done of reps planned, so a session that dies mid-way still tells progression how far it got.

        A rep counts once an effort in it has run in full, counted once however
        often "back" repeats it. For one effort per rep (every running workout)
        that is the engine's own count; in a circuit with several efforts per
        rep it counts the rep in progress early. :meth:`_finish` writes the
        engine's exact figure, so the estimate outlives only a crash.
        """
        if self._session_id is not None:
            await self._write(
                self._store.update_progress,
                self._session_id,
                len(self._reps_done),
                self._reps_planned,
                self._rest_adjust_s,
                self._rest_s,
            )

    async def _finish(self, status: FinalStatus, summary: e.Summary) -> None:
        if self._session_id is None:  # stopped before it started: there is no row to close
            return
        await self._write(
            self._store.finish,
            self._session_id,
            status,
            self._now(),
            summary.reps_done,
            summary.reps_planned,
            summary.rest_adjust_s,
            summary.rest_s,
        )

    async def _export(self) -> None:
        """Write the session, as history now holds it, to the export folder: after the history, never
        before it, and a failure is a line on the summary, not a risk to the record."""
        if self._export_to is None or self._session_id is None:
            return
        folder, fmt = self._export_to
        try:
            async with self._in_order:
                path = await asyncio.to_thread(_write_activity, self._store, self._session_id, folder, fmt)
        except Exception as error:
            log.warning("could not export session %s", self._session_id, exc_info=True)
            self.exported = f"Not exported: {error}"
            self._notices.append(f"export: {error}")
            return
        self.exported = f"Saved to {path}"

    async def _write(self, method: Callable[_P, _T], *args: _P.args, **kwargs: _P.kwargs) -> _T | None:
        """Run one store call in a worker thread, in order; a failure costs the record, not the session.

        The store promises not to raise once open, and reports its own outages;
        if it raises anyway (a bug, a store that is not a :class:`SessionStore`)
        that record is gone, so the runner hears it once per session (more would
        say nothing new) and the session carries on.
        """
        async with self._in_order:
            try:
                result, notices = await asyncio.to_thread(
                    lambda: (method(*args, **kwargs), self._store.take_notices())
                )
            except Exception as error:
                log.warning("history store call %r failed", method, exc_info=True)
                if not self._lost_a_record:
                    self._lost_a_record = True
                    self._notices.append(f"history: could not save ({error}); this session may be incomplete")
                return None
        self._notices.extend(notices)
        return result


def _write_activity(store: HistoryStore, session_id: int, folder: Path, fmt: ActivityFormat) -> Path:
    """Read the session back and write its activity file (the FIT SDK loads only now, off the event loop)."""
    from runtimer.interop.files import write_activity

    records = store.sessions(only=session_id)
    if not records:
        raise UserError("history holds no record of this session, so there is nothing to export")
    return write_activity(records[0], fmt, folder)


def _rep_run_in_full(run: e.PhaseRun) -> tuple[int, int] | None:
    """The (block, rep) of an effort that ran in full: the recorder's sign that the rep is done."""
    phase = run.phase
    if not run.completed or phase.kind.is_recovery or phase.block is None or phase.rep is None:
        return None
    return phase.block, phase.rep

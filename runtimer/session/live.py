"""One session while it runs: the engine, the runner that owns its time, its cues and its history row.

Built once per session, by the app, from the plan the runner chose; the
screens only display it and forward keys. Keeping the wiring here (rather than
in the session screen) means the summary screen, the tests and any later face
(a watch, a hook) see the same session through the same few methods.
"""

from __future__ import annotations

from collections.abc import Sequence

from runtimer.audio.base import AudioOutput
from runtimer.audio.cues import CuePlayer
from runtimer.config.settings import Settings
from runtimer.engine import commands as c
from runtimer.engine import events as e
from runtimer.engine.machine import Engine, Snapshot
from runtimer.session.clock import Clock
from runtimer.session.prepare import PreparedSession
from runtimer.session.recorder import SessionRecorder
from runtimer.session.runner import Runner, Subscriber
from runtimer.store.null import HistoryStore


class LiveSession:
    def __init__(
        self,
        prepared: PreparedSession,
        *,
        clock: Clock,
        audio: AudioOutput,
        store: HistoryStore,
        settings: Settings,
    ) -> None:
        self.prepared = prepared
        self.audio = audio
        self.engine = Engine(prepared.phases, settings.engine_settings())
        self._runner = Runner(self.engine, clock)
        self._cues = CuePlayer(audio, settings.announce, settings.metronome)
        export = settings.export_path
        self._recorder = SessionRecorder(
            store,
            prepared.name,
            prepared.plan_text,
            prepared.reps_planned,
            prepared.rest_s,
            export_to=None if export is None else (export, settings.export_format),
            plan_day=prepared.plan_day,
        )
        self._runner.subscribe(self._cues)
        self._runner.subscribe(self._recorder)

    def subscribe(self, subscriber: Subscriber) -> None:
        """Hear every event of the session, in order; only before :meth:`run`."""
        self._runner.subscribe(subscriber)

    def start(self) -> None:
        """Begin the lead-in now; :meth:`run`, in a task, carries the session on from there."""
        self._runner.send(c.Start())

    async def run(self) -> e.Summary | None:
        """Run until the session finishes or stops; return its summary (``None`` if never started)."""
        return await self._runner.run()

    def send(self, command: c.Command) -> list[e.Event]:
        return self._runner.send(command)

    def snapshot(self) -> Snapshot:
        return self._runner.snapshot()

    @property
    def finished(self) -> bool:
        """Finished or stopped: nothing more will happen."""
        return self._runner.finished

    @property
    def summary(self) -> e.Summary | None:
        return self.engine.summary

    @property
    def session_id(self) -> int | None:
        """The history row, once the session has started."""
        return self._recorder.session_id

    def warnings(self) -> Sequence[str]:
        """What the runner should hear about before starting: history off, a sound file skipped."""
        return [*self._recorder.take_notices(), *self.audio.problems]

    @property
    def exported(self) -> str | None:
        """Where the activity file went (or why not) once the session ended; ``None`` without export_dir."""
        return self._recorder.exported

    @property
    def metronome_on(self) -> bool:
        return self._cues.metronome_on

    def set_metronome(self, on: bool) -> None:
        self._cues.set_metronome(on, self.snapshot().phase_elapsed_s)

    async def answer_gassed(self, gassed: bool | None) -> None:
        """The summary's question, kept with the session ("not gassed" shortens the next rests)."""
        await self._recorder.answer_gassed(gassed)

    def stop(self) -> None:
        """End the session now, keeping it as stopped; the runner drains what is left to record."""
        if not self.finished:
            self._runner.send(c.Stop())

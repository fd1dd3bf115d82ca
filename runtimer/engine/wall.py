"""Where each phase sat on the clock: when it began after the start, and the pauses inside it.

The engine keeps phases in active time, which is all a countdown needs. A
training log needs the clock as well: a FIT or TCX lap has a start time, an
elapsed time that counts its pauses and a timer time that does not. This
ledger keeps those books beside the engine's, in the same monotonic seconds it
is told, so the recorder can write them with each phase and an exporter can
lay the laps on the wall clock without guessing.
"""

from __future__ import annotations

from runtimer.engine.active_time import ActiveTime
from runtimer.engine.events import EndedBy, Pause, PhaseRun
from runtimer.plan.phases import Phase


class WallLedger:
    def __init__(self, time: ActiveTime) -> None:
        self._time = time
        self.now = 0.0
        """The moment of the command being handled: the engine sets it before anything else."""
        self.started = 0.0
        """The monotonic moment of Start (the lead-in's beginning): what offsets count from."""
        self._phase_began = 0.0
        self._pauses: list[Pause] = []
        self._paused: tuple[float, float] | None = None
        """While paused: (active seconds into the phase, the monotonic moment the pause began)."""

    def _moment(self, active: float) -> float:
        """When active time was ``active``: a boundary crossed while running, or now, when held.

        While running, a command's own active time maps to ``now`` as well.
        """
        return self.now if self._paused is not None else self._time.moment(active)

    def enter(self, at_active: float) -> None:
        """A phase begins; a pause still running carries over to its start."""
        self._phase_began = self._moment(at_active)
        self._pauses = []
        if self._paused is not None:
            self._paused = (0.0, self._phase_began)

    def pause_or_resume(self, in_phase_s: float, running: bool) -> None:
        """The session paused ``in_phase_s`` active seconds into the phase, or ran on."""
        if not running:
            self._paused = (in_phase_s, self.now)
        elif self._paused is not None:
            at_s, since = self._paused
            self._pauses.append(Pause(at_s, self.now - since))
            self._paused = None

    def run(self, index: int, phase: Phase, actual_s: float, ended_by: EndedBy) -> PhaseRun:
        """The phase's run, ending now or at the boundary just crossed; a pause still running ends here."""
        pauses = list(self._pauses)
        if self._paused is not None:
            at_s, since = self._paused
            pauses.append(Pause(at_s, self.now - since))
        started_s = self._phase_began - self.started
        return PhaseRun(index, phase, phase.duration, actual_s, ended_by, started_s, tuple(pauses))

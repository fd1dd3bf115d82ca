"""Everything a screen needs from outside the UI, handed in rather than looked up.

The CLI builds real services (:func:`runtimer.launch.run_app`); tests build
them with a fake clock, a recording audio output and a store in a temporary
folder. Screens never construct these.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from runtimer.audio.base import AudioOutput
from runtimer.config.settings import Settings
from runtimer.plan.loader import Catalogue
from runtimer.session.clock import Clock
from runtimer.session.live import LiveSession
from runtimer.session.prepare import PreparedSession
from runtimer.store.null import HistoryStore

if TYPE_CHECKING:
    from runtimer.coach.goal import Goal
    from runtimer.coach.planner import TrainingPlan


@dataclass
class Services:
    clock: Clock
    audio: AudioOutput
    store: HistoryStore
    settings: Settings
    catalogue: Catalogue
    today: Callable[[], date] = field(default=date.today)
    goal: Goal | None = None
    """The race goal (``runtimer goal``): the pace of ``@goal`` steps and the 400s' target."""
    plan: TrainingPlan | None = None
    """The week-by-week plan (``runtimer plan``), when there is one: the picker opens on today's session."""
    notices: tuple[str, ...] = ()
    """What the runner should know but that does not stop the app (a plan.toml with a mistake in it)."""

    def live_session(self, prepared: PreparedSession) -> LiveSession:
        """The one place a session is wired up, whether ``runtimer run`` or the picker started it."""
        return LiveSession(
            prepared, clock=self.clock, audio=self.audio, store=self.store, settings=self.settings
        )

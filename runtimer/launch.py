"""Builds the real app: real clock, real sound (or the bell), real history.

Kept apart from the CLI's argument handling so the CLI stays about arguments,
and apart from the app so tests can build the app with fakes instead.
"""

from __future__ import annotations

from runtimer.audio.simpleaudio_out import open_audio
from runtimer.config.settings import Settings
from runtimer.entry import first_frame_shown
from runtimer.plan.loader import Catalogue
from runtimer.session.clock import MonotonicClock
from runtimer.session.prepare import PreparedSession
from runtimer.store.null import HistoryStore
from runtimer.tui.app import RuntimerApp
from runtimer.tui.services import Services


def launch(
    catalogue: Catalogue,
    settings: Settings,
    store: HistoryStore,
    start: PreparedSession | None = None,
    mute: bool = False,
) -> None:
    """Run the app until the runner quits; close sound and history however it ends.

    Sound opens before the UI (the device probe briefly borrows the terminal's
    stderr), but its fallback rings the app's bell, so the bell is bound late.
    """
    bell = _LateBell()
    audio = open_audio(bell)
    services = Services(MonotonicClock(), audio, store, settings, catalogue)

    def after_first_frame() -> None:
        first_frame_shown()
        services.audio.warm_up()

    app = RuntimerApp(services, start, handle_signals=True, first_frame_shown=after_first_frame)
    bell.app = app
    services.audio.set_volume(settings.volume)
    services.audio.set_muted(mute or settings.muted)
    try:
        app.run()
    finally:
        services.audio.close()
        store.close()


class _LateBell:
    app: RuntimerApp | None = None

    def __call__(self) -> None:
        if self.app is not None:
            self.app.bell()

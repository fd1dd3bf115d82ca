"""The one factory for the app, and the real launch: real clock, real sound (or the bell), real history.

:func:`build_app` is what every caller uses: the CLI through :func:`run_app`,
and the Pilot and snapshot tests with fakes in the services. Keeping the
factory here, apart from the CLI's argument handling, lets the CLI stay about
arguments and the app stay about screens.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from runtimer.audio.simpleaudio_out import open_audio
from runtimer.config.settings import Settings
from runtimer.errors import UserError
from runtimer.plan.loader import Catalogue
from runtimer.session.clock import MonotonicClock
from runtimer.session.prepare import PreparedSession
from runtimer.store.null import HistoryStore
from runtimer.tui.app import RuntimerApp
from runtimer.tui.services import Services

if TYPE_CHECKING:
    from runtimer.coach.goal import Goal
    from runtimer.coach.planner import TrainingPlan


def build_app(
    services: Services,
    start: PreparedSession | None = None,
    *,
    handle_signals: bool = False,
    first_frame_shown: Callable[[], None] | None = None,
) -> RuntimerApp:
    """The app for ``services``; with ``start`` it opens that session at once, as ``runtimer run`` does.

    ``handle_signals`` only for a real terminal: tests share their process and
    event loop with pytest.
    """
    return RuntimerApp(services, start, handle_signals=handle_signals, first_frame_shown=first_frame_shown)


def run_app(
    catalogue: Catalogue,
    settings: Settings,
    store: HistoryStore,
    start: PreparedSession | None = None,
    mute: bool = False,
    goal: Goal | None = None,
    plan: TrainingPlan | None = None,
    notices: Sequence[str] = (),
) -> None:
    """Run the app until the runner quits; close sound and history however it ends.

    Sound opens before the UI (the device probe briefly borrows the terminal's
    stderr), but its fallback rings the app's bell, so the bell is bound late.
    """
    try:
        keys_from_the_terminal()
    except UserError:
        store.close()
        raise
    bell = _LateBell()
    audio = open_audio(bell)
    services = Services(
        MonotonicClock(), audio, store, settings, catalogue, goal=goal, plan=plan, notices=tuple(notices)
    )

    def after_first_frame() -> None:
        end_start_up()
        audio.warm_up()

    app = build_app(services, start, handle_signals=True, first_frame_shown=after_first_frame)
    bell.app = app
    audio.set_volume(settings.volume)
    audio.set_muted(mute or settings.muted)
    try:
        app.run()
    finally:
        audio.close()
        store.close()


def keys_from_the_terminal() -> None:
    """Read keys from the terminal even when stdin is not it (``runtimer run intervals < /dev/null``).

    Textual reads keys from stdin: from /dev/null it would draw the session and then wait at
    the summary for keys that never come, with no way out but a kill. Like ``less`` and ``fzf``,
    runtimer takes them from the controlling terminal instead; with none at all (cron, a
    service), it says so rather than open a screen nobody can answer.
    """
    if os.isatty(0):
        return
    try:
        terminal = os.open("/dev/tty", os.O_RDWR)
    except OSError:
        raise UserError(
            "the session needs a terminal to read keys from: stdin is not one, and there is no /dev/tty"
        ) from None
    os.dup2(terminal, 0)
    os.close(terminal)


def end_start_up() -> None:
    """End of start-up (see :mod:`runtimer.entry`): freeze what it built, then collect as usual.

    Frozen objects are left out of every later collection, which keeps the
    running session's collections short.
    """
    gc.freeze()
    gc.enable()


class _LateBell:
    app: RuntimerApp | None = None

    def __call__(self) -> None:
        if self.app is not None:
            self.app.bell()

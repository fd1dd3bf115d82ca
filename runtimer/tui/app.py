"""The Textual app: a thin shell that routes between screens.

Everything it needs comes in through :class:`Services`, and it is built by
:func:`runtimer.launch.build_app` alone, so the CLI, the Pilot tests and the
snapshot tests build the same app with different parts.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding

from runtimer.session.prepare import PreparedSession
from runtimer.tui.messages import ShowPicker, StartSession
from runtimer.tui.screens.session import SessionScreen
from runtimer.tui.services import Services

if TYPE_CHECKING:
    from runtimer.tui.screens.picker import PickerScreen

STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)
"""A killed or closed terminal stops the session as a ``q`` would, keeping what was run."""
SHUTDOWN_LIMIT_S = 5.0
"""After a stop signal, the longest the process may take to leave.

Saving the stopped session takes milliseconds. Restoring a terminal that has
gone away can block for ever inside Textual's writer thread (its queue fills
once the thread has died on the closed pty), so a signalled exit is bounded:
the history is already on disk by then, and a stuck process would only keep
holding the history's live lock."""


class RuntimerApp(App[None]):
    CSS_PATH = "common.tcss"
    TITLE = "runtimer"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [  # noqa: RUF012 - Textual reads this class attribute
        Binding("ctrl+q,ctrl+c", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(
        self,
        services: Services,
        start: PreparedSession | None = None,
        handle_signals: bool = False,
        first_frame_shown: Callable[[], None] | None = None,
    ) -> None:
        # The first screen's styles come with the app's own, so the first frame parses the stylesheet
        # once: a screen's CSS_PATH loaded when it is pushed makes Textual parse every source again.
        first = "screens/session.tcss" if start is not None else "screens/picker.tcss"
        super().__init__(css_path=[self.CSS_PATH, first])
        self.services = services
        self.start = start
        self.handle_signals = handle_signals
        """Off in tests, which share their process and event loop with pytest."""
        self.first_frame_shown = first_frame_shown
        """Start-up work deferred until the runner can see the screen (the real launch ends start-up)."""

    def on_mount(self) -> None:
        if self.handle_signals:
            loop = asyncio.get_running_loop()
            for number in STOP_SIGNALS:
                with suppress(NotImplementedError, RuntimeError, ValueError):
                    loop.add_signal_handler(number, self._stop_now, number)
        if self.start is not None:
            self.push_screen(SessionScreen(self.services.live_session(self.start)))
        else:
            self.push_screen(_picker_class()(self.services))

    def on_ready(self) -> None:
        """Textual posts Ready once the first frame is on screen."""
        if self.first_frame_shown is not None:
            self.first_frame_shown()

    def on_start_session(self, message: StartSession) -> None:
        self.push_screen(SessionScreen(self.services.live_session(message.prepared)))

    async def on_show_picker(self, _message: ShowPicker) -> None:
        while len(self.screen_stack) > 2:
            await self.pop_screen()
        picker = _picker_class()
        if isinstance(self.screen, picker):
            self.screen.refresh_history()
        else:
            await self.switch_screen(picker(self.services))

    async def action_quit(self) -> None:
        """Quitting mid-session asks first, and always keeps the session as stopped."""
        session = self._session()
        if session is not None:
            session.action_quit_session()
        else:
            self.exit()

    def _stop_now(self, number: int) -> None:
        watchdog = threading.Timer(SHUTDOWN_LIMIT_S, os._exit, args=(128 + number,))
        watchdog.daemon = True
        watchdog.start()
        session = self._session()
        if session is not None:
            session.stop_and_quit()
        else:
            self.exit()

    def _session(self) -> SessionScreen | None:
        return next((s for s in reversed(self.screen_stack) if isinstance(s, SessionScreen)), None)


def _picker_class() -> type[PickerScreen]:
    """The picker (with its table, inputs and history screen) loads when first shown.

    ``runtimer run`` opens a session without it, and its first frame comes sooner.
    """
    from runtimer.tui.screens.picker import PickerScreen

    return PickerScreen

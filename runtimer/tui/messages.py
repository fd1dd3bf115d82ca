"""Custom messages, in one module: what flows up from the runner to the screens."""

from __future__ import annotations

from textual.message import Message

from runtimer.engine.events import Event
from runtimer.session.prepare import PreparedSession


class SessionEvent(Message):
    """An engine event, delivered to the session screen on the UI's own schedule."""

    def __init__(self, event: Event) -> None:
        super().__init__()
        self.event = event


class ShowPicker(Message):
    """Back to the workout list, from wherever the session ended."""


class StartSession(Message):
    """The picker's choice, for the app to open a session screen with."""

    def __init__(self, prepared: PreparedSession) -> None:
        super().__init__()
        self.prepared = prepared

"""A button for the mouse or a finger: one row of text that presses on a click, never takes focus.

A focused button would swallow Enter and Space, the keys a runner hits
without looking; keys belong to the screen's bindings instead. It is a
Static rather than Textual's Button: the session shows eight of them, and
Button's variants, borders and reactive restyling (five style passes per
button while mounting) cost the first frame tens of milliseconds for looks a
one-row touch target never uses. A press flashes the button, so a tap with a
sweaty finger visibly landed.
"""

from __future__ import annotations

from textual.events import Click
from textual.message import Message
from textual.widgets import Static

from runtimer.tui.widgets.buttonrow import PRESSED_S


class TouchButton(Static, can_focus=False):
    class Pressed(Message):
        """Posted when the button is clicked or tapped."""

        def __init__(self, button: TouchButton) -> None:
            super().__init__()
            self.button = button

        @property
        def control(self) -> TouchButton:
            return self.button

    def __init__(self, label: str, *, id: str, classes: str = "") -> None:
        super().__init__(label, id=id, classes=classes, markup=False)
        self._label = label

    @property
    def label(self) -> str:
        return self._label

    @label.setter
    def label(self, text: str) -> None:
        if text != self._label:
            self._label = text
            self.update(text)

    def on_click(self, event: Click) -> None:
        event.stop()
        self.add_class("-pressed")
        self.set_timer(PRESSED_S, self._release)
        self.post_message(self.Pressed(self))

    def _release(self) -> None:
        self.remove_class("-pressed")

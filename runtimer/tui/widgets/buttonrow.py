"""The session's buttons for a mouse or a finger, drawn as one widget.

Eight :class:`~runtimer.tui.widgets.touch.TouchButton` widgets in a container
cost the session's first frame about 45 M instructions (callgrind) for one
row of text; this draws the same row: equal buttons, one blank cell after
each, the label centred, laid out as Textual lays out ``width: 1fr``
siblings. A click presses the button under it, which lights up for a moment
so a tap with a sweaty finger visibly landed. Buttons never take focus:
Enter and Space belong to the screen's bindings.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual.events import Click
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget

from runtimer.tui.widgets.textrow import shares

GAP = 1
"""Blank cells after each button."""
PRESSED_S = 0.2
"""How long a pressed button stays lit (the dialogs' buttons too)."""


class ButtonRow(Widget, can_focus=False):
    COMPONENT_CLASSES = {"buttonrow--button", "buttonrow--pressed"}  # noqa: RUF012 - Textual reads this

    class Pressed(Message):
        """A button was clicked or tapped; ``action`` is the screen action it stands for."""

        def __init__(self, action: str) -> None:
            super().__init__()
            self.action = action

    def __init__(self, buttons: Sequence[tuple[str, str]], *, id: str) -> None:
        super().__init__(id=id)
        self._labels = dict(buttons)
        """Action -> label, in the order shown."""
        self._hidden: set[str] = set()
        self._pressed: str | None = None
        self._release: Timer | None = None

    @property
    def pressed(self) -> str | None:
        """The button lit by the last tap, while it stays lit."""
        return self._pressed

    def set_label(self, action: str, label: str) -> None:
        if self._labels[action] != label:
            self._labels[action] = label
            self.refresh()

    def set_shown(self, action: str, shown: bool) -> None:
        if (action not in self._hidden) != shown:
            self._hidden.symmetric_difference_update({action})
            self.refresh()

    def placed(self) -> list[tuple[str, int, int]]:
        """(action, start, width) of each button shown, in cells from the row's content edge."""
        actions = [action for action in self._labels if action not in self._hidden]
        return [
            (action, start, width)
            for action, (start, width) in zip(
                actions, shares(self.content_size.width, len(actions), GAP), strict=True
            )
        ]

    def render(self) -> Text:
        normal = self.get_component_rich_style("buttonrow--button")
        lit = self.get_component_rich_style("buttonrow--pressed")
        line = Text(no_wrap=True, overflow="crop", end="")
        for action, start, width in self.placed():
            label = self._labels[action]
            left = max(0, (width - cell_len(label)) // 2)
            cell = (" " * left + label).ljust(width)[:width]
            line.append(" " * (start - line.cell_len))
            line.append(cell, lit if action == self._pressed else normal)
        return line

    def on_click(self, event: Click) -> None:
        event.stop()
        offset = event.get_content_offset(self)
        if offset is None:
            return
        for action, start, width in self.placed():
            if start <= offset.x < start + width:
                self._light(action)
                self.post_message(self.Pressed(action))
                return

    def _light(self, action: str) -> None:
        self._pressed = action
        if self._release is not None:
            self._release.stop()
        self._release = self.set_timer(PRESSED_S, self._unlight)
        self.refresh()

    def _unlight(self) -> None:
        self._pressed = None
        self.refresh()

"""The footer line: the screen's keys, as many as fit, with the ones that must never hide kept last.

Textual's Footer builds a widget for every key and cuts the line off at the
screen's edge. At 80 columns the session's twelve keys lost their end
("Mut"), ``?`` and ``q`` with it, and building those widgets took about a
quarter of the time to the first frame. This draws one line of text instead:
when short of room it leaves out whole keys from the end of the list, but
keeps the pinned ones (help, quit) whenever they work, so the runner sees
where the rest are listed and how to leave. (While a text field has focus,
letter keys type letters and drop out; the picker then offers Esc instead.)
A click on a key presses it, as on Textual's footer.

The line also carries short messages in place of the keys, for a screen that
must not cover anything with a toast (see :meth:`KeyBar.say`).
"""

from __future__ import annotations

import time
from collections.abc import Collection, Sequence

from rich.cells import cell_len
from rich.text import Text
from textual.events import Click
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget

from runtimer.plan.frozen import Frozen
from runtimer.plan.text import visible
from runtimer.tui.labels import shorten

SEPARATOR = "  "


class KeyEntry(Frozen):
    key: str
    """What the key press is, for a click to simulate (``question_mark``)."""
    shown: str
    """How the key is written on screen (``?``)."""
    description: str
    action: str

    @property
    def width(self) -> int:
        return cell_len(self.shown) + 1 + cell_len(self.description)


def fitting(entries: Sequence[KeyEntry], width: int, pinned: Collection[str]) -> list[KeyEntry]:
    """What fits in ``width`` cells: the unpinned entries in order while there is room, then the pinned."""
    kept = [entry for entry in entries if entry.action in pinned]
    used = sum(entry.width for entry in kept) + len(SEPARATOR) * max(0, len(kept) - 1)
    shown: list[KeyEntry] = []
    for entry in (entry for entry in entries if entry.action not in pinned):
        extra = entry.width + len(SEPARATOR) * (1 if shown or kept else 0)
        if used + extra > width:
            break
        shown.append(entry)
        used += extra
    return shown + kept


class KeyBar(Widget):
    COMPONENT_CLASSES = {"keybar--key", "keybar--description", "keybar--message"}  # noqa: RUF012

    def __init__(self, pinned: Collection[str] = (), hidden: Collection[str] = ()) -> None:
        super().__init__()
        self.pinned: Collection[str] = pinned
        """Actions shown whatever the width (help, quit), after the others."""
        self.hidden: Collection[str] = hidden
        """Actions left out although they work: nothing for them to do just now."""
        self._spans: list[tuple[int, int, str]] = []
        """Cells ``[start, end)`` of each key drawn, with the key a click there presses."""
        self._messages: list[tuple[str, float]] = []
        """Said and still running, oldest first, each with when it ends (``time.monotonic``)."""
        self._message_timer: Timer | None = None

    def set_keys(self, pinned: Collection[str], hidden: Collection[str] = ()) -> None:
        """Change which keys must show and which are not worth the room, as the screen's moment changes."""
        if (tuple(pinned), set(hidden)) != (tuple(self.pinned), set(self.hidden)):
            self.pinned, self.hidden = tuple(pinned), tuple(hidden)
            self.refresh()

    def say(self, text: str, seconds: float) -> None:
        """Show ``text`` on this line instead of the keys for ``seconds``.

        The line is always there, so a message moves nothing on the screen; the
        keys are what the runner can best do without for a moment. The newest
        message shows; when it ends, an older one still running (a start-up
        warning) comes back for the rest of its time, then the keys. Messages
        quote file names and history, so control characters are shown, not sent.
        """
        self._messages.append((visible(text), time.monotonic() + seconds))
        self._show_newest()

    def _show_newest(self) -> None:
        now = time.monotonic()
        self._messages = [(text, until) for text, until in self._messages if until > now]
        if self._message_timer is not None:
            self._message_timer.stop()
            self._message_timer = None
        if self._messages:
            self._message_timer = self.set_timer(self._messages[-1][1] - now, self._show_newest)
        self.refresh()

    @property
    def message(self) -> str | None:
        """What the line says instead of the keys just now, if anything."""
        return self._messages[-1][0] if self._messages else None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def _bindings_changed(self, _screen: Screen[object]) -> None:
        self.refresh()

    def entries(self) -> list[KeyEntry]:
        """The screen's shown, enabled bindings (a focused input's too), one per action."""
        entries: dict[str, KeyEntry] = {}
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            action = binding.action
            if binding.show and enabled and action not in entries and action not in self.hidden:
                shown = self.app.get_key_display(binding)
                entries[action] = KeyEntry(binding.key, shown, binding.description, action)
        return list(entries.values())

    def render(self) -> Text:
        if self.message is not None:
            self._spans = []
            style = self.get_component_rich_style("keybar--message")
            return Text(shorten(self.message, self.size.width), style, no_wrap=True, end="")
        key_style = self.get_component_rich_style("keybar--key")
        description_style = self.get_component_rich_style("keybar--description")
        line = Text(no_wrap=True, overflow="crop", end="")
        self._spans = []
        for entry in fitting(self.entries(), self.size.width, self.pinned):
            if line:
                line.append(SEPARATOR)
            start = line.cell_len
            line.append(entry.shown, key_style)
            line.append(" ")
            line.append(entry.description, description_style)
            self._spans.append((start, line.cell_len, entry.key))
        return line

    def on_click(self, event: Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        for start, end, key in self._spans:
            if start <= offset.x < end:
                self.app.simulate_key(key)
                return

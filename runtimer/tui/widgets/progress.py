"""The whole session's progress on one line.

Textual's ProgressBar is three widgets with their own styles and timers; here
the bar changes once a second at most, and a single line of text costs a
fraction of that to redraw.
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


class SessionProgress(Widget):
    COMPONENT_CLASSES = {"progress--done", "progress--left"}  # noqa: RUF012 - Textual reads this

    fraction: reactive[float] = reactive(0.0, layout=False)

    def render(self) -> Text:
        percent = f" {self.fraction:4.0%}"
        width = max(0, self.content_size.width - len(percent))
        done = round(width * min(1.0, max(0.0, self.fraction)))
        bar = Text()
        bar.append("━" * done, style=self.get_component_rich_style("progress--done"))
        bar.append("━" * (width - done), style=self.get_component_rich_style("progress--left"))
        bar.append(percent)
        return bar

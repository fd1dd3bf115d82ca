"""A one-row strip of the whole session: done, current and coming phases.

Each phase takes room in proportion to its length, so the sprints read as
short bright blocks between long recoveries. Colours come from the
stylesheet's component classes, like the screen's own phase colours.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from runtimer.plan.phases import Phase
from runtimer.tui.labels import kind_class

AHEAD, DONE = "▆", "▂"
"""Phases to come stand tall; finished ones sink. Drawn in the phase colour on the
strip's own dark ground, a jog block still shows on the green jog screen."""
OPEN_PHASE_WEIGHT_S = 90.0
"""How much room a lap-ended phase takes, having no length of its own."""


def segment_widths(durations: Sequence[float], width: int) -> list[int]:
    """Split ``width`` cells in proportion, every phase at least one cell when room allows."""
    if not durations or width <= 0:
        return []
    total = sum(durations) or 1.0
    widths = [max(1, int(width * d / total)) for d in durations]
    while sum(widths) > width and max(widths) > 1:
        widths[widths.index(max(widths))] -= 1
    spare = width - sum(widths)
    order = sorted(range(len(durations)), key=lambda i: durations[i], reverse=True)
    for i in range(max(0, spare)):
        widths[order[i % len(order)]] += 1
    return widths


class Timeline(Widget):
    COMPONENT_CLASSES = {  # noqa: RUF012 - Textual reads this class attribute
        "timeline--warmup",
        "timeline--sprint",
        "timeline--run",
        "timeline--recovery",
        "timeline--cooldown",
        "timeline--exercise",
        "timeline--current",
    }

    phases: reactive[tuple[Phase, ...]] = reactive((), layout=False)
    current: reactive[int] = reactive(-1, layout=False)

    def render(self) -> Text:
        width = self.content_size.width
        durations = [p.duration if p.duration is not None else OPEN_PHASE_WEIGHT_S for p in self.phases]
        strip = Text()
        if len(durations) > width:
            return Text(f"{self.current + 1} / {len(durations)}")
        current = Style(color=self.get_component_rich_style("timeline--current").color, bold=True)
        for index, (phase, cells) in enumerate(
            zip(self.phases, segment_widths(durations, width), strict=True)
        ):
            colour = Style(color=self.get_component_rich_style(f"timeline--{kind_class(phase.kind)}").color)
            if index < self.current:
                strip.append(DONE * cells, style=colour)
            elif index == self.current:
                strip.append("▶", style=current)
                strip.append(AHEAD * (cells - 1), style=colour)
            else:
                strip.append(AHEAD * cells, style=colour)
        return strip

"""The countdown in digits big enough to read from a treadmill.

Textual's ``Digits`` is three rows tall; a runner a metre or two away needs
more. This draws a five-row block font and scales it by whole cells to fill
whatever room the layout gives it, keeping the digits roughly square.
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

GLYPH_ROWS = 5
_FONT = {
    "0": ["███", "█ █", "█ █", "█ █", "███"],
    "1": [" █ ", "██ ", " █ ", " █ ", "███"],
    "2": ["███", "  █", "███", "█  ", "███"],
    "3": ["███", "  █", "███", "  █", "███"],
    "4": ["█ █", "█ █", "███", "  █", "  █"],
    "5": ["███", "█  ", "███", "  █", "███"],
    "6": ["███", "█  ", "███", "█ █", "███"],
    "7": ["███", "  █", "  █", "  █", "  █"],
    "8": ["███", "█ █", "███", "█ █", "███"],
    "9": ["███", "█ █", "███", "  █", "███"],
    ":": [" ", "█", " ", "█", " "],
    "+": ["   ", " █ ", "███", " █ ", "   "],
    "-": ["   ", "   ", "███", "   ", "   "],
    " ": ["  ", "  ", "  ", "  ", "  "],
}


def block_width(text: str) -> int:
    """Width in cells at scale 1, with one blank column between glyphs."""
    return sum(len(_FONT[char][0]) for char in text) + max(0, len(text) - 1)


def render_block(text: str, x_scale: int, y_scale: int) -> list[str]:
    rows = []
    for row in range(GLYPH_ROWS):
        gap = " " * x_scale
        line = gap.join("".join(cell * x_scale for cell in _FONT[char][row]) for char in text)
        rows.extend([line] * y_scale)
    return rows


def fit_scale(text: str, width: int, height: int) -> tuple[int, int] | None:
    """The largest whole-cell scale that fits; ``None`` when even scale 1 does not.

    Terminal cells are about twice as tall as wide, so two columns per row
    keeps the strokes square.
    """
    natural = block_width(text)
    y_scale = min(height // GLYPH_ROWS, width // (2 * natural))
    if y_scale >= 1:
        return 2 * y_scale, y_scale
    if height >= GLYPH_ROWS and width >= natural:
        return 1, 1
    return None


class BigClock(Widget):
    """Shows ``text`` (like ``01:45``) as large as the widget's size allows."""

    text: reactive[str] = reactive("00:00", layout=False)

    def render(self) -> Text:
        width, height = self.content_size
        scale = fit_scale(self.text, width, height)
        if scale is None:
            return Text(self.text, style="bold")
        return Text("\n".join(render_block(self.text, *scale)))

"""One line of text cells, drawn as one widget: what a row of labels shows, for a fraction of the cost.

Every widget a screen mounts costs its first frame a few million
instructions (styles, layout, messages: about 5 M each, measured with
callgrind), whatever it draws. The session screen's phase line (the phase
and the rep) and status line (elapsed, left, rest, sound) were two
containers of labels, eight widgets; each is one widget now. The ``cells``
share the width left of the ``tail`` as ``width: 1fr`` labels would (with
Textual's own rounding), each cut with "…" when too long; the ``tail`` is
as wide as its text, at the right.
"""

from __future__ import annotations

from fractions import Fraction

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


def shares(width: int, count: int, gap: int = 0) -> list[tuple[int, int]]:
    """(start, width) of ``count`` equal shares of ``width`` cells, each followed by ``gap`` cells.

    Placed as Textual places ``1fr`` siblings: exact fractions, each start rounded down.
    """
    if count <= 0:
        return []
    unit = Fraction(max(0, width - gap * count), count)
    placed, x = [], Fraction(0)
    for _ in range(count):
        start = x.__floor__()
        x += unit
        placed.append((start, x.__floor__() - start))
        x += gap
    return placed


def fit(text: str, width: int) -> str:
    """``text`` in exactly ``width`` cells: padded, or cut with "…" as a label's ``text-overflow`` does."""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…" if width > 0 else ""


class TextRow(Widget):
    cells: reactive[tuple[str, ...]] = reactive((), layout=False)
    tail: reactive[str] = reactive("", layout=False)

    def render(self) -> Text:
        width = self.content_size.width
        tail = set_cell_size(self.tail, min(cell_len(self.tail), width))
        room = width - cell_len(tail)
        line = "".join(
            fit(text, share)
            for text, (_, share) in zip(self.cells, shares(room, len(self.cells)), strict=True)
        )
        return Text(line + tail, no_wrap=True, end="")

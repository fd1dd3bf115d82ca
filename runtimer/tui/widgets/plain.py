"""Text from outside on screen: a workout's name or note, a file name, a history row.

Textual reads a plain string as markup, so a workout named ``[red]x`` would
turn red and one with a stray ``[/]`` would stop the screen; and a control
character would reach the terminal as itself. Everything shown here is taken
literally, with control characters written out (:func:`~runtimer.plan.text.visible`).
"""

from __future__ import annotations

from rich.text import Text
from textual.visual import VisualType
from textual.widgets import Label

from runtimer.plan.text import visible


def plain_cell(text: str) -> Text:
    """A table cell that shows ``text`` as written: a DataTable reads a plain string as markup."""
    return Text(visible(text), end="")


class PlainLabel(Label):
    """A label whose text is shown exactly as written, never read as markup."""

    def __init__(self, text: str = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(visible(text), markup=False, id=id, classes=classes)

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        super().update(visible(content) if isinstance(content, str) else content, layout=layout)

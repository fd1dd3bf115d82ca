"""The picker's list of workouts: a row each, with a description cut to the room the screen leaves."""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from runtimer.plan.loader import Entry
from runtimer.plan.phases import expand, total_label
from runtimer.plan.text import visible
from runtimer.tui.labels import shorten
from runtimer.tui.widgets.plain import plain_cell

DESCRIPTION = "description"
"""The column whose cells are cut to fit: the others are as wide as their text."""


class WorkoutList(DataTable[str | Text]):
    def __init__(self, entries: Mapping[str, Entry], *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.entries = entries
        self._narrow: bool | None = None
        """Which columns the list holds now: ``None`` before it is first filled."""

    def fill(self, *, narrow: bool) -> None:
        """The columns: on a narrow screen the source ("built-in" on most rows) gives its room to
        the description, which says what a workout is. Descriptions are filled in to fit once the
        table has a width (:meth:`fit_descriptions`)."""
        if narrow is self._narrow:
            return
        self._narrow = narrow
        row = self.cursor_row
        self.clear(columns=True)
        headings = ("workout", "time", *(() if narrow else ("source",)), DESCRIPTION)
        for heading in headings:
            self.add_column(heading, key=heading)
        for name, entry in sorted(self.entries.items()):
            source = () if narrow else (entry.source,)
            self.add_row(plain_cell(name), total_label(expand(entry.workout)), *source, "", key=name)
        self.move_cursor(row=row)

    def fit_descriptions(self) -> None:
        """Each description cut to the room left of the screen, after a whole word and with "…"."""
        others = sum(
            column.get_render_width(self)
            for key, column in self.columns.items()
            if key != ColumnKey(DESCRIPTION)
        )
        room = self.scrollable_content_region.width - others - 2 * self.cell_padding
        self.columns[ColumnKey(DESCRIPTION)].label = Text(DESCRIPTION if room >= len(DESCRIPTION) else "")
        for name, entry in self.entries.items():
            text = shorten(visible(entry.workout.description), max(room, 0))
            self.update_cell(name, DESCRIPTION, plain_cell(text), update_width=True)

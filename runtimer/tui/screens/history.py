"""Past sessions, and how the rests and reps of each workout have moved.

The plots are the training notes' rule made visible: a rest line that steps
down session after session is a runner getting fitter.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import DataTable, Label, Sparkline

from runtimer.coach.progress import goal_progress
from runtimer.config.settings import ActivityFormat
from runtimer.errors import UserError
from runtimer.plan.durations import format_clock, format_time
from runtimer.plan.text import visible
from runtimer.plan.textsyntax import ONE_LINE_NAME
from runtimer.records import SessionRecord
from runtimer.store.export import HISTORY_COLUMNS, history_row, reps_text
from runtimer.tui.labels import phase_name, shorten, split_text
from runtimer.tui.layout import COMPACT_WIDTH, is_compact
from runtimer.tui.services import Services
from runtimer.tui.widgets.keybar import KeyBar
from runtimer.tui.widgets.plain import PlainLabel, plain_cell

SHOWN_SESSIONS = 200


def splits_line(record: SessionRecord) -> str:
    """Every split of one session in running order: laps inside timed phases, then each lap-ended
    phase's time to the line, with its target where one was set."""
    parts = []
    for phase in record.phases:
        name = " ".join(str(part) for part in (phase_name(phase.kind), phase.rep) if part is not None)
        parts += [f"{name} lap {number} {format_time(lap)}" for number, lap in enumerate(phase.laps, start=1)]
        if phase.split_s is not None:
            parts.append(f"{name} {split_text(phase.split_s, phase.target_split_s)}")
    return "splits: " + " · ".join(parts) if parts else "no splits in this session"


def all_splits(record: SessionRecord) -> list[float]:
    return [split for phase in record.phases for split in (*phase.laps, phase.split_s) if split is not None]


def same_workout(a: SessionRecord, b: SessionRecord) -> bool:
    """Whether two sessions belong on one plot: one-liners share a name, so they must share the plan too."""
    one_liner = a.workout.startswith(ONE_LINE_NAME)
    return a.workout == b.workout and (not one_liner or a.plan_text == b.plan_text)


def plot_name(record: SessionRecord) -> str:
    return f"{record.workout}, this plan" if record.workout.startswith(ONE_LINE_NAME) else record.workout


COMPACT_COLUMNS = ("date", "workout", "reps", "rest")
COMPACT_TABLE_WIDTH = 38
"""What the compact table may use of a 40-column screen: the rest is the scrollbar of a long history."""


def compact_row(record: SessionRecord, workout_width: int) -> tuple[str, ...]:
    """A session in under 40 columns: the day, the workout cut to fit, reps, and the rest it ended with.

    How the rest moved and whether the runner was gassed need the full table's room.
    """
    rest = "-" if record.rest_s is None else format_clock(record.rest_s)
    return (
        f"{record.started_at.astimezone():%m-%d}",
        shorten(visible(record.workout), workout_width),
        reps_text(record),
        rest,
    )


EXPORT_REPLY_S = 6.0
"""How long the footer says where an exported file went."""


class HistoryScreen(Screen[None]):
    CSS_PATH = "history.tcss"
    BINDINGS = [  # noqa: RUF012
        Binding("escape,h,q", "app.pop_screen", "Back"),
        Binding("e", "export", "Export"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.settings = services.settings
        self.records = services.store.sessions(limit=SHOWN_SESSIONS)
        self.goal = services.goal
        self._compact_rows: bool | None = None
        """Which columns the table holds now: ``None`` before it is first filled."""

    def compose(self) -> ComposeResult:
        yield Label("History · newest first", id="history-title")
        table: DataTable[str] = DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield table
        yield PlainLabel(id="rest-label", classes="plot-label")
        yield Sparkline([], id="rest-plot", summary_function=max)
        yield PlainLabel(id="reps-label", classes="plot-label")
        yield Sparkline([], id="reps-plot", summary_function=max)
        yield Label(id="splits")
        yield Sparkline([], id="splits-plot", summary_function=max)
        yield Label(id="goal-label", classes="plot-label")
        yield Sparkline([], id="goal-plot", summary_function=max)
        yield KeyBar(pinned=("app.pop_screen",))

    def on_resize(self, event: Resize) -> None:
        self.set_class(is_compact(event.size), "-compact")  # the plots need height as well as width
        self._fill_sessions(event.size.width < COMPACT_WIDTH)

    def _fill_sessions(self, narrow: bool) -> None:
        """All the columns, or on a narrow screen the ones a runner compares, cut to fit."""
        if narrow is self._compact_rows:
            return
        self._compact_rows = narrow
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        table.add_columns(*(COMPACT_COLUMNS if narrow else (c.lower() for c in HISTORY_COLUMNS)))
        workout_width = COMPACT_TABLE_WIDTH - self._compact_width_without_workout()
        for record in self.records:
            cells = compact_row(record, workout_width) if narrow else history_row(record)
            table.add_row(*map(plain_cell, cells), key=str(record.id))
        table.move_cursor(row=row)

    def _compact_width_without_workout(self) -> int:
        """Cells the compact columns other than the workout take, headers and padding included."""
        table = self.query_one(DataTable)
        cells = [compact_row(record, 0) for record in self.records]
        widths = [max(len(c) for c in column) for column in zip(COMPACT_COLUMNS, *cells, strict=False)]
        return sum(widths) - widths[1] + 2 * table.cell_padding * len(COMPACT_COLUMNS)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        self._fill_sessions(self.app.size.width < COMPACT_WIDTH)
        if not self.records:
            self.query_one("#splits", Label).update("No sessions yet: finish one and it shows up here.")
        self._plot_goal()
        table.focus()

    def _plot_goal(self) -> None:
        """Each session's laps at goal pace as the 400 they were worth, against the goal's, oldest first."""
        label, plot = self.query_one("#goal-label", Label), self.query_one("#goal-plot", Sparkline)
        progress = goal_progress(self.records, self.goal) if self.goal is not None else None
        label.set_class(progress is None, "-empty")  # classes, not display: compact hides them either way
        plot.set_class(progress is None or len(progress.splits_s) < 2, "-empty")
        if progress is not None:
            label.update(progress.line)
            plot.data = list(progress.splits_s)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        record = next((r for r in self.records if str(r.id) == event.row_key.value), None)
        if record is None:
            return
        same = [r for r in reversed(self.records) if same_workout(r, record)]
        rests = [float(r.rest_s) for r in same if r.rest_s is not None]
        reps = [float(r.reps_done) for r in same]
        name = plot_name(record)
        self._plot("rest", f"{name}: rest per session, oldest to newest", rests, format_clock)
        self._plot("reps", f"{name}: reps done per session", reps, lambda v: f"{v:.0f}")
        self.query_one("#splits", Label).update(splits_line(record))
        splits = all_splits(record)
        plot = self.query_one("#splits-plot", Sparkline)
        plot.data = splits
        plot.set_class(len(splits) < 2, "-empty")  # a class, not display: compact hides it either way

    def action_export(self) -> None:
        """The highlighted session as an activity file, in export_dir (or where runtimer was started)."""
        table = self.query_one(DataTable)
        if not self.records or table.row_count == 0:
            self.query_one(KeyBar).say("No session to export", EXPORT_REPLY_S)
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        record = next(r for r in self.records if str(r.id) == key)
        folder = self.settings.export_path or Path.cwd()
        self.run_worker(self._export(record, folder), group="export", exit_on_error=False)

    async def _export(self, record: SessionRecord, folder: Path) -> None:
        try:
            path = await asyncio.to_thread(_write_activity, record, self.settings.export_format, folder)
        except UserError as error:
            reply = f"Not exported: {error}"
        else:
            reply = f"Saved {path}"
        self.query_one(KeyBar).say(reply, EXPORT_REPLY_S)

    def _plot(self, name: str, title: str, values: list[float], show: Callable[[float], str]) -> None:
        label = self.query_one(f"#{name}-label", Label)
        plot = self.query_one(f"#{name}-plot", Sparkline)
        if len(values) > 1:
            label.update(f"{title}  ({show(values[0])} → {show(values[-1])})")
        elif values:  # one bar drawn full height would read as a trend
            label.update(f"{title}: {show(values[0])}, one session so far")
        else:
            label.update(f"{title}: nothing recorded")
        plot.data = values
        plot.set_class(len(values) < 2, "-empty")


def _write_activity(record: SessionRecord, fmt: ActivityFormat, folder: Path) -> Path:
    """In a worker thread: Garmin's FIT SDK loads on the first export, never with the screen."""
    from runtimer.interop.files import write_activity

    return write_activity(record, fmt, folder)

"""The home screen: choose a workout, see exactly what it will be, edit, start.

The preview is built by the same :func:`~runtimer.session.prepare.prepare` that starts
the session, so the table shows what will run, history's rest changes included.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.events import DescendantFocus, Resize
from textual.screen import Screen
from textual.widgets import DataTable, Input, Label

from runtimer.coach.guidance import guidance, is_hard_workout
from runtimer.errors import UserError
from runtimer.plan.loader import Entry
from runtimer.plan.overrides import Overrides
from runtimer.plan.phases import total_label
from runtimer.plan.textsyntax import looks_like_one_line, parse_workout_text
from runtimer.plan.units import Pace, parse_pace, split_seconds
from runtimer.session.prepare import HISTORY_WINDOW, PreparedSession, goal_pace, prepare
from runtimer.tui.labels import phase_length, phase_name
from runtimer.tui.layout import COMPACT_WIDTH, picker_is_compact
from runtimer.tui.messages import StartSession
from runtimer.tui.quick_edits import EDITS, overrides_from, shown_when_empty
from runtimer.tui.services import Services
from runtimer.tui.widgets.keybar import KeyBar
from runtimer.tui.widgets.plain import PlainLabel, plain_cell
from runtimer.tui.widgets.timeline import Timeline
from runtimer.tui.widgets.workout_list import WorkoutList

if TYPE_CHECKING:  # loaded when there is a plan
    from runtimer.tui.widgets.plan_week import PlanWeek

PROBLEM_S = 8.0
"""How long a workout file that could not be read is named on the footer line."""
REFUSED_S = 3.0
TYPE_HINT = "/ to type a workout: 10m warmup, 8x(40s sprint, 2m jog)"
TYPE_HINT_SHORT = "/ to type a workout"


class PickerScreen(Screen[None]):
    CSS_PATH = "picker.tcss"
    BINDINGS = [  # noqa: RUF012 - Textual reads this class attribute
        Binding("enter", "start", "Start", priority=True),
        Binding("slash", "type_workout", "Type one"),
        Binding("x", "toggle_fresh", "Fresh"),
        Binding("h", "history", "History"),
        Binding("escape", "focus_list", "List"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.entries = services.catalogue.entries
        self.fresh = False
        self.prepared: PreparedSession | None = None
        self._history = services.store.sessions(limit=HISTORY_WINDOW)
        self._edits_belong_to: str | None = None
        """The workout the quick edits were made for: another one starts from its own plan."""
        self._week: PlanWeek | None = None
        """The plan's week, shown when there is a plan (its code loads only then)."""

    def compose(self) -> ComposeResult:
        yield Label("runtimer · pick a workout, Enter to start", id="picker-title")
        if self.services.plan is not None:
            from runtimer.tui.widgets.plan_week import PlanWeek

            target, _ = goal_pace(self.services.settings, None, self.services.goal)
            split = None if target is None else split_seconds(target, 400)
            self._week = PlanWeek(self.services.plan, split, id="plan-week")
            yield self._week
        yield WorkoutList(self.entries, id="workouts")
        with Horizontal(id="edits"):
            for field, label in EDITS:
                yield Label(label, classes="edit-label")
                yield Input(id=f"edit-{field}", compact=True, classes="edit")
        with Horizontal(id="typed"):
            yield Input(id="oneline", compact=True, placeholder=TYPE_HINT)
            yield Label("usual pace", id="usual-pace-label", classes="edit-label")
            yield Input(id="edit-usual-pace", compact=True, classes="edit")
        yield PlainLabel(id="guidance")
        yield PlainLabel(id="why")
        yield PlainLabel(id="problem")
        yield Timeline(id="preview")
        # A preview, not a stop for Tab: it has no cursor, so focus there would look lost.
        phases: DataTable[str] = DataTable(id="phases", cursor_type="none", zebra_stripes=True)
        phases.can_focus = False
        yield phases
        yield KeyBar(pinned=("history", "app.quit"))

    def on_mount(self) -> None:
        table = self.query_one(WorkoutList)
        table.fill(narrow=self.app.size.width < COMPACT_WIDTH)
        self.query_one("#phases", DataTable).add_columns("#", "phase", "time", "rep", "targets")
        problems = [*self.services.notices, *self.services.catalogue.problems.values()]
        if problems:  # all on one line, cut to fit: `runtimer check FILE` says each in full
            self.query_one(KeyBar).say(" · ".join(problems), PROBLEM_S)
        table.focus()
        self._show_plan(open_on_today=True)
        self._refresh_preview()

    def _show_plan(self, *, open_on_today: bool = False) -> None:
        """Today's session and the week so far; at start the list opens on today's session, with
        the reps and sprint the plan asks for filled in."""
        if (week := self._week) is not None:
            week.show(self._history, self.services.today())
            if open_on_today and week.to_run is not None and week.to_run.workout in self.entries:
                with self.prevent(Input.Changed):
                    for field, text in week.planned_edits().items():
                        self.query_one(f"#edit-{field}", Input).value = text
                self._edits_belong_to = week.to_run.workout
                table = self.query_one("#workouts", DataTable)
                table.move_cursor(row=table.get_row_index(week.to_run.workout))

    def on_resize(self, event: Resize) -> None:
        compact = picker_is_compact(event.size)
        self.set_class(compact, "-compact")
        # A phone-sized screen gives the typed workout the whole row (the usual pace
        # field goes; settings and --usual-pace still set it) and a hint that fits.
        self.query_one("#oneline", Input).placeholder = TYPE_HINT_SHORT if compact else TYPE_HINT
        workouts = self.query_one(WorkoutList)
        workouts.fill(narrow=event.size.width < COMPACT_WIDTH)
        self.call_after_refresh(workouts.fit_descriptions)

    # ------------------------------------------------------------ state

    def _chosen_entry(self) -> Entry | None:
        typed = self.query_one("#oneline", Input).value.strip()
        if typed:
            if typed in self.entries:
                return self.entries[typed]
            if not looks_like_one_line(typed):
                raise UserError(f'"{typed}" is not a workout name or a one-line workout')
            return Entry(parse_workout_text(typed), "one-line")
        return self.entries.get(self._chosen_key())

    def _overrides(self) -> Overrides:
        return overrides_from({field: self.query_one(f"#edit-{field}", Input).value for field, _ in EDITS})

    def _usual_pace(self) -> Pace | None:
        text = self.query_one("#edit-usual-pace", Input).value.strip()
        try:
            return parse_pace(text) if text else None
        except ValueError as error:
            raise UserError(f"usual pace: {error}") from None

    def _chosen_key(self) -> str:
        """Which workout is chosen: a typed one (whatever its text so far) or a row of the list."""
        if self.query_one("#oneline", Input).value.strip():
            return "/typed"
        table = self.query_one("#workouts", DataTable)
        if table.row_count == 0:
            return ""
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or ""

    def _forget_edits_of_another_workout(self) -> None:
        """Quick edits belong to the workout they were typed for, not to whatever is chosen next."""
        chosen = self._chosen_key()
        if self._edits_belong_to not in (None, chosen):
            with self.prevent(Input.Changed):
                for field, _ in EDITS:
                    self.query_one(f"#edit-{field}", Input).value = ""
        self._edits_belong_to = chosen

    def _refresh_preview(self) -> None:
        problem = self.query_one("#problem", Label)
        self._forget_edits_of_another_workout()
        try:
            entry = self._chosen_entry()
            if entry is None:
                return
            self.prepared = prepare(
                entry,
                self._overrides(),
                self.services.settings,
                self._history,
                self.fresh,
                self._usual_pace(),
                self.services.goal,
            )
        except UserError as error:
            self.prepared = None
            problem.update(str(error).removeprefix("--"))  # the command line's flag is a field here
            problem.display = True
            self.query_one(Timeline).phases = ()
            self.query_one("#phases", DataTable).clear()
            self.query_one("#guidance", Label).update("")
            self.query_one("#why").display = False
            for field, _ in EDITS:  # what they showed belonged to a plan that no longer stands
                self.query_one(f"#edit-{field}", Input).placeholder = ""
            return
        problem.display = False
        self._show(self.prepared)

    def _show(self, prepared: PreparedSession) -> None:
        why = " · ".join(prepared.reasons)
        if self.fresh:
            why = "fresh: history ignored" + (f" · {why}" if why else "")
        self.query_one("#why", Label).update(why)
        self.query_one("#why").display = bool(why)
        advice = guidance(prepared.workout, self._history, self.services.today())
        # The list shows each plan as written; this is what will run, edits and history included.
        lines = [f"total {total_label(prepared.phases)}", advice.week_line]
        if advice.rest_day and is_hard_workout(prepared.workout):
            lines.insert(0, advice.rest_day)
        self.query_one("#guidance", Label).update(" · ".join(lines))
        self.query_one(Timeline).phases = prepared.phases
        table = self.query_one("#phases", DataTable)
        table.clear()
        for number, phase in enumerate(prepared.phases, start=1):
            table.add_row(
                str(number),
                phase_name(phase.kind),
                phase_length(phase),
                phase.rep_label,
                plain_cell(phase.targets_label),
            )
        for field, _ in EDITS:
            self.query_one(f"#edit-{field}", Input).placeholder = shown_when_empty(prepared, field)
        usual = self.services.settings.usual_pace
        # Unset, it shows the form to type rather than an example a runner could take for a setting.
        self.query_one("#edit-usual-pace", Input).placeholder = str(usual) if usual else "mm:ss/mi"

    # ----------------------------------------------------------- events

    @on(DataTable.RowHighlighted, "#workouts")
    def _highlighted(self) -> None:
        self._refresh_preview()

    @on(Input.Changed)
    def _edited(self) -> None:
        self._refresh_preview()

    @on(DataTable.RowSelected, "#workouts")
    def _selected(self) -> None:
        self.action_start()

    def action_start(self) -> None:
        self._refresh_preview()
        if self.prepared is None:
            self.query_one(KeyBar).say("fix the workout first", REFUSED_S)
            return
        prepared = self.prepared
        if self._week is not None:
            prepared = self._week.linked(prepared)
        self.post_message(StartSession(prepared))

    def action_type_workout(self) -> None:
        self.query_one("#oneline", Input).focus()

    def action_focus_list(self) -> None:
        self.query_one("#workouts", DataTable).focus()

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        """Back on the list (Esc, Tab or a click), the typed workout is left behind: Enter starts the row."""
        if event.widget.id == "workouts":
            self.query_one("#oneline", Input).value = ""

    def check_action(self, action: str, _parameters: tuple[object, ...]) -> bool | None:
        """While a field has focus, "/" types a slash and Esc leads back to the list; the footer agrees."""
        typing = isinstance(self.focused, Input)
        if action == "focus_list":
            return typing
        if action == "type_workout":
            return not typing
        return True

    def action_toggle_fresh(self) -> None:
        self.fresh = not self.fresh
        self._refresh_preview()

    def action_history(self) -> None:
        from runtimer.tui.screens.history import HistoryScreen

        self.app.push_screen(HistoryScreen(self.services))

    def refresh_history(self) -> None:
        """After a session the history has moved on, and so has the preview.

        The list takes the focus back (leaving a typed workout behind, as Esc
        does), so the picker's letter keys work again instead of typing.
        """
        self._history = self.services.store.sessions(limit=HISTORY_WINDOW)
        self.action_focus_list()
        self._show_plan()
        self._refresh_preview()

"""After the last phase: what was done, and the one question the next session needs.

"By the last interval you should be gassed; if not, lower the rest." The
answer goes to the history, where the next session of this workout reads it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Label

from runtimer.coach.progress import session_against_goal
from runtimer.engine.events import Summary
from runtimer.plan.durations import format_clock
from runtimer.plan.models import StepKind
from runtimer.session.live import LiveSession
from runtimer.tui.labels import phase_name, place_in_session, signed_seconds, split_text
from runtimer.tui.layout import COMPACT_HEIGHT
from runtimer.tui.messages import ShowPicker
from runtimer.tui.widgets.keybar import KeyBar
from runtimer.tui.widgets.plain import PlainLabel
from runtimer.tui.widgets.touch import TouchButton

if TYPE_CHECKING:
    from runtimer.coach.goal import Goal


def gassed_question(summary: Summary) -> str:
    """The notes' test of a rest: by the last effort you should be gassed."""
    if any(run.phase.kind is StepKind.SPRINT for run in summary.runs):
        return "Were you gassed on the last sprint?"
    return "Were you gassed by the last rep?"


def summary_lines(summary: Summary, goal: Goal | None = None) -> list[str]:
    """What was done; after a session at goal pace, how its laps compared with the goal."""
    lines = [
        f"Phases   {summary.phases_done} of {summary.phases_planned}",
        f"Active   {format_clock(summary.active_s)}",
    ]
    if summary.reps_planned:
        lines.insert(1, f"Reps     {summary.reps_done} of {summary.reps_planned}")
    if summary.rest_adjust_s:
        rest = f", rests now {format_clock(summary.rest_s)}" if summary.rest_s else ""
        lines.append(f"Rest     {signed_seconds(summary.rest_adjust_s)}{rest}")
    for split in summary.splits:
        place = place_in_session(split.phase)
        rep = f" {place}" if place else ""
        lap = split_text(split.split_s, split.phase.target_split_s)
        lines.append(f"Lap      {phase_name(split.phase.kind)}{rep}: {lap}")
    laps = [
        (split.split_s, split.phase.target_split_s) for split in summary.splits if split.phase.target_split_s
    ]
    against = session_against_goal(laps, goal) if goal is not None else None
    if against is not None:
        lines.append(f"Goal     {against}")
    return lines


ANSWER_KEYS = ("gassed(True)", "gassed(False)", "gassed(None)", "quit")
"""The footer keeps every answer while the question is open, whatever the width. Enter still
leaves (the screen says so) but gives its room to the answers, which set the next rests."""
AFTER_KEYS = ("back", "quit")


class SummaryScreen(Screen[None]):
    CSS_PATH = ["question.tcss", "summary.tcss"]  # noqa: RUF012 - Textual reads this class attribute
    BINDINGS = [  # noqa: RUF012 - Textual reads this class attribute
        Binding("y", "gassed(True)", "Gassed"),
        Binding("n", "gassed(False)", "Not gassed"),
        Binding("s", "gassed(None)", "Skip"),
        Binding("enter", "back", "Workouts"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, live: LiveSession) -> None:
        super().__init__()
        assert live.summary is not None, "a summary comes after the session"
        self.live = live
        self.summary = live.summary
        # Asked after sprints (the notes' own question), and after any session
        # whose rests history moves, such as a circuit's.
        sprinted = any(run.phase.kind is StepKind.SPRINT for run in self.summary.runs)
        self.answered = not (sprinted or (live.prepared.progression is not None and self.summary.runs))

    def compose(self) -> ComposeResult:
        title = "SESSION COMPLETE" if self.summary.status == "completed" else "SESSION STOPPED"
        with VerticalScroll(id="summary"):
            yield PlainLabel(f"{title} · {self.live.prepared.name}", id="summary-title")
            for line in summary_lines(self.summary, self.live.prepared.goal):
                yield Label(line, classes="summary-line")
            if self.live.exported is not None:  # export_dir is set: where the activity file went
                yield PlainLabel(self.live.exported, id="exported", classes="summary-line")
            with Vertical(id="gassed"):
                yield Label(gassed_question(self.summary), id="question")
                with Horizontal(id="answers"):
                    yield TouchButton("Yes (y)", id="gassed-yes")
                    yield TouchButton("No (n)", id="gassed-no")
                    yield TouchButton("Skip (s)", id="gassed-skip")
            yield Label("", id="saved")
            yield Label("Enter: back to the workouts · q: quit", id="summary-next")
        yield KeyBar(pinned=AFTER_KEYS) if self.answered else KeyBar(pinned=ANSWER_KEYS, hidden=("back",))

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.height < COMPACT_HEIGHT, "-compact")
        self.call_after_refresh(self._show_question)

    def on_mount(self) -> None:
        self.query_one("#gassed").display = not self.answered

    def _show_question(self) -> None:
        """On a short screen the figures push the question off the bottom: scroll it into view."""
        if not self.answered:
            self.query_one("#summary").scroll_to_widget(self.query_one("#gassed"), animate=False)

    def on_touch_button_pressed(self, event: TouchButton.Pressed) -> None:
        answers = {"gassed-yes": True, "gassed-no": False, "gassed-skip": None}
        if event.button.id in answers:
            self.action_gassed(answers[event.button.id])

    def action_gassed(self, gassed: bool | None) -> None:
        if self.answered:
            return
        self.answered = True
        self.run_worker(self.live.answer_gassed(gassed), name="answer")
        self.query_one("#gassed").display = False
        self.query_one(KeyBar).set_keys(AFTER_KEYS)
        self.refresh_bindings()
        said = {True: "gassed", False: "not gassed", None: "skipped"}[gassed]
        if self.live.prepared.teaches_next_session and gassed is not None:
            said += ": shorter rests next time" if gassed is False else ": rests stay as they are"
        self.query_one("#saved", Label).update(f"Saved · {said}")

    def check_action(self, action: str, _parameters: tuple[object, ...]) -> bool | None:
        """Once answered, the question and its keys are gone."""
        return not (action == "gassed" and self.answered)

    async def action_back(self) -> None:
        await self.workers.wait_for_complete()
        self.app.post_message(ShowPicker())

    async def action_quit(self) -> None:
        await self.workers.wait_for_complete()
        self.app.exit()

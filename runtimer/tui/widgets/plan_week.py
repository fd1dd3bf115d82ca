"""The picker's two lines about the training plan: today's session, and the week so far.

Shown only when there is a plan. Works out today from the plan and the history
(:mod:`runtimer.coach.schedule`), so a session just run is ticked off as soon as
the history has it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.text import Text

from runtimer.coach.planner import PlannedSession, TrainingPlan
from runtimer.coach.schedule import PlanDay, done_days, headline, this_week, week_line
from runtimer.plan.text import visible
from runtimer.records import SessionRecord
from runtimer.session.prepare import PreparedSession
from runtimer.tui.widgets.plain import PlainLabel


class PlanWeek(PlainLabel):
    """Plain: the plan file names the workouts, and a name like ``[/] hills`` is text, not markup."""

    def __init__(self, plan: TrainingPlan, split_400_s: float | None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.plan = plan
        self.split_400_s = split_400_s
        self.today: PlanDay | None = None
        """Today as the week now stands; ``None`` outside the plan."""

    def show(self, history: Sequence[SessionRecord], today: date) -> None:
        week = this_week(self.plan, done_days(history), today)
        self.today = next((day for day in week if day.day == today), None)
        if self.today is None:
            ends = f"{self.plan.starts.isoformat()} to {self.plan.ends.isoformat()}"
            self.update(f"plan: outside its weeks ({ends}); runtimer plan makes a new one")
            return
        lines = (headline(self.plan, self.today, self.split_400_s), week_line(week))
        self.update(Text("\n".join(visible(line) for line in lines)))  # each line plain, two of them

    @property
    def to_run(self) -> PlannedSession | None:
        """Today's session, if there is one still to run."""
        today = self.today
        return today.session if today is not None and not today.done else None

    def planned_edits(self) -> dict[str, str]:
        """The quick edits today's session asks for, as the picker's fields take them."""
        session = self.to_run
        if session is None:
            return {}
        edits = {
            "reps": session.reps and str(session.reps),
            "sprint": session.sprint_s and f"{session.sprint_s}s",
        }
        return {field: text for field, text in edits.items() if text}

    def linked(self, prepared: PreparedSession) -> PreparedSession:
        """A session of today's planned workout is kept with its day of the plan."""
        session = self.to_run
        if session is None or prepared.entry.workout.name != session.workout:
            return prepared
        return prepared.replace(plan_day=session.on)

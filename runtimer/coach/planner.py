"""Weeks of training toward a goal, built from the notes' sessions by a few rules.

Each rule is one small function here, and the tests check each as a property
over random goals, days and plan lengths:

- :func:`hard_days_apart`: never two hard days in a row (across weeks too);
- :func:`rest_days`: at least one full rest day every week, whatever days are offered;
- :func:`volume`: reps and sprint lengths grow gradually within each workout's
  range (intervals 6 -> 10 reps, sprints 30 -> 45 s; 400s 4 -> 8), with an
  easier week every fourth week and a taper before a race date;
- :func:`hard_sessions`: the key sessions of a week (400s at goal pace, and
  intervals), fewer in an easier week and in the taper;
- the cadence ramp is not the plan's business: each cadence session climbs
  from the runner's history, as it always has.

Weeks run Monday to Sunday; week 1 is the week the plan starts in. Pure:
dates in, dates out, no clock read.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from runtimer.plan.frozen import Frozen

WEEK = 7
MIN_WEEKS, MAX_WEEKS = 4, 24
EASIER_EVERY = 4
"""Every fourth week is an easier one: the body adapts while it recovers."""
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

KEY_SESSIONS = ("400s", "intervals")
"""The sessions a week is built around; a missed one is moved rather than dropped."""
HARD_SESSIONS = frozenset({*KEY_SESSIONS, "downhill"})
"""Fast running the nervous system pays for: never two days in a row."""
EASY_SESSIONS = ("easy", "cadence", "strength", "recovery")
"""What fills the other days, in this order of need, turned a step each week for variety."""
PURPOSES = {
    "400s": "400 m repeats at goal pace: the speed the race asks for",
    "intervals": "all-out sprints, short jogs: gassed by the last one",
    "downhill": "downhill strides: legs that turn over faster",
    "cadence": "quicker steps toward 180 a minute",
    "strength": "hamstrings and hips: strength against injury",
    "recovery": "walk and yoga: the nervous system recovers",
    "easy": "easy running: the aerobic base, at a pace you can talk at",
}
REP_RANGES = {"400s": (4, 8), "intervals": (6, 10), "downhill": (6, 8)}
"""Reps from the low to the high end of each built-in's range as the weeks build."""
SPRINT_RANGE = (30, 45)
"""The intervals' sprint, in seconds: "30-45 seconds", longer as the weeks build."""


class PlannedSession(Frozen):
    """One day's session: a workout by name, with the reps and sprint length the week asks for."""

    on: date
    workout: str
    reps: int | None = None
    sprint_s: int | None = None

    @property
    def is_key(self) -> bool:
        return self.workout in KEY_SESSIONS

    @property
    def is_hard(self) -> bool:
        """A workout the plan does not know is taken as hard, so nothing is moved up against it."""
        return self.workout in HARD_SESSIONS or self.workout not in PURPOSES

    @property
    def purpose(self) -> str:
        return PURPOSES.get(self.workout, "")


class TrainingPlan(Frozen):
    starts: date
    """The Monday of week 1."""
    weeks: int
    sessions: tuple[PlannedSession, ...]
    race_on: date | None = None

    @property
    def ends(self) -> date:
        return self.starts + timedelta(days=WEEK * self.weeks - 1)

    def week_of(self, day: date) -> int | None:
        """1 for the first week; ``None`` outside the plan."""
        if not self.starts <= day <= self.ends:
            return None
        return (day - self.starts).days // WEEK + 1

    def on(self, day: date) -> PlannedSession | None:
        return next((session for session in self.sessions if session.on == day), None)

    def week_days(self, week: int) -> list[date]:
        first = self.starts + timedelta(days=WEEK * (week - 1))
        return [first + timedelta(days=n) for n in range(WEEK)]

    def is_taper(self, week: int) -> bool:
        return self.race_on is not None and week > self.weeks - taper_weeks(self)


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weeks_to(race_on: date, today: date) -> int:
    """Weeks from this one to the race's, both counted."""
    return (monday_of(race_on) - monday_of(today)).days // WEEK + 1


def taper_weeks(plan: TrainingPlan) -> int:
    """A week of lighter training before the race; two at the end of a long plan (12 weeks or more),
    which is what a half or a marathon is trained with."""
    return 2 if plan.weeks >= 12 else 1


def is_easier(week: int) -> bool:
    return week % EASIER_EVERY == 0


def volume(week: int, weeks: int, taper: int) -> float:
    """Where in each workout's range this week's reps sit: 0 the low end, 1 the high end.

    It climbs evenly over the building weeks; an easier week and the taper go
    back to the low end.
    """
    building = [w for w in range(1, weeks - taper + 1) if not is_easier(w)]
    if week not in building:
        return 0.0
    if len(building) == 1:
        return 0.0
    return building.index(week) / (len(building) - 1)


def hard_sessions(week: int, taper: bool, run_days: int) -> list[str]:
    """The week's hard sessions, key ones first: both key sessions in a building week, downhill
    strides too when five or more days are free; one in an easier week or the taper."""
    if is_easier(week) or taper or run_days < 2:
        return ["400s"]
    extra = ["downhill"] if run_days >= 5 else []
    return [*KEY_SESSIONS, *extra]


def rest_days(week_days: Iterable[date], run_on: frozenset[int]) -> set[date]:
    """Days with no session: those not offered, and if all seven were offered, Sunday anyway."""
    days = list(week_days)
    resting = {day for day in days if day.weekday() not in run_on}
    return resting or {days[-1]}


def hard_days_apart(day: date, hard: set[date]) -> bool:
    """Whether a hard session on ``day`` keeps every hard day apart from the next."""
    return day - timedelta(days=1) not in hard and day + timedelta(days=1) not in hard


def build_plan(today: date, weeks: int, run_on: frozenset[int], race_on: date | None = None) -> TrainingPlan:
    """``run_on`` holds weekday numbers (Monday 0). Sessions start today; the race day and the day
    before it stay free."""
    if not MIN_WEEKS <= weeks <= MAX_WEEKS:
        raise ValueError(f"a plan runs {MIN_WEEKS} to {MAX_WEEKS} weeks, not {weeks}")
    if not run_on:
        raise ValueError("a plan needs at least one day to run on")
    if race_on is not None and weeks_to(race_on, today) < weeks:
        raise ValueError(f"a plan to a race in week {weeks_to(race_on, today)} cannot run {weeks} weeks")
    plan = TrainingPlan(monday_of(today), weeks, (), race_on)
    taper = taper_weeks(plan) if race_on is not None else 0
    sessions: list[PlannedSession] = []
    hard: set[date] = set()
    for week in range(1, weeks + 1):
        days = plan.week_days(week)
        closed = rest_days(days, run_on) | {d for d in days if d < today}
        if race_on is not None:
            closed |= {d for d in days if race_on - timedelta(days=1) <= d}
        free = [d for d in days if d not in closed]
        share = volume(week, weeks, taper)
        placed = _place_hard(hard_sessions(week, plan.is_taper(week), len(free)), free, hard)
        easy = _fill_easy([d for d in free if d not in placed], placed, week)
        sessions += [_session(name, day, share) for day, name in sorted({**placed, **easy}.items())]
    return plan.replace(sessions=tuple(sessions))


def _place_hard(names: list[str], free: list[date], hard: set[date]) -> dict[date, str]:
    """Each hard session on the free day farthest from the other hard days (next week's first free
    day counted as one, since it will likely hold the next 400s), never next to one."""
    placed: dict[date, str] = {}
    for name in names:
        allowed = [d for d in free if d not in placed and hard_days_apart(d, hard)]
        if not allowed:
            break
        if not placed:
            day = allowed[0]
        else:
            horizon = free[0] + timedelta(days=WEEK)
            day = max(allowed, key=lambda d: min([abs((d - h).days) for h in placed] + [(horizon - d).days]))
        placed[day] = name
        hard.add(day)
    return placed


def _fill_easy(days: list[date], hard: dict[date, str], week: int) -> dict[date, str]:
    """The other free days, with recovery on the day after a hard one when there is one to give."""
    turn = (week - 1) % len(EASY_SESSIONS)
    turned = [*EASY_SESSIONS[turn:], *EASY_SESSIONS[:turn]]
    pending = (turned * len(days))[: len(days)]
    filled: dict[date, str] = {}
    for day in days:
        after_hard = day - timedelta(days=1) in hard
        name = "recovery" if after_hard and "recovery" in pending else pending[0]
        pending.remove(name)
        filled[day] = name
    return filled


def _session(name: str, day: date, share: float) -> PlannedSession:
    reps, sprint = None, None
    if name in REP_RANGES:
        low, high = REP_RANGES[name]
        reps = low + round(share * (high - low))
    if name == "intervals":
        low, high = SPRINT_RANGE
        sprint = low + 5 * round(share * (high - low) / 5)
    return PlannedSession(day, name, reps, sprint)

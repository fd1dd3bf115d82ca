"""``runtimer plan`` through the real entry point, on a fixed calendar."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from runtimer import launch
from runtimer.cli import training
from runtimer.coach import planner
from runtimer.config.paths import training_plan_path
from runtimer.plan.models import StepKind
from runtimer.session.prepare import PreparedSession
from tests.support.cli_helpers import run

MONDAY = date(2025, 6, 2)


class FixedCalendar(date):
    @classmethod
    def today(cls) -> FixedCalendar:
        return cls(MONDAY.year, MONDAY.month, MONDAY.day)


@pytest.fixture(autouse=True)
def on_a_monday(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("runtimer.cli.main.date", FixedCalendar)


def test_the_parsers_copy_of_the_planners_limits_is_the_planners() -> None:
    assert (training.MIN_WEEKS, training.MAX_WEEKS, training.WEEKDAYS) == (
        planner.MIN_WEEKS,
        planner.MAX_WEEKS,
        planner.WEEKDAYS,
    )


def test_a_new_plan_is_kept_and_shown_as_a_calendar(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "goal", "5k", "20:00")
    code, out, err = run(capsys, "plan", "--weeks", "8", "--days", "mon,wed,fri,sat")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith(f"made a new plan: {training_plan_path()}")
    assert lines[2] == "plan: 8 weeks, Mon 2025-06-02 to Sun 2025-07-27, toward 5k in 20:00"
    assert lines[4] == "week 1  (this week)"
    assert lines[5].split()[:6] == ["Mon", "06-02", "400s", "4", "reps", "at"]
    assert "400 m repeats at goal pace" in lines[5] and "28:00 + 4 lap" in lines[5]
    assert lines[6].split() == ["Tue", "06-03", "rest"]
    assert "week 4 · easier week" in lines
    assert sum(1 for line in lines if line.split()[2:3] == ["rest"]) >= 8, "a rest day in every week"
    assert training_plan_path().exists()
    again = run(capsys, "plan")[1]
    assert again.splitlines() == lines[2:], "shown again as kept, not made anew"


def test_today_for_scripts(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "goal", "5k", "20:00")
    run(capsys, "plan", "--weeks", "8", "--days", "mon,wed,fri,sat")
    assert run(capsys, "plan", "--today") == (0, "week 1 of 8 · 400s at 1:36 per 400 m · 4 reps\n", "")


def test_a_plan_to_the_race_tapers_into_it(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "goal", "10k", "45:00", "--on", "2025-07-26")
    code, out, _ = run(capsys, "plan", "--days", "tue,thu,sat")
    assert code == 0
    lines = out.splitlines()
    assert lines[2].endswith("toward 10k in 45:00 (race Sat 2025-07-26)")
    assert any(line.startswith("week 8") and "· taper" in line for line in lines)
    assert any(line.split()[:4] == ["Sat", "07-26", "race", "10k"] for line in lines)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ("plan", "--weeks", "3"),
            'runtimer plan: argument --weeks: "3" is not a number of weeks from 4 to 24',
        ),
        (
            ("plan", "--days", "mon,funday"),
            'runtimer plan: argument --days: "mon,funday" is not a list of days',
        ),
        (("plan", "--today"), "runtimer: plan --today: no plan yet (runtimer plan builds one)"),
    ],
)
def test_bad_plan_requests_are_one_line(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], message: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.startswith(message) and err.count("\n") == 1


def test_a_race_too_far_for_one_plan_asks_for_weeks(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "goal", "marathon", "3:30:00", "--on", "2026-06-01")
    code, _, err = run(capsys, "plan")
    assert code == 2
    assert err.startswith(
        "runtimer: plan: the race on 2026-06-01 is in week 53 from now; a plan runs 4-24 weeks"
    )
    assert run(capsys, "plan", "--weeks", "12")[0] == 0, "a plan that ends before the race"


def test_a_race_too_close_for_a_plan_says_so_and_how_to_go_on(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "goal", "5k", "20:00", "--on", "2025-06-14")
    for argv in (("plan",), ("plan", "--weeks", "4")):
        code, out, err = run(capsys, *argv)
        assert (code, out) == (2, "")
        assert err.startswith(
            "runtimer: plan: the race on 2025-06-14 is in week 2 from now, too close for a plan of 4 weeks"
        )


def test_a_plan_longer_than_the_way_to_the_race_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    """Weeks after the race would hold the taper, and the race week none."""
    run(capsys, "goal", "5k", "20:00", "--on", "2025-06-28")
    code, out, err = run(capsys, "plan", "--weeks", "8")
    assert (code, out) == (2, "")
    assert err == (
        "runtimer: plan: the race on 2025-06-28 is in week 4 from now; 8 weeks would train past it and "
        "taper after it (give --weeks 4 or fewer)\n"
    )
    code, out, _ = run(capsys, "plan", "--weeks", "4")
    assert code == 0 and any(line.startswith("week 4") and "· taper" in line for line in out.splitlines())


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (('workout = "400s"', 'workout = "fartlek"'), 'day 1 (2025-06-02): unknown workout "fartlek"'),
        (("reps = 4", "reps = 0"), "day 1 > reps: should be greater than or equal to 1, not 0"),
        (("weeks = 8", "weeks = 2"), "weeks: should be greater than or equal to 4, not 2"),
        (("starts = 2025-06-02", "starts = 2025-06-03"), "starts: 2025-06-03 is a Tuesday"),
    ],
)
def test_an_edited_plan_is_checked_like_a_workout(
    capsys: pytest.CaptureFixture[str], edit: tuple[str, str], message: str
) -> None:
    run(capsys, "plan", "--weeks", "8")
    path = training_plan_path()
    path.write_text(path.read_text(encoding="utf-8").replace(*edit, 1), encoding="utf-8")
    code, out, err = run(capsys, "plan")
    assert (code, out) == (2, "")
    assert err.startswith(f"runtimer: {path}: {message}") and err.count("\n") == 1


def test_runtimer_run_keeps_todays_planned_session_with_its_day_and_its_edits(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``runtimer run`` (on the real calendar) links a session of today's planned workout, and no
    other; it runs the reps and sprint the plan asks for unless others are typed, as the picker does."""
    today = date.today()
    monday = today - timedelta(days=today.weekday())
    training_plan_path().parent.mkdir(parents=True, exist_ok=True)
    training_plan_path().write_text(
        f"starts = {monday.isoformat()}\nweeks = 4\n"
        f'[[days]]\non = {today.isoformat()}\nworkout = "intervals"\nreps = 7\nsprint = "40s"\n',
        encoding="utf-8",
    )
    started: list[tuple[PreparedSession, Any]] = []

    def run_app(*args: Any, **kwargs: Any) -> None:
        args[2].close()  # the history store, which the real run_app closes however it ends
        started.append((args[3], kwargs["plan"]))

    monkeypatch.setattr(launch, "run_app", run_app)
    assert run(capsys, "run", "intervals")[0] == 0
    assert run(capsys, "run", "intervals", "--reps", "6")[0] == 0
    assert run(capsys, "run", "cadence")[0] == 0
    assert [prepared.plan_day for prepared, _ in started] == [today, today, None]
    assert [prepared.reps_planned for prepared, _ in started[:2]] == [7, 6]
    sprints = {phase.duration for phase in started[0][0].phases if phase.kind is StepKind.SPRINT}
    assert sprints == {40}
    assert all(plan is not None and plan.weeks == 4 for _, plan in started), "the app has the plan too"


def test_a_plan_with_a_mistake_is_said_and_the_run_goes_on_without_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    training_plan_path().parent.mkdir(parents=True, exist_ok=True)
    training_plan_path().write_text("starts = 2025-06-02\nweeks = 2\n", encoding="utf-8")
    started: list[Any] = []

    def run_app(*args: Any, **kwargs: Any) -> None:
        args[2].close()
        started.append(kwargs)

    monkeypatch.setattr(launch, "run_app", run_app)
    code, _, err = run(capsys, "run", "intervals")
    assert code == 0 and started[0]["plan"] is None
    assert err.startswith("runtimer: ") and err.endswith("(running without the plan today)\n")
    assert err.count("\n") == 1
    assert run(capsys)[0] == 0, "the picker opens too"
    assert started[1]["plan"] is None and started[1]["notices"][0].endswith(
        "(running without the plan today)"
    )
    assert run(capsys, "plan")[0] == 2, "runtimer plan still refuses it, saying why"

"""``runtimer goal`` and ``runtimer pace --goal`` through the real entry point, and what a goal changes."""

from __future__ import annotations

import pytest

from runtimer.coach.goal import make_goal
from runtimer.config.goal_file import load_goal
from runtimer.config.paths import goal_path, seeds_dir, user_workouts_dir
from runtimer.config.settings import Settings
from runtimer.plan.loader import Catalogue
from runtimer.plan.overrides import Overrides
from runtimer.plan.units import Pace
from runtimer.session.prepare import prepare
from tests.support.cli_helpers import run


def test_setting_a_goal_keeps_it_and_shows_its_vdot_and_paces(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "goal", "5k", "19:59", "--on", "2099-03-14")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith("goal: 5k in 19:59, race on 2099-03-14 (in ")
    assert lines[1] == "VDOT 49.9 (Daniels-Gilbert)"
    assert "race pace  4:00/km   6:26/mi   1:36  the 400s run at this" in lines
    assert "10k                     41:40" in lines, "Riegel: 19:59 x 2^1.06"
    goal = load_goal()
    assert goal is not None and (goal.distance, goal.seconds) == ("5k", 1199)
    assert run(capsys, "goal")[1].splitlines()[:4] == lines[:4]


def test_no_goal_yet_and_clearing_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "goal") == (0, "no goal yet: runtimer goal 5k 19:59 sets one\n", "")
    run(capsys, "goal", "marathon", "3:05:00")
    assert goal_path().exists()
    assert run(capsys, "goal", "--clear")[:2] == (0, "goal cleared\n")
    assert not goal_path().exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("goal", "5k", "12:00"), "runtimer: goal: 5k in 12:00 is faster than the world record (12:35"),
        (("goal", "5k", "20"), "runtimer: goal: 5k in 0:20 is faster than the world record"),
        (("goal", "5k", "twenty"), 'runtimer: goal: "twenty" is not a race time (try 19:59 or 3:05:00)'),
        (("goal", "5k"), 'runtimer: goal: "5k" needs a time to beat, like runtimer goal 5k 19:59'),
        (("goal", "parkrun", "20:00"), 'runtimer: goal: "parkrun" is not a race distance'),
        (("goal", "5k", "20:00", "--on", "2001-01-01"), "runtimer: --on: 2001-01-01 is not after today"),
        (("goal", "5k", "20:00", "--on", "soon"), 'runtimer goal: argument --on: "soon" is not a date'),
        (("pace", "--goal", "5k=12:00"), "runtimer pace: argument --goal: 5k in 12:00 is faster than the"),
        (("pace", "--goal", "5k"), 'runtimer pace: argument --goal: "5k" is not a goal (try 5k=19:59)'),
        (("pace",), "runtimer: pace: give a pace (8:30/mi) or a goal (--goal 5k=19:59), one of the two"),
    ],
)
def test_bad_goals_are_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], message: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.startswith(message) and err.count("\n") == 1
    assert not goal_path().exists()


def test_pace_with_a_goal_prints_the_pace_table_for_its_race_pace(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "pace", "--goal", "5k=20:00")
    assert (code, err) == (0, "")
    assert out == (
        "5k in 20:00 pace  6:26/mi  4:00/km  15.0 km/h  9.3 mph\n"
        "\n"
        "DISTANCE  RACE\n"
        "200 m     0:48\n"
        "400 m     1:36\n"
        "800 m     3:12\n"
        "1 km      4:00\n"
        "1 mile    6:26\n"
    )


def catalogue() -> Catalogue:
    return Catalogue.load(seeds_dir(), user_workouts_dir())


def test_the_400s_run_at_the_goals_race_pace_unless_a_usual_pace_is_typed_today() -> None:
    entry = catalogue().resolve("400s")
    settings = Settings(usual_pace=Pace(510, "mi"))
    goal = make_goal("5k", "20:00")
    with_goal = prepare(entry, Overrides(), settings, goal=goal)
    assert with_goal.phases[1].target_split_s == 96 and with_goal.goal == goal
    from_settings = prepare(entry, Overrides(), settings)
    assert from_settings.phases[1].pace == Pace(395, "mi") and from_settings.goal is None
    typed = prepare(entry, Overrides(), settings, usual_pace=Pace(480, "mi"), goal=goal)
    assert typed.phases[1].pace == Pace(372, "mi") and typed.goal is None
    intervals = prepare(catalogue().resolve("intervals"), Overrides(), settings, goal=goal)
    assert intervals.goal is None, "a workout with no @goal step has nothing to compare with the goal"


def test_show_fills_in_the_goal(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "goal", "5k", "20:00")
    code, out, _ = run(capsys, "show", "400s")
    assert code == 0
    assert "400m @4:00/km in 1:36" in out

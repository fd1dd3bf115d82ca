"""A goal as the runner types it, its paces, and the goals no human runs."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runtimer.coach.goal import RACES, WORLD_RECORDS, make_goal, parse_race_distance, world_record
from runtimer.plan.durations import format_time
from runtimer.plan.units import Pace


def test_a_sub_20_5k_and_what_follows_from_it() -> None:
    goal = make_goal("5k", "19:59", date(2027, 3, 14))
    assert (goal.distance, goal.metres, goal.seconds, goal.race_on) == ("5k", 5000, 1199, date(2027, 3, 14))
    assert goal.headline == "5k in 19:59"
    assert goal.pace_target() == Pace(240, "km"), "3:59.8 per km, to the second"
    assert format_time(goal.split_s(400)) == "1:36"
    assert goal.vdot == pytest.approx(49.85, abs=0.01)
    assert format_time(goal.interval.seconds_per_km * 0.4) == "1:34"
    assert dict(goal.equivalents())["5k"] == 1199


@pytest.mark.parametrize(
    ("text", "name", "metres"),
    [
        ("5K", "5k", 5000),
        ("5km", "5k", 5000),
        ("half-marathon", "half", 21097.5),
        ("Marathon", "marathon", 42195),
        ("mile", "mile", 1609.344),
        ("8km", "8km", 8000),
        ("1500m", "1500m", 1500),
        ("10mi", "10mi", 16093.44),
    ],
)
def test_distances_by_name_or_length(text: str, name: str, metres: float) -> None:
    parsed_name, parsed_metres = parse_race_distance(text)
    assert parsed_name == name
    assert parsed_metres == pytest.approx(metres)


def test_a_mile_goal_keeps_its_paces_per_mile() -> None:
    assert make_goal("mile", "5:00").pace_target() == Pace(300, "mi")


@pytest.mark.parametrize(
    ("distance", "time", "message"),
    [
        (
            "5k",
            "12:00",
            "5k in 12:00 is faster than the world record (12:35, 5000 m: Joshua Cheptegei, 2020)",
        ),
        ("marathon", "2:00:00", "marathon in 2:00:00 is faster than the world record (2:00:35"),
        (
            "half",
            "56:30",
            "half in 56:30 is faster than the world record (56:42, half marathon: Jacob Kiplimo",
        ),
        ("8km", "20:00", "8km in 20:00 is faster than the world record (20:41, the line between the 5000 m"),
        ("5k", "19:5x", '"19:5x" is not a race time (try 19:59 or 3:05:00)'),
        ("5k", "", '"" is not a race time'),
        ("parkrun", "20:00", '"parkrun" is not a race distance (try 5k, 10k, half, marathon, mile'),
        ("400m", "1:00", '"400m": goals run from 1500m to the marathon'),
        ("100km", "9:00:00", '"100km": goals run from 1500m to the marathon'),
        ("marathon", "30:00:00", "marathon in 30:00:00 is slower than a walk"),
    ],
)
def test_goals_no_one_runs_and_malformed_ones_are_one_line(distance: str, time: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        make_goal(distance, time)
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


def test_the_bounds_are_the_ratified_records() -> None:
    """Written out again from World Athletics' list, so a slip in the table is caught here."""
    published = {
        "1500 m": 3 * 60 + 26.00,
        "mile": 3 * 60 + 43.13,
        "3000 m": 7 * 60 + 17.55,
        "5000 m": 12 * 60 + 35.36,
        "10,000 m": 26 * 60 + 11.00,
        "half marathon": 56 * 60 + 42,
        "marathon": 2 * 3600 + 35,
    }
    assert {holder.split(":")[0]: seconds for _, seconds, holder in WORLD_RECORDS} == pytest.approx(published)


@pytest.mark.parametrize(("metres", "seconds", "holder"), WORLD_RECORDS)
def test_each_record_is_its_own_bound_and_a_goal_at_it_stands(
    metres: float, seconds: float, holder: str
) -> None:
    assert world_record(metres) == (seconds, holder)
    name = next((race for race, race_m in RACES.items() if race_m == metres), f"{metres:g}m")
    assert make_goal(name, format_time(seconds + 1)).seconds >= seconds


@given(st.floats(1500, 42195))
def test_the_record_line_runs_between_its_neighbours(metres: float) -> None:
    record, _ = world_record(metres)
    below = max((m, s) for m, s, _ in WORLD_RECORDS if m <= metres)
    above = min((m, s) for m, s, _ in WORLD_RECORDS if m >= metres)
    assert below[1] <= record <= above[1]

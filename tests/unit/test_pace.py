"""Pace arithmetic: conversions, "X% faster" as the notes use it, splits, and rounding for display."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runtimer.coach.goal_pace import (
    PaceRate,
    faster,
    format_pace,
    format_time_range,
    goal_pace,
    parse_pace_or_speed,
    parse_percent_range,
    split_seconds,
)
from runtimer.plan.durations import format_time
from runtimer.plan.units import METRES_PER_UNIT, Pace

USUAL = PaceRate.from_seconds_per(510, "mi")  # the notes' 8:30/mi
seconds_per_unit = st.floats(min_value=60, max_value=3600, allow_nan=False)
speeds = st.floats(min_value=1, max_value=60, allow_nan=False)


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-12)


@pytest.mark.parametrize(
    ("text", "default_unit", "per_mile", "per_km"),
    [
        ("8:30/mi", "km", "8:30/mi", "5:17/km"),
        ("5:17/km", "mi", "8:30/mi", "5:17/km"),
        ("8:30", "mi", "8:30/mi", "5:17/km"),
        ("5:17", "km", "8:30/mi", "5:17/km"),
        (" 8:30/MI ", "km", "8:30/mi", "5:17/km"),
        ("12km/h", "mi", "8:03/mi", "5:00/km"),
        ("12 kph", "mi", "8:03/mi", "5:00/km"),
        ("12kmh", "mi", "8:03/mi", "5:00/km"),
        ("7.5mph", "km", "8:00/mi", "4:58/km"),
        ("7.5 MPH", "km", "8:00/mi", "4:58/km"),
    ],
)
def test_accepted_paces_and_speeds(text: str, default_unit: str, per_mile: str, per_km: str) -> None:
    rate = parse_pace_or_speed(text, "mi" if default_unit == "mi" else "km")
    assert (format_pace(rate, "mi"), format_pace(rate, "km")) == (per_mile, per_km)


def test_a_bare_pace_is_read_in_the_default_unit() -> None:
    assert parse_pace_or_speed("8:30", "mi") == USUAL
    assert parse_pace_or_speed("8:30", "km") == PaceRate(510)


@pytest.mark.parametrize("text", ["1:40/km", "2:41/mi", "30:00/km", "48:16/mi", "36km/h", "2kmh"])
def test_the_plausible_range_includes_its_ends(text: str) -> None:
    parse_pace_or_speed(text, "mi")


def test_a_plan_pace_becomes_the_same_rate() -> None:
    assert PaceRate.from_pace(Pace(510, "mi")) == USUAL
    assert PaceRate.from_pace(Pace(240, "km")) == PaceRate(240)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("fast", '"fast" is not a pace (try 8:30/mi, 5:17/km, 8:30 or 12km/h)'),
        ("8:75", '"8:75" is not a pace (try 8:30/mi, 5:17/km, 8:30 or 12km/h)'),
        ("0:00/mi", '"0:00/mi" is not a pace (try 8:30/mi, 5:17/km, 8:30 or 12km/h)'),
        ("8:30/yd", '"8:30/yd" is not a pace (try 8:30/mi, 5:17/km, 8:30 or 12km/h)'),
        ("12", '"12" is not a pace (try 8:30/mi, 5:17/km, 8:30 or 12km/h)'),
        ("0km/h", '"0km/h" must be faster than zero (try 8:30/mi, 5:17/km, 8:30 or 12km/h)'),
        ("", '"" is not a pace (try 8:30/mi, 5:17/km, 8:30 or 12km/h)'),
        # Well formed but no runner's: named as read, with the unit a bare pace was given.
        ("0:30", '"0:30/mi" is faster than anyone runs (1:40/km or 2:41/mi at the fastest)'),
        ("1:39/km", '"1:39/km" is faster than anyone runs (1:40/km or 2:41/mi at the fastest)'),
        ("40km/h", '"40km/h" is faster than anyone runs (1:40/km or 2:41/mi at the fastest)'),
        ("48:18/mi", '"48:18/mi" is slower than a walk (30:00/km or 48:16/mi at the slowest)'),
        ("1mph", '"1mph" is slower than a walk (30:00/km or 48:16/mi at the slowest)'),
    ],
)
def test_bad_paces_say_what_was_expected(text: str, message: str) -> None:
    with pytest.raises(ValueError) as error:
        parse_pace_or_speed(text, "mi")
    assert str(error.value) == message


@given(seconds_per_unit)
def test_mile_and_km_round_trip(seconds: float) -> None:
    by_mile = PaceRate.from_seconds_per(seconds, "mi")
    assert close(by_mile.seconds_per("mi"), seconds)
    assert close(PaceRate.from_seconds_per(by_mile.seconds_per("km"), "km").seconds_per("mi"), seconds)
    assert close(by_mile.seconds_per("mi") / by_mile.seconds_per("km"), METRES_PER_UNIT["mi"] / 1000)


@given(speeds)
def test_kmh_and_mph_round_trip(kmh: float) -> None:
    rate = PaceRate.from_kmh(kmh)
    assert close(rate.kmh, kmh)
    assert close(PaceRate.from_mph(rate.mph).kmh, kmh)
    assert close(rate.mph * METRES_PER_UNIT["mi"] / 1000, kmh)


@given(seconds_per_unit)
def test_a_pace_and_its_speed_round_trip(seconds_per_km: float) -> None:
    rate = PaceRate(seconds_per_km)
    assert close(PaceRate.from_kmh(rate.kmh).seconds_per_km, seconds_per_km)
    assert close(PaceRate.from_mph(rate.mph).seconds_per_km, seconds_per_km)


@pytest.mark.parametrize("seconds_per_km", [0.0, -1.0, math.inf, math.nan])
def test_a_rate_must_be_a_positive_finite_time(seconds_per_km: float) -> None:
    with pytest.raises(ValueError):
        PaceRate(seconds_per_km)


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        (382.5, "6:22"),  # a tie goes to the even second, as Python's round() does
        (383.5, "6:24"),
        (96.9, "1:37"),
        (408, "6:48"),
        (59.4, "0:59"),
        (59.6, "1:00"),
        (3599.6, "1:00:00"),
        (3723, "1:02:03"),
        (0.4, "0:00"),
    ],
)
def test_times_round_to_the_nearest_second(seconds: float, shown: str) -> None:
    assert format_time(seconds) == shown


def test_conversion_noise_does_not_tip_a_tie() -> None:
    fast_end = faster(USUAL, 25)
    assert fast_end.seconds_per("mi") != 382.5  # the float sum lands a hair above the tie ...
    assert format_pace(fast_end, "mi") == "6:22/mi"  # ... and still shows as 382.5 does on paper


def test_faster_shrinks_the_time_per_mile_as_the_notes_do() -> None:
    assert math.isclose(faster(USUAL, 20).seconds_per("mi"), 408)
    assert math.isclose(faster(USUAL, 25).seconds_per("mi"), 382.5)
    assert format_pace(faster(USUAL, 20), "mi") == "6:48/mi"
    notes_target = PaceRate.from_seconds_per(390, "mi")  # "a 6:30 min pace"
    assert faster(USUAL, 25).seconds_per_km < notes_target.seconds_per_km < faster(USUAL, 20).seconds_per_km


@pytest.mark.parametrize("percent", [0, 100, -5, 120])
def test_faster_needs_a_percentage_between_0_and_100(percent: float) -> None:
    with pytest.raises(ValueError, match="is out of range"):
        faster(USUAL, percent)


def test_the_goal_is_the_middle_of_the_range() -> None:
    goal = goal_pace(USUAL, 20, 25)
    assert goal.target_percent == 22.5
    assert math.isclose(goal.target.seconds_per("mi"), 395.25)
    assert math.isclose(goal.fast.seconds_per("mi"), 382.5)
    assert math.isclose(goal.slow.seconds_per("mi"), 408)
    assert goal.is_range
    assert format_time_range(goal.fast.seconds_per("mi"), goal.slow.seconds_per("mi")) == "6:22-6:48"


def test_a_single_percentage_is_a_goal_of_one_pace() -> None:
    goal = goal_pace(USUAL, 20, 20)
    assert not goal.is_range
    assert goal.target == goal.fast == goal.slow
    assert format_time_range(goal.fast.seconds_per("mi"), goal.slow.seconds_per("mi")) == "6:48"


def test_a_goal_range_must_run_low_to_high() -> None:
    with pytest.raises(ValueError, match="low end above its high end"):
        goal_pace(USUAL, 25, 20)


@pytest.mark.parametrize(
    ("text", "low_high"),
    [
        ("20", (20, 20)),
        ("20%", (20, 20)),
        ("20-25", (20, 25)),
        ("20-25%", (20, 25)),
        ("20%-25%", (20, 25)),
        (" 20 - 25 % ", (20, 25)),
        ("22.5", (22.5, 22.5)),
        ("20-20", (20, 20)),
    ],
)
def test_percent_ranges(text: str, low_high: tuple[float, float]) -> None:
    assert parse_percent_range(text) == low_high


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("lots", '"lots" is not a percentage (try 20, 20% or 20-25%)'),
        ("20-", '"20-" is not a percentage (try 20, 20% or 20-25%)'),
        ("-20", '"-20" is not a percentage (try 20, 20% or 20-25%)'),
        ("20%%", '"20%%" is not a percentage (try 20, 20% or 20-25%)'),
        ("0", '"0" is out of range (a pace can be more than 0% and less than 100% faster)'),
        ("100%", '"100%" is out of range (a pace can be more than 0% and less than 100% faster)'),
        ("20-100", '"20-100" is out of range (a pace can be more than 0% and less than 100% faster)'),
        ("25-20%", '"25-20%" has its low end above its high end (try 20-25%)'),
    ],
)
def test_bad_percentages_say_what_was_expected(text: str, message: str) -> None:
    with pytest.raises(ValueError) as error:
        parse_percent_range(text)
    assert str(error.value) == message


def test_split_is_pace_times_distance() -> None:
    notes_target = PaceRate.from_seconds_per(390, "mi")
    assert math.isclose(split_seconds(notes_target, 400), 96.934, abs_tol=1e-3)
    assert format_time(split_seconds(notes_target, 400)) == "1:37"
    assert math.isclose(split_seconds(USUAL, METRES_PER_UNIT["mi"]), 510)
    assert math.isclose(split_seconds(PaceRate(300), 1000), 300)


@given(seconds_per_unit, st.floats(min_value=1, max_value=50_000))
def test_splits_add_up(seconds_per_km: float, metres: float) -> None:
    rate = PaceRate(seconds_per_km)
    assert close(split_seconds(rate, metres) + split_seconds(rate, metres), split_seconds(rate, 2 * metres))


@pytest.mark.parametrize("metres", [0.0, -400.0])
def test_a_split_needs_a_distance(metres: float) -> None:
    with pytest.raises(ValueError):
        split_seconds(USUAL, metres)


def test_format_pace_reads_back() -> None:
    rate = PaceRate.from_seconds_per(395.25, "mi")
    assert format_pace(rate, "mi") == "6:35/mi"
    assert parse_pace_or_speed(format_pace(rate, "mi"), "km") == PaceRate.from_seconds_per(395, "mi")

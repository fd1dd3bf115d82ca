"""The VDOT and Riegel maths against published values.

Daniels' tables are from *Daniels' Running Formula*, 3rd edition (2014):
Table 5.1 (VDOT values for race times) and Table 5.2 (training intensities),
as transcribed in the tlgs/vdot project's analysis notebook and quoted in
part by runners' write-ups ("VDOT 50: 5k 19:57, 10k 41:21, half 1:31:35,
marathon 3:10:49"). The rows tested here, times as m:ss or h:mm:ss:

    VDOT   5,000    10K      half      marathon   I per 400   R per 400
    30     30:40    63:46    2:21:04   4:49:17      2:22         -
    40     24:08    50:03    1:50:59   3:49:45      1:52        1:44
    45     21:50    45:16    1:40:20   3:28:26      1:42        1:34
    50     19:57    41:21    1:31:35   3:10:49      1:33        1:27
    55     18:22    38:06    1:24:18   2:56:01      1:27        1:21
    60     17:03    35:22    1:18:09   2:43:25      1:21        1:15
    65     15:54    33:01    1:12:53   2:32:35      1:16        1:10
    70     14:55    31:00    1:08:21   2:23:10      1:11        1:05
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runtimer.coach.vdot import (
    fraction_sustained,
    interval_pace,
    oxygen_cost,
    repetition_pace,
    riegel,
    speed_for,
    vdot,
)
from runtimer.plan.durations import parse_duration

TABLE_5_1 = {
    30: ("30:40", "63:46", "2:21:04", "4:49:17"),
    40: ("24:08", "50:03", "1:50:59", "3:49:45"),
    45: ("21:50", "45:16", "1:40:20", "3:28:26"),
    50: ("19:57", "41:21", "1:31:35", "3:10:49"),
    55: ("18:22", "38:06", "1:24:18", "2:56:01"),
    60: ("17:03", "35:22", "1:18:09", "2:43:25"),
    65: ("15:54", "33:01", "1:12:53", "2:32:35"),
    70: ("14:55", "31:00", "1:08:21", "2:23:10"),
}
RACE_METRES = (5000.0, 10000.0, 21097.5, 42195.0)
TABLE_5_2_PER_400 = {40: (112, 104), 45: (102, 94), 50: (93, 87), 55: (87, 81), 60: (81, 75), 65: (76, 70)}
"""I and R pace per 400 m, in seconds. (At VDOT 70 R is 65 s; the shares give 66.1 s.)"""


def per_400(seconds_per_km: float) -> float:
    return seconds_per_km * 0.4


def test_a_20_minute_5k_is_vdot_49_8() -> None:
    assert vdot(5000, 20 * 60) == pytest.approx(49.8, abs=0.05)


@pytest.mark.parametrize("level", TABLE_5_1)
def test_every_race_time_of_a_table_row_gives_that_rows_vdot(level: int) -> None:
    for metres, written in zip(RACE_METRES, TABLE_5_1[level], strict=True):
        assert vdot(metres, parse_duration(written)) == pytest.approx(level, abs=0.1), (metres, written)


@pytest.mark.parametrize(("level", "paces"), TABLE_5_2_PER_400.items())
def test_interval_and_repetition_paces_match_the_published_table_within_a_second(
    level: int, paces: tuple[int, int]
) -> None:
    interval, repetition = paces
    assert per_400(interval_pace(level).seconds_per_km) == pytest.approx(interval, abs=1.0)
    assert per_400(repetition_pace(level).seconds_per_km) == pytest.approx(repetition, abs=1.0)


def test_the_two_equations_at_known_points() -> None:
    assert oxygen_cost(250) == pytest.approx(47.4645), "ml/kg/min at 250 m/min (4:00/km)"
    assert fraction_sustained(0) == pytest.approx(1.2883951)
    assert fraction_sustained(20) == pytest.approx(0.95298, abs=1e-5), "a 20-minute race: about 95% of VDOT"
    assert fraction_sustained(60 * 24) == pytest.approx(0.8, abs=1e-6), "a day long: the floor"


@given(st.floats(100, 600))
def test_speed_for_inverts_the_oxygen_cost(speed: float) -> None:
    assert speed_for(oxygen_cost(speed)) == pytest.approx(speed)


@given(st.floats(1500, 42195), st.floats(200, 30000), st.floats(1.01, 3))
def test_a_faster_time_over_the_same_distance_is_a_higher_vdot(
    metres: float, seconds: float, by: float
) -> None:
    assert vdot(metres, seconds / by) > vdot(metres, seconds)


def test_interval_pace_is_quicker_than_race_pace_at_vdot_and_repetition_quicker_still() -> None:
    for level in (35, 50, 75):
        assert repetition_pace(level).seconds_per_km < interval_pace(level).seconds_per_km


# Riegel: a worked example published with the formula (a 22:00 5K):
# "10K 45:52, half marathon 1:41:12, marathon 3:31:00".
@pytest.mark.parametrize(("metres", "written"), [(10000, "45:52"), (21097.5, "1:41:12"), (42195, "3:31:00")])
def test_riegel_against_a_published_worked_example(metres: float, written: str) -> None:
    assert riegel(22 * 60, 5000, metres) == pytest.approx(parse_duration(written), abs=1.0)


@given(st.floats(60, 30000), st.floats(1000, 50000), st.floats(1000, 50000))
def test_riegel_there_and_back_is_the_same_time(seconds: float, there: float, back: float) -> None:
    assert riegel(riegel(seconds, there, back), back, there) == pytest.approx(seconds)
    doubled = riegel(seconds, there, 2 * there)
    assert math.isclose(doubled / seconds, 2**1.06)

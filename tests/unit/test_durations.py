from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runtimer.plan.durations import format_clock, format_duration, parse_duration


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("90", 90),
        ("90s", 90),
        ("2m", 120),
        ("1m30s", 90),
        ("1:30", 90),
        ("0:01:30", 90),
        ("1h5m", 3900),
        (" 40S ", 40),
    ],
)
def test_accepted_forms(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("40q", "is not a duration (try 40s, 2m, 1:30)"),
        ("0", "must be longer than zero"),
        ("0s", "must be longer than zero"),
        ("-5s", "is not a duration"),
        ("1:60", "60 or more"),
        ("30s1m", "is not a duration"),
        ("1m1m", "is not a duration"),
        ("", "is not a duration"),
        ("1.5m", "is not a duration"),
    ],
)
def test_rejected_forms_explain_themselves(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        parse_duration(text)


@given(st.integers(1, 10 * 3600))
def test_format_round_trips(seconds: int) -> None:
    assert parse_duration(format_duration(seconds)) == seconds


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(0, "00:00"), (0.3, "00:01"), (59.99, "01:00"), (2180, "36:20"), (3600, "1:00:00"), (3725, "1:02:05")],
)
def test_clock_rounds_up_like_a_countdown(seconds: float, shown: str) -> None:
    assert format_clock(seconds) == shown

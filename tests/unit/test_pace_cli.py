"""``runtimer pace`` through the real entry point."""

from __future__ import annotations

import pytest

from tests.support.cli_helpers import run


def test_the_issue_example(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "pace", "8:30/mi", "--faster", "20-25%")
    assert (code, err) == (0, "")
    assert out == (
        "usual pace     8:30/mi       5:17/km       11.4 km/h  7.1 mph\n"
        "20-25% faster  6:22-6:48/mi  3:58-4:14/km\n"
        "aim for        6:35/mi       4:06/km       22.5% faster, the middle of the range\n"
        "\n"
        "DISTANCE  USUAL     TARGET   AIM\n"
        "200 m      1:03  0:48-0:51  0:49\n"
        "400 m      2:07  1:35-1:41  1:38\n"
        "800 m      4:14  3:10-3:23  3:16\n"
        "1 km       5:17  3:58-4:14  4:06\n"
        "1 mile     8:30  6:22-6:48  6:35\n"
    )


def test_the_notes_target_runs_each_400_in_about_1_37(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "pace", "6:30/mi")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "usual pace  6:30/mi  4:02/km  14.9 km/h  9.2 mph"
    assert "400 m      1:37" in out.splitlines()
    assert "TARGET" not in out


def test_a_bare_pace_in_km(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "pace", "5:17", "--unit", "km")
    assert code == 0
    assert out.splitlines()[0] == "usual pace  8:30/mi  5:17/km  11.4 km/h  7.1 mph"
    assert run(capsys, "pace", "--unit", "km", "5:17")[1] == out


def test_a_bare_pace_defaults_to_miles(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "pace", "8:30")[1] == run(capsys, "pace", "8:30/mi")[1]


def test_an_explicit_unit_beats_unit(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "pace", "5:17/km", "--unit", "mi")[1].startswith("usual pace  8:30/mi  5:17/km")


def test_a_treadmill_speed_and_a_single_percentage(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "pace", "12km/h", "--faster", "20")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:2] == [
        "usual pace  8:03/mi  5:00/km  12.0 km/h  7.5 mph",
        "20% faster  6:26/mi  4:00/km",
    ]
    assert "DISTANCE  USUAL  TARGET" in lines  # one pace, so no range and no middle to aim for
    assert "400 m      2:00    1:36" in lines


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ("pace", "fast"),
            'runtimer: "fast" is not a pace (try 8:30/mi, 5:17/km, 8:30 or 12km/h)\n',
        ),
        (
            ("pace", "0:45/km"),
            'runtimer: "0:45/km" is faster than anyone runs (1:40/km or 2:41/mi at the fastest)\n',
        ),
        (
            ("pace", "5:30/km", "--faster", "80"),
            'runtimer: "5:30/km" made 80% faster (1:06/km, 1:46/mi) is faster than anyone runs'
            " (1:40/km or 2:41/mi at the fastest)\n",
        ),
        (
            ("pace", "8:30", "--faster", "lots"),
            "runtimer pace: argument --faster: "
            '"lots" is not a percentage (try 20, 20% or 20-25%) (see --help)\n',
        ),
        (
            ("pace", "8:30", "--faster", "25-20%"),
            "runtimer pace: argument --faster: "
            '"25-20%" has its low end above its high end (try 20-25%) (see --help)\n',
        ),
        (
            ("pace", "8:30", "--faster", "100"),
            "runtimer pace: argument --faster: "
            '"100" is out of range (a pace can be more than 0% and less than 100% faster) (see --help)\n',
        ),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], message: str
) -> None:
    assert run(capsys, *argv) == (2, "", message)


def test_an_unknown_unit_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "pace", "8:30", "--unit", "yd")
    assert (code, out) == (2, "")
    # the rest of the line is argparse's own wording, which varies between Python versions
    assert err.startswith("runtimer pace: argument --unit: invalid choice: ")
    assert err.count("\n") == 1

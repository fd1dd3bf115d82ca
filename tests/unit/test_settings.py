"""The settings file: defaults when absent, and one plain line naming the key when a value is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from runtimer.config.paths import settings_path
from runtimer.config.settings import Settings, load_settings
from runtimer.errors import UserError
from runtimer.plan.units import Pace
from tests.support.cli_helpers import run


def test_no_file_means_the_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "settings.toml") == Settings()


def test_a_good_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('lead_in_s = 0\nusual_pace = "8:30/mi"\nfaster = "20%"\n')
    settings = load_settings(path)
    assert (settings.lead_in_s, settings.usual_pace) == (0, Pace(510, "mi"))
    assert settings.goal() == Pace(408, "mi")  # 20% less time per mile


def test_export_dir_is_a_folder_of_the_runners_own(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('export_dir = "~/Sync/runs"\n')
    settings = load_settings(path)
    assert settings.export_path == Path.home() / "Sync" / "runs"
    assert settings.export_format == "fit"
    assert Settings().export_path is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("lead_in_s = -1\n", "lead_in_s: should be greater than or equal to 0, not -1"),
        ("volume = 101\n", "volume: should be less than or equal to 100, not 101"),
        ('muted = "no"\n', 'muted: should be a valid boolean, not "no"'),
        ("lead_in_s = 2.5\n", "lead_in_s: should be a valid integer, not 2.5"),
        ('announce = "beeps"\n', "announce: should be 'tones', 'voice' or 'both', not \"beeps\""),
        ('usual_pace = "0:20/mi"\n', 'usual_pace: "0:20/mi" is faster than anyone runs'),
        ("usual_pace = 510\n", "usual_pace: 510 is not a pace (try 6:30/mi or 4:00/km)"),
        ("colour = 1\n", 'unknown key "colour"'),
        ('export_format = "gpx"\n', "export_format: should be 'fit' or 'tcx', not \"gpx\""),
        ("export_dir = 1\n", "export_dir: should be a valid string, not 1"),
    ],
)
def test_a_wrong_value_is_one_line_naming_the_key_and_what_was_written(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(content)
    with pytest.raises(UserError) as caught:
        load_settings(path)
    assert str(caught.value).startswith(f"{path}: {message}")
    assert "Input should" not in str(caught.value) and "\n" not in str(caught.value)


def test_a_goal_pace_no_one_can_run_is_refused_where_it_is_made(tmp_path: Path) -> None:
    """8:30/mi and 80% are each fine; together they ask for a 1:42/mi sprint."""
    path = tmp_path / "settings.toml"
    path.write_text('usual_pace = "8:30/mi"\nfaster = "80%"\n')
    settings = load_settings(path)
    with pytest.raises(UserError) as caught:
        settings.goal()
    assert str(caught.value) == (
        "the goal pace 1:42/mi (80% faster than 8:30/mi) is faster than anyone runs"
        " (1:40/km or 2:41/mi at the fastest)"
    )


def test_the_cli_refuses_a_bad_settings_file_with_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("rest_floor_s = 0\n")
    code, out, err = run(capsys, "run", "intervals")
    assert (code, out) == (2, "")
    assert err == f"runtimer: {path}: rest_floor_s: should be greater than or equal to 1, not 0\n"

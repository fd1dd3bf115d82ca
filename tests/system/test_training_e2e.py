"""Training with intention, for real: a goal and a plan set on the command line, then the picker in a
terminal on the plan's first Monday; and sets of reps run through in tmux, and refused when malformed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.terminal import (
    RUNTIMER,
    Tmux,
    history_json,
    needs_faketime,
    needs_tmux,
    on_day,
    phase_line,
    runtimer_env,
    write_settings,
)

pytestmark = [needs_tmux, pytest.mark.slow]

MONDAY = "2025-06-02"


def runtimer(home: Path, *argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(RUNTIMER), *argv],
        env={**runtimer_env(home), **(env or {})},
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


@needs_faketime
def test_a_goal_a_plan_and_todays_session_on_the_picker(tmux: Tmux, tmp_path: Path) -> None:
    home = tmp_path / "runner"
    goal = runtimer(home, "goal", "5k", "20:00", env=on_day(MONDAY))
    assert goal.returncode == 0, goal.stderr
    assert "VDOT 49.8" in goal.stdout
    plan = runtimer(home, "plan", "--weeks", "8", "--days", "mon,wed,fri,sat", env=on_day(MONDAY))
    assert plan.returncode == 0, plan.stderr
    assert "plan: 8 weeks, Mon 2025-06-02 to Sun 2025-07-27, toward 5k in 20:00" in plan.stdout

    tmux.start("picker", [], home, env=on_day(MONDAY))
    screen = tmux.wait_for("picker", lambda s: "week 1 of 8" in s, 20, "today's session")
    assert "week 1 of 8 · 400s at 1:36 per 400 m · 4 reps" in screen
    assert "this week: Mon 400s · Wed easy · Fri intervals · Sat cadence" in screen
    assert "400m @4:00/km in 1:36" in screen, "the preview of today's 400s, with its target"
    tmux.send("picker", "q")
    tmux.wait_until_closed("picker", 10)
    for seen in tmux.seen:
        assert "Traceback" not in seen


def test_sets_of_reps_run_through_with_the_set_and_rep_on_screen(tmux: Tmux, tmp_path: Path) -> None:
    home = tmp_path / "runner"
    write_settings(home, "lead_in_s = 0\n")
    tmux.start("sets", ["run", "2x(2x(2s sprint, 2s jog), 3s rest)", "--mute"], home, report_exit=True)

    first = tmux.wait_for("sets", lambda s: phase_line(s).startswith("SPRINT"), 15, "first sprint")
    assert phase_line(first).endswith("Set 1/2 · Rep 1/2")
    tmux.wait_for("sets", lambda s: phase_line(s).endswith("Set 1/2 · Rep 2/2"), 15, "second rep")
    rest = tmux.wait_for("sets", lambda s: phase_line(s).startswith("REST"), 15, "rest between sets")
    assert phase_line(rest).endswith("Set 1/2")
    assert "Next: SPRINT 00:02 (set 2/2, rep 1/2)" in rest
    tmux.wait_for(
        "sets", lambda s: phase_line(s).endswith("Set 2/2 · Rep 2/2"), 20, "last rep of the last set"
    )
    tmux.wait_for("sets", lambda s: "Were you gassed" in s, 20, "summary")
    tmux.send("sets", "s")
    tmux.send("sets", "q")
    ended = tmux.wait_for("sets", lambda s: "EXIT=" in s, 10, "exit", scrollback=True)
    assert "EXIT=0" in ended
    [record] = history_json(home)
    assert (record["status"], record["reps_done"], record["reps_planned"]) == ("completed", 4, 4)
    assert [p["kind"] for p in record["phases"]] == ["sprint", "jog", "sprint", "jog", "rest"] * 2


@pytest.mark.parametrize(
    ("workout", "message"),
    [
        ("2x(2x(2x(40s sprint), 1m jog), 4m rest)", "at column 7: repeats nest one level deep"),
        ("2x(6x(400m @goal, 200m jog), 4m rest)", 'at column 19: "200m" before the kind is 200 minutes'),
        ("2x(6x(40s sprint, 1m jog), 4m rest", 'at column 35: expected ")" but found the end'),
        ("2x(6x(), 4m rest)", 'at column 7: expected a duration but found ")"'),
        ("0x(6x(40s sprint), 4m rest)", "at column 1: a rep count must be greater than zero"),
        ("2x(6x(40s sprint) 4m rest)", 'at column 19: expected ")" but found "4m"'),
    ],
)
def test_every_bad_form_of_a_set_is_one_line_and_exit_2(tmp_path: Path, workout: str, message: str) -> None:
    done = runtimer(tmp_path, "show", workout)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == f'runtimer: workout "{workout}" {message}' + done.stderr.split(message, 1)[1]
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def test_a_set_nested_too_deep_in_a_file_is_one_line_naming_its_place(tmp_path: Path) -> None:
    track = tmp_path / "track.toml"
    track.write_text(
        "[[steps]]\nrepeat = 2\n[[steps.steps]]\nrepeat = 6\n[[steps.steps.steps]]\nrepeat = 2\n"
        'steps = [{ kind = "sprint", duration = "40s" }]\n',
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "runtimer", "check", str(track)],
        env={**os.environ, **runtimer_env(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr == (
        f"runtimer check: {track}: step 1 > step 1 > step 1: repeats nest one level deep "
        "(a set of reps, like 2x(6x(400m, jog 200m), 4m rest))\n"
    )

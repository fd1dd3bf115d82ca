"""Fault suite, the terminal: odd sizes, odd terminals, no keyboard on stdin, and readers that leave.

Each case runs the installed ``runtimer`` in its own tmux terminal, and the
sessions run side by side in one tmux server. A case asserts the promise, not
just that nothing crashed: the session keeps its time and every phase reaches
the history, the screen is drawn again once the terminal is usable, colour
goes when asked, keys still work with stdin from /dev/null.
"""

from __future__ import annotations

import re
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from runtimer.plan.models import StepKind
from runtimer.store.sessions import SessionStore
from tests.support.terminal import (
    RUNTIMER,
    Tmux,
    history_json,
    needs_tmux,
    phase_line,
    runtimer_env,
    write_settings,
)

WORKOUT = "3x(3s sprint, 3s jog)"
TOTAL_S = 18.0
LATE_S = 2.0
"""How far the end seen on screen may stray from the plan: polling, drawing and a busy machine."""
RESIZES = 50
SMALLEST, LARGEST = (20, 5), (200, 60)
GREYS = {16, 231, *range(232, 256)}
"""The 256-colour palette's black, white and grey ramp."""

CASES = {
    "resized": {},
    "tiny": {},
    "dumb": {"TERM": "dumb"},
    "no-color": {"NO_COLOR": "1"},
    "stdin-null": {},
}


@dataclass
class Run:
    home: Path
    first_sprint_seen: float = 0.0
    summary_seen: float = 0.0
    screens: dict[str, str] = field(default_factory=dict)
    """Named moments of the run: what the terminal showed then."""
    raw: bytes = b""
    """Everything the program wrote to its terminal."""

    def history(self) -> list[dict[str, object]]:
        return history_json(self.home)


def sgr_colours(raw: bytes) -> set[tuple[str, int]]:
    """Every colour the program set: ("256", n), ("rgb", r*65536+g*256+b) or ("basic", code)."""
    colours: set[tuple[str, int]] = set()
    for params in re.findall(rb"\x1b\[([0-9;]*)m", raw):
        parts = [int(part) for part in params.split(b";") if part]
        index = 0
        while index < len(parts):
            code = parts[index]
            if code in (38, 48) and index + 1 < len(parts):
                if parts[index + 1] == 5:
                    colours.add(("256", parts[index + 2]))
                    index += 3
                    continue
                if parts[index + 1] == 2:
                    r, g, b = parts[index + 2 : index + 5]
                    colours.add(("rgb", r * 65536 + g * 256 + b))
                    index += 5
                    continue
            if 30 <= code <= 37 or 40 <= code <= 47 or 90 <= code <= 97 or 100 <= code <= 107:
                colours.add(("basic", code))
            index += 1
    return colours


def is_grey(colour: tuple[str, int]) -> bool:
    kind, value = colour
    if kind == "256":
        return value in GREYS
    if kind == "rgb":
        return value // 65536 == (value // 256) % 256 == value % 256
    return False


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Run]]:
    tmux = Tmux(tmp_path_factory.mktemp("tmux"))
    try:
        runs = {case: Run(tmp_path_factory.mktemp(case)) for case in CASES}
        for case, run in runs.items():
            write_settings(run.home, "lead_in_s = 0\n")
            tmux.start(
                case,
                ["run", WORKOUT, "--mute"],
                run.home,
                size=(1, 1) if case == "tiny" else (80, 24),
                env=CASES[case],
                stdin="/dev/null" if case == "stdin-null" else None,
            )
            tmux.record(case, run.home / "terminal.bytes")
        for case, run in runs.items():
            if case != "tiny":
                tmux.wait_for(case, lambda s: phase_line(s).startswith("SPRINT"), 15, "sprint")
                run.first_sprint_seen = time.monotonic()
        tmux.send("stdin-null", "Space")
        runs["stdin-null"].screens["paused"] = tmux.wait_for(
            "stdin-null", lambda s: phase_line(s).startswith("PAUSED"), 5, "pause"
        )
        tmux.send("stdin-null", "Space")
        for number in range(RESIZES):
            tmux.resize("resized", LARGEST if number % 2 else SMALLEST)
            time.sleep(0.02)
        tmux.resize("resized", (80, 24))
        time.sleep(0.5)
        runs["resized"].screens["after resizes"] = tmux.screen("resized")
        for case, run in runs.items():
            if case == "tiny":
                continue
            run.screens["summary"] = tmux.wait_for(
                case, lambda s: "Were you gassed" in s, TOTAL_S + 10, "end"
            )
            run.summary_seen = time.monotonic()
        tmux.resize("tiny", (80, 24))
        runs["tiny"].screens["summary"] = tmux.wait_for(
            "tiny", lambda s: "Were you gassed" in s, 30, "summary"
        )
        for case, run in runs.items():
            tmux.send(case, "s")
            tmux.send(case, "q")
            tmux.wait_until_closed(case, 5)
            run.raw = (run.home / "terminal.bytes").read_bytes()
        yield runs
    finally:
        tmux.close()


def assert_every_phase_kept(run: Run) -> None:
    [record] = run.history()
    assert record["status"] == "completed"
    phases = record["phases"]
    assert isinstance(phases, list)
    assert [(p["kind"], p["rep"], p["actual_s"]) for p in phases] == [
        (kind, rep, 3.0) for rep in (1, 2, 3) for kind in ("sprint", "jog")
    ]


@needs_tmux
@pytest.mark.slow
def test_fifty_resizes_during_a_session_change_nothing_but_the_layout(runs: dict[str, Run]) -> None:
    run = runs["resized"]
    places = [(int(row), int(column)) for row, column in re.findall(rb"\x1b\[(\d+);(\d+)H", run.raw)]
    assert max(places) >= (LARGEST[1] - 10, 1), "the resizes reached the app: it drew 60 rows"
    assert max(column for _, column in places) > LARGEST[0] - 20, "and 200 columns"
    redrawn = run.screens["after resizes"]
    assert phase_line(redrawn).startswith(("SPRINT", "JOG")), redrawn
    assert sum("█" in line for line in redrawn.splitlines()) >= 5, "the big digits at 80x24 again"
    assert "Traceback" not in run.raw.decode(errors="replace")
    assert abs(run.summary_seen - run.first_sprint_seen - TOTAL_S) <= LATE_S
    assert_every_phase_kept(run)


@needs_tmux
@pytest.mark.slow
def test_a_one_by_one_terminal_runs_the_session_and_draws_once_it_grows(runs: dict[str, Run]) -> None:
    run = runs["tiny"]
    assert "Phases   6 of 6" in run.screens["summary"]
    assert_every_phase_kept(run)


@needs_tmux
@pytest.mark.slow
def test_term_dumb_still_draws_and_runs(runs: dict[str, Run]) -> None:
    run = runs["dumb"]
    assert "SESSION COMPLETE" in run.screens["summary"]
    assert abs(run.summary_seen - run.first_sprint_seen - TOTAL_S) <= LATE_S
    assert_every_phase_kept(run)


@needs_tmux
@pytest.mark.slow
def test_no_color_draws_in_greys_and_names_the_phase(runs: dict[str, Run]) -> None:
    coloured = sgr_colours(runs["resized"].raw)
    assert not all(map(is_grey, coloured)), "the check can tell colour from grey"
    grey = sgr_colours(runs["no-color"].raw)
    assert grey and all(map(is_grey, grey)), sorted(c for c in grey if not is_grey(c))
    assert_every_phase_kept(runs["no-color"])


@needs_tmux
@pytest.mark.slow
def test_with_stdin_from_dev_null_keys_come_from_the_terminal(runs: dict[str, Run]) -> None:
    run = runs["stdin-null"]
    assert "PAUSED" in run.screens["paused"]
    assert_every_phase_kept(run)


def test_with_no_terminal_at_all_the_session_is_one_line_and_exit_2(tmp_path: Path) -> None:
    done = subprocess.run(
        [str(RUNTIMER), "run", WORKOUT],
        env=runtimer_env(tmp_path),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        start_new_session=True,  # no controlling terminal, as under cron
        timeout=30,
        check=False,
    )
    assert done.returncode == 2
    no_keys = "the session needs a terminal to read keys from: stdin is not one, and there is no /dev/tty"
    assert done.stderr.decode() == f"runtimer: {no_keys}\n"


@pytest.fixture
def big_history(tmp_path: Path) -> Path:
    """More sessions and workouts than a pipe's buffer holds, so a reader that leaves is felt."""
    home = tmp_path / "runner"
    store = SessionStore.open(home / "data" / "runtimer" / "history.sqlite3")
    start = datetime(2025, 1, 1, 7, tzinfo=UTC)
    for day in range(1500):
        session = store.begin("intervals", "8x(40s sprint, 2m jog)", start + timedelta(days=day), 8, 120)
        store.record_phase(session, 0, StepKind.SPRINT, 1, 40, 40.0)
        store.finish(session, "completed", start + timedelta(days=day, minutes=30), 8, 8, 0, 120)
    store.close()
    workouts = home / "config" / "runtimer" / "workouts"
    workouts.mkdir(parents=True)
    for number in range(1000):
        (workouts / f"w{number}.toml").write_text(
            f'description = "workout {number}, long enough to fill a pipe sooner"\n'
            '[[steps]]\nkind = "run"\nduration = "5m"\n',
            encoding="utf-8",
        )
    return home


PIPE_BUFFER = 65536


@pytest.mark.parametrize("command", ["list", "history", "export --format csv", "export --format json"])
def test_a_reader_that_leaves_midway_gets_no_traceback(big_history: Path, command: str) -> None:
    """``runtimer history | head -1``: head leaves after a line, runtimer's next write finds no reader."""
    env = runtimer_env(big_history)
    whole = subprocess.run([str(RUNTIMER), *command.split()], env=env, capture_output=True, check=True)
    assert len(whole.stdout) > PIPE_BUFFER, "head must leave while runtimer still writes"
    script = f'{RUNTIMER} {command} 2> err | head -1; echo "status=${{PIPESTATUS[0]}}"'
    done = subprocess.run(
        ["bash", "-c", script],
        cwd=big_history,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    first, status = done.stdout.splitlines()
    assert first == whole.stdout.decode().splitlines()[0]
    assert status == "status=0"
    assert (big_history / "err").read_text() == ""


@pytest.mark.parametrize("command", ["show intervals --reps 10", "list", "history", "export --format csv"])
def test_a_reader_gone_before_the_first_write_gets_no_traceback(big_history: Path, command: str) -> None:
    with subprocess.Popen(
        [str(RUNTIMER), *command.split()],
        env=runtimer_env(big_history),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # like `| head -0`
        error = process.stderr.read()
    assert (process.returncode, error) == (0, b"")

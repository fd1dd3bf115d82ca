"""Load: runtimer with 100,000 sessions in its history, against the same commands on an empty one.

The history is built once per bench run through runtimer's own store
(tests/support/big_history.py, the same builder the load tests use) and
copied into a throwaway folder. Each command then runs as a real process, as
a runner would run it, several times:

* ``runtimer history`` (to /dev/null), ``runtimer export --format csv`` and
  ``--format json`` (to a file): wall time to exit.
* ``runtimer history --limit 10``: little to print, so what is left is the
  cost of opening a large history file (its integrity check reads every page).
* The picker, in tmux at 80x24: from the command to the first frame showing
  the workout list; then from pressing ``h`` to the history screen showing its
  rows; then ``Escape`` back to the list.

The reference column is the same measurement with an empty history, so the
difference is what the 100,000 sessions cost.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.programs import POLL_S, isolated_env, running, stop
from bench.table import Row, median, render
from bench.tmux import Pane, Tmux
from tests.support import big_history

RUNTIMER = Path(sysconfig.get_path("scripts")) / "runtimer"
SCREEN_TIMEOUT_S = 30.0


@dataclass(frozen=True)
class Times:
    build_s: float
    commands: dict[str, list[float]]
    """Seconds per run, by what was measured."""


def timed(argv: Sequence[str], env: dict[str, str]) -> float:
    started = time.monotonic()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.monotonic() - started


def wait_for(tmux: Tmux, pane: Pane, shown: Callable[[list[str]], bool], what: str) -> float:
    """Poll the pane until ``shown``; return the moment it was seen."""
    deadline = time.monotonic() + SCREEN_TIMEOUT_S
    while True:
        screen = tmux.capture(pane)
        seen = time.monotonic()
        if shown(screen):
            return seen
        if not running(pane.pid) or seen > deadline:
            text = "\n".join(row for row in screen if row.strip())
            raise RuntimeError(f"the picker never showed {what}; its screen:\n{text}")
        time.sleep(POLL_S)


def picker_list(screen: list[str]) -> bool:
    return any("pick a workout" in row for row in screen) and any("intervals" in row for row in screen)


def history_rows(screen: list[str]) -> bool:
    """The history screen with its sessions in, or saying there are none."""
    filled = any("completed" in row or "No sessions yet" in row for row in screen)
    return filled and any("History · newest first" in row for row in screen)


def picker(tmux: Tmux) -> tuple[float, float, float]:
    """Seconds to the first frame, from ``h`` to the history screen, and from Escape back to the list."""
    sent = time.monotonic()
    pane = tmux.launch([str(RUNTIMER)])
    try:
        listed = wait_for(tmux, pane, picker_list, "its workout list")
        tmux.command("send-keys", "-t", pane.window, "h")
        pressed = time.monotonic()
        history = wait_for(tmux, pane, history_rows, "the history screen")
        tmux.command("send-keys", "-t", pane.window, "Escape")
        back = time.monotonic()
        returned = wait_for(
            tmux, pane, lambda screen: not history_rows(screen) and picker_list(screen), "the list"
        )
        return listed - sent, history - pressed, returned - back
    finally:
        stop(tmux, pane)


def measure(folder: Path, repeats: int) -> dict[str, list[float]]:
    """Every measurement, ``repeats`` times, against the history already in ``folder``."""
    env = isolated_env(folder)
    commands = {
        "history": [str(RUNTIMER), "history"],
        "history --limit 10": [str(RUNTIMER), "history", "--limit", "10"],
        "export csv": [str(RUNTIMER), "export", "--format", "csv", "-o", str(folder / "out.csv")],
        "export json": [str(RUNTIMER), "export", "--format", "json", "-o", str(folder / "out.json")],
    }
    results: dict[str, list[float]] = {name: [] for name in (*commands, "picker", "history screen", "back")}
    with Tmux(f"bench-load-{os.getpid()}", env, folder) as tmux:
        tmux.command("set-option", "-g", "default-terminal", "xterm-256color")
        picker(tmux)  # warm-up: disk cache, bytecode
        for _ in range(repeats):
            for name, argv in commands.items():
                results[name].append(timed(argv, env))
            first_frame, history, back = picker(tmux)
            results["picker"].append(first_frame)
            results["history screen"].append(history)
            results["back"].append(back)
    return results


def run(sessions: int, repeats: int) -> tuple[Times, dict[str, list[float]]]:
    with tempfile.TemporaryDirectory(prefix="runtimer-bench-load-") as tmp:
        loaded, empty = Path(tmp) / "loaded", Path(tmp) / "empty"
        loaded.mkdir()
        empty.mkdir()
        print(f"bench: building a history of {sessions:,} sessions", file=sys.stderr)
        started = time.monotonic()
        with big_history.template(sessions) as template:
            build_s = time.monotonic() - started
            big_history.install(template, Path(isolated_env(loaded)["XDG_DATA_HOME"]))
        print(f"bench: load, {repeats} runs of each command", file=sys.stderr)
        ours = measure(loaded, repeats)
        reference = measure(empty, repeats)
    return Times(build_s, ours), reference


def rows(sessions: int, repeats: int) -> list[Row]:
    ours, reference = run(sessions, repeats)
    label = f"load, {sessions:,} sessions (p50 (range) of {repeats}; ref: empty history)"

    def row(name: str, metric: str, goal: str = "") -> Row:
        mine, theirs = ours.commands[name], reference[name]
        shown = f"{median(mine):.2f} ({min(mine):.2f}-{max(mine):.2f})"
        return Row(label, metric, shown, f"{median(theirs):.2f}", goal)

    return [
        Row(label, "building it through the store (s, once)", f"{ours.build_s:.1f}", "", ""),
        row("history", "runtimer history, every session (s)"),
        row("history --limit 10", "runtimer history --limit 10 (opening the file) (s)"),
        row("export csv", "runtimer export --format csv (s)"),
        row("export json", "runtimer export --format json (s)"),
        row("picker", "picker: command to first frame (s)", "< 1"),
        row("history screen", "picker: h to the history screen (s)", "< 0.5"),
        row("back", "picker: Escape back to the list (s)", "< 0.5"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sessions", type=int, default=big_history.SESSIONS)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    print(render(rows(args.sessions, args.repeats)))


if __name__ == "__main__":
    main()

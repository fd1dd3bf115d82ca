"""The installed ``runtimer`` in a real terminal (tmux), on the real clock, start to finish.

What the Pilot tests cannot see: the console script, the real clock and
sound stack, a real pty, keys typed into a terminal, and the exit.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.support.terminal import Tmux, history_json, needs_tmux, phase_line, write_settings

pytestmark = [needs_tmux, pytest.mark.slow]

WORKOUT = "2x(3s sprint, 3s jog)"
HELD_S = 1.5


def big_clock(screen: str) -> list[str]:
    """The phase line and the block digits: what must not move while paused (toasts may)."""
    lines = screen.splitlines()
    return [lines[0], *(line for line in lines if "█" in line)]


def test_a_whole_session_in_a_real_terminal(tmux: Tmux, tmp_path: Path) -> None:
    home = tmp_path / "runner"
    write_settings(home, "lead_in_s = 0\n")
    tmux.start("run", ["run", WORKOUT, "--mute"], home, report_exit=True)

    tmux.wait_for("run", lambda s: phase_line(s).startswith("SPRINT"), 15, "sprint")
    tmux.send("run", "Space")
    paused = tmux.wait_for("run", lambda s: phase_line(s).startswith("PAUSED"), 5, "pause")
    assert "█" in paused
    time.sleep(HELD_S)
    assert big_clock(tmux.screen("run")) == big_clock(paused), "the countdown moved while paused"
    tmux.send("run", "Space")
    tmux.wait_for("run", lambda s: not phase_line(s).startswith("PAUSED"), 5, "resume")

    tmux.wait_for("run", lambda s: "Were you gassed" in s, 30, "summary")
    tmux.send("run", "n")
    tmux.wait_for("run", lambda s: "Saved" in s, 5, "saved answer")
    tmux.send("run", "q")
    ended = tmux.wait_for("run", lambda s: "EXIT=" in s, 10, "exit", scrollback=True)

    assert "EXIT=0" in ended
    for screen in tmux.seen:
        assert "Traceback" not in screen
        assert "ALSA lib" not in screen
    [record] = history_json(home)
    assert record["status"] == "completed"
    assert record["gassed"] is False
    assert record["reps_done"] == 2
    assert [(p["kind"], p["actual_s"]) for p in record["phases"]] == [("sprint", 3), ("jog", 3)] * 2

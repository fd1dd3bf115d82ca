"""Fault suite, signals: nothing is lost however a session ends, and a frozen process keeps time.

The installed ``runtimer`` runs in tmux (a real pty). Once the first phase has
finished, it gets SIGTERM, SIGHUP, SIGINT, its terminal closed under it (``tmux
kill-session`` hangs up the pane's process group and closes the pty) or
SIGKILL. The first four must stop the session as ``q`` would: kept as
"stopped" with every phase run, the unfinished one included. SIGKILL leaves
the row "running" with the finished phase, and the next ``runtimer history``
recovers it as "stopped".

A sixth runtimer is frozen with SIGSTOP for 10 s in its first sprint and then
continued. The session runs on the monotonic clock, which went on while it was
frozen: the phases that fell due in the meantime are each recorded once, with
their planned lengths, and the session ends when it would have without the
stop, not 10 s later as if it had been paused.

All six share one tmux server and run side by side, so the module costs about
one frozen session of real time rather than six.
"""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.support.terminal import Tmux, history_json, needs_tmux, phase_line, wait_for_exit, write_settings

pytestmark = [needs_tmux, pytest.mark.slow]

WORKOUT = "3x(2s sprint, 8s jog)"
"""The runtimers start together and are all signalled in their first jog: a long one leaves
room for a start-up staggered by a busy machine."""
SIGNALS: dict[str, signal.Signals | None] = {
    "sigterm": signal.SIGTERM,
    "sighup": signal.SIGHUP,
    "sigint": signal.SIGINT,
    "kill-session": None,  # tmux hangs up the terminal
    "sigkill": signal.SIGKILL,
}
EXIT_S = 3.0
HANGUP_EXIT_S = 7.0
"""Textual can hang for good on a hung-up terminal; the app's watchdog (SHUTDOWN_LIMIT_S, 5 s,
in runtimer/tui/app.py) ends the process then, so a closed terminal may take that long."""
SAVED_S = 10.0

FROZEN_WORKOUT = "4x(3s sprint, 3s jog)"
FROZEN_TOTAL_S = 24.0
STOPPED_FOR_S = 10.0
LATE_S = 2.0
"""How far the end seen on screen may stray from the plan: polling, drawing and a busy machine."""


@dataclass
class Ended:
    """One runtimer after its ending: where its history is and what its terminal last showed."""

    home: Path
    exited: bool
    exit_status: str
    """As tmux saw it, or "" when tmux has not collected it yet."""
    raw_status: str
    """The row's status straight from the file, before any runtimer opens it again."""
    last_screen: str | None
    """The pane after the process ended; ``None`` when the terminal itself was closed."""

    def history(self) -> list[dict[str, Any]]:
        return history_json(self.home)


@dataclass
class Continued:
    """The runtimer that was stopped with SIGSTOP and continued."""

    home: Path
    first_sprint_seen: float
    continued: float
    """Monotonic moments, on the test's clock."""
    left_after: str
    """The "left MM:SS" the screen showed just after SIGCONT."""
    summary_seen: float
    summary: str


Results = tuple[dict[str, Ended], Continued]


def raw_statuses(home: Path) -> list[str]:
    """Read without runtimer's store, which would run crash recovery on open."""
    path = home / "data" / "runtimer" / "history.sqlite3"
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [row[0] for row in conn.execute("SELECT status FROM sessions ORDER BY id")]
    finally:
        conn.close()


def settled_status(home: Path, timeout: float) -> str:
    """The row's status once it is no longer "running", or "running" after ``timeout``."""
    deadline = time.monotonic() + timeout
    while (status := raw_statuses(home)[0]) == "running" and time.monotonic() < deadline:
        time.sleep(0.1)
    return status


def seconds_left(screen: str) -> float:
    found = re.search(r"left (\d\d):(\d\d)", screen)
    assert found, screen
    return int(found.group(1)) * 60 + int(found.group(2))


@pytest.fixture(scope="module")
def ended(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Results]:
    tmux = Tmux(tmp_path_factory.mktemp("tmux"))
    try:
        homes = {case: tmp_path_factory.mktemp(case) for case in [*SIGNALS, "sigstop"]}
        for case, home in homes.items():
            write_settings(home, "lead_in_s = 0\n")
            tmux.start(case, ["run", FROZEN_WORKOUT if case == "sigstop" else WORKOUT, "--mute"], home)
        tmux.wait_for("sigstop", lambda s: phase_line(s).startswith("SPRINT"), 15, "sprint")
        first_sprint_seen = time.monotonic()
        frozen_pid = tmux.pid("sigstop")
        os.kill(frozen_pid, signal.SIGSTOP)
        stopped_at = time.monotonic()
        for case in SIGNALS:  # the sprint has finished: the jog is on
            tmux.wait_for(case, lambda s: phase_line(s).startswith("JOG"), 15, "jog")
        pids = {case: tmux.pid(case) for case in SIGNALS}
        for case, number in SIGNALS.items():
            if number is None:
                tmux.kill_session(case)
            else:
                os.kill(pids[case], number)
        results: dict[str, Ended] = {}
        for case in SIGNALS:
            home = homes[case]
            status = "running" if case == "sigkill" else settled_status(home, SAVED_S)
            exited = wait_for_exit(pids[case], HANGUP_EXIT_S if case == "kill-session" else EXIT_S)
            if case == "sigkill":
                status = raw_statuses(home)[0]
            last, exit_status = None, ""
            if case != "kill-session" and exited:
                last = tmux.wait_until_closed(case, EXIT_S)
                exit_status = tmux.pane(case, "pane_dead_status")
            results[case] = Ended(home, exited, exit_status, status, last)

        time.sleep(max(0.0, stopped_at + STOPPED_FOR_S - time.monotonic()))
        os.kill(frozen_pid, signal.SIGCONT)
        continued = time.monotonic()
        time.sleep(0.5)  # one repaint
        left_after = tmux.screen("sigstop")
        summary = tmux.wait_for("sigstop", lambda s: "Were you gassed" in s, FROZEN_TOTAL_S, "summary")
        frozen = Continued(
            homes["sigstop"], first_sprint_seen, continued, left_after, time.monotonic(), summary
        )
        tmux.send("sigstop", "s")
        tmux.send("sigstop", "q")
        yield results, frozen
    finally:
        tmux.close()


@pytest.mark.parametrize("case", ["sigterm", "sighup", "sigint", "kill-session"])
def test_a_stop_signal_keeps_the_session_as_stopped(ended: Results, case: str) -> None:
    run = ended[0][case]
    assert run.raw_status == "stopped", "runtimer did not close its session"
    if case != "kill-session":
        assert run.exited
        assert run.last_screen is not None
        assert "Traceback" not in run.last_screen
        assert run.exit_status in ("", "0")
    [record] = run.history()
    assert record["status"] == "stopped"
    assert record["ended_at"] is not None
    assert record["reps_done"] == 1
    sprint, jog = record["phases"]
    assert (sprint["kind"], sprint["planned_s"], sprint["actual_s"]) == ("sprint", 2, 2.0)
    assert (jog["kind"], jog["planned_s"]) == ("jog", 8)
    assert 0 < jog["actual_s"] < 8, "the unfinished jog is kept with the time it ran"


def test_closing_the_terminal_ends_the_process(ended: Results) -> None:
    """Not a given: on hangup the kernel sends SIGHUP *and* SIGCONT to the session leader;
    Textual's SIGCONT handler resumes application mode on the dead pty, its writer thread
    dies of EIO and its shutdown then blocks forever on the full write queue. Only the
    app's watchdog ends such a process (with status 129, after 5 s)."""
    assert ended[0]["kill-session"].exited


def test_sigkill_loses_only_the_phase_in_progress(ended: Results) -> None:
    run = ended[0]["sigkill"]
    assert run.exited
    assert run.raw_status == "running"
    [record] = run.history()  # opening the history recovers the abandoned session
    assert record["status"] == "stopped"
    assert record["ended_at"] is not None
    assert [(p["kind"], p["planned_s"], p["actual_s"]) for p in record["phases"]] == [("sprint", 2, 2.0)]
    assert raw_statuses(run.home) == ["stopped"]


def test_after_sigstop_and_sigcont_the_time_left_is_right_by_the_clock(
    ended: Results,
) -> None:
    frozen = ended[1]
    ran_for = frozen.continued - frozen.first_sprint_seen
    assert ran_for >= STOPPED_FOR_S
    assert abs(seconds_left(frozen.left_after) - (FROZEN_TOTAL_S - ran_for)) <= LATE_S, frozen.left_after


def test_after_sigstop_the_session_ends_on_time_and_counts_each_phase_once(
    ended: Results,
) -> None:
    frozen = ended[1]
    took = frozen.summary_seen - frozen.first_sprint_seen
    assert FROZEN_TOTAL_S - LATE_S <= took <= FROZEN_TOTAL_S + LATE_S, "the stop was counted as a pause"
    assert "Phases   8 of 8" in frozen.summary
    assert "Active   00:24" in frozen.summary
    [record] = history_json(frozen.home)
    assert record["status"] == "completed"
    phases = [(p["position"], p["kind"], p["rep"], p["planned_s"], p["actual_s"]) for p in record["phases"]]
    assert phases == [
        (2 * rep + offset, kind, rep + 1, 3, 3.0)
        for rep in range(4)
        for offset, kind in enumerate(("sprint", "jog"))
    ]

"""The programs the start-up and session benchmarks launch, and how each shows it is ready.

All run as real processes in a private 80x24 tmux server (bench/tmux.py), in
the same environment (TERM=xterm-256color, UTF-8, throwaway XDG folders, so
no real history is touched). A program's first frame is the first captured
screen on which it shows what a runner waits for: runtimer's countdown in big
digits (or its workout list, for the picker), termdown's digits, the floors'
5-row block.
"""

from __future__ import annotations

import os
import signal
import sys
import sysconfig
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from bench.termdown_env import termdown_path
from bench.tmux import Pane, Tmux

POLL_S = 0.005
FIRST_FRAME_TIMEOUT_S = 15.0
EXIT_TIMEOUT_S = 5.0
DIGIT_ROWS = 5
"""Every program draws digits at least this many rows tall at 80x24; fewer means a frame still arriving."""
TICKS_PER_S = os.sysconf("SC_CLK_TCK")
FLOOR_APP = Path(__file__).resolve().parent / "floor_app.py"


class BenchError(RuntimeError):
    """A program did not behave as the benchmark needs (crashed, never drew, would not stop)."""


@dataclass(frozen=True)
class Program:
    name: str
    argv: list[str]
    ready: Callable[[list[str]], bool]
    """True once a captured screen shows what the runner waits for, fully drawn."""


def _countdown_drawn(screen: list[str]) -> bool:
    return any("GET READY" in row for row in screen) and sum("█" in row for row in screen) >= DIGIT_ROWS


def runtimer_run(plan: str, *, sound: Mapping[str, str] | None = None, script: Path | None = None) -> Program:
    """``runtimer run PLAN``, from the project's venv or from ``script`` (another installation).

    With ``sound`` (the variables that point ALSA at a PulseAudio server) the
    launch also opens the device and loads the sounds, and counts only once
    the screen says "sound on".
    """
    name = "runtimer" if script is None else "runtimer (distro python)"
    argv = [str(script or _venv_script()), "run", plan]

    def ready(screen: list[str]) -> bool:
        return _countdown_drawn(screen) and (sound is None or any("sound on" in row for row in screen))

    if sound is None:
        return Program(name, argv, ready)
    return Program("runtimer+sound", ["env", *(f"{k}={v}" for k, v in sound.items()), *argv], ready)


def runtimer_picker(script: Path | None = None) -> Program:
    """``runtimer`` alone: ready when the workout list shows its rows."""
    name = "picker" if script is None else "picker (distro python)"

    def ready(screen: list[str]) -> bool:
        return any("pick a workout" in row for row in screen) and any("intervals" in row for row in screen)

    return Program(name, [str(script or _venv_script())], ready)


def floor(with_pydantic: bool, python: Path | None = None) -> Program:
    """A bare Textual app drawing a 5-row block (after validating one pydantic model, or not)."""
    name = "textual+pydantic" if with_pydantic else "textual"
    if python is not None:
        name += " (distro python)"
    argv = [str(python or sys.executable), str(FLOOR_APP), *(["--pydantic"] if with_pydantic else [])]
    return Program(name, argv, _countdown_drawn)


def termdown(seconds: int) -> Program:
    """termdown draws nothing but its ASCII-art digits, so any tall enough block of text is the countdown."""

    def ready(screen: list[str]) -> bool:
        return sum(bool(row.strip()) for row in screen) >= DIGIT_ROWS

    return Program("termdown", [str(termdown_path()), str(seconds)], ready)


def _venv_script() -> Path:
    return Path(sysconfig.get_path("scripts")) / "runtimer"


# ------------------------------------------------------------------ /proc


def cpu_seconds(pid: int) -> float:
    """User plus system CPU of every thread of the process so far."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rindex(")") + 2 :].split()  # the command name may hold spaces and parentheses
    return (int(fields[11]) + int(fields[12])) / TICKS_PER_S


def peak_rss_mb(pid: int) -> float:
    """VmHWM: the most resident memory the process has had at any moment, in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise BenchError(f"process {pid} has no VmHWM in /proc")


def running(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):  # gone before the open, or between open and read
        return False
    return stat[stat.rindex(")") + 2] != "Z"


# ------------------------------------------------------------- launches


@dataclass(frozen=True)
class Launch:
    program: Program
    pane: Pane
    first_frame_s: float
    """Wall time from sending the command to the first frame showing what the runner waits for."""
    first_frame_at: float
    """``time.monotonic()`` when that frame was seen."""
    startup_cpu_s: float


def launch(tmux: Tmux, program: Program) -> Launch:
    """Start ``program`` and wait for its first frame; on any failure (or Ctrl-C) the program is stopped."""
    sent = time.monotonic()
    pane = tmux.launch(program.argv)
    try:
        while True:
            screen = tmux.capture(pane)
            seen = time.monotonic()
            if program.ready(screen):
                return Launch(program, pane, seen - sent, seen, cpu_seconds(pane.pid))
            if not running(pane.pid) or seen - sent > FIRST_FRAME_TIMEOUT_S:
                shown = "\n".join(row for row in screen if row.strip())
                raise BenchError(f"{program.name} never showed its first frame; its screen:\n{shown}")
            time.sleep(POLL_S)
    except BaseException:
        stop(tmux, pane)
        raise


def stop(tmux: Tmux, pane: Pane) -> None:
    """SIGTERM (runtimer then saves the session as stopped) and wait, so launches never overlap.

    The window is closed only once the program is gone: runtimer (Textual 8.2)
    hangs for ever in its shutdown when its terminal disappears under it.
    """
    if running(pane.pid):
        os.kill(pane.pid, signal.SIGTERM)
    deadline = time.monotonic() + EXIT_TIMEOUT_S
    while running(pane.pid):
        if time.monotonic() > deadline:
            os.kill(pane.pid, signal.SIGKILL)
            deadline = time.monotonic() + EXIT_TIMEOUT_S
        time.sleep(POLL_S)
    tmux.close_window(pane)


def isolated_env(folder: Path) -> dict[str, str]:
    """The panes' whole environment: a fixed terminal, UTF-8, and throwaway home and XDG folders."""
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(folder / "home"),
        "LANG": "C.UTF-8",
        "SHELL": "/bin/sh",
    }
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[variable] = str(folder / variable.lower())
    return env


def private_tmux(folder: Path, name: str) -> Tmux:
    tmux = Tmux(f"bench-{name}-{os.getpid()}", isolated_env(folder), folder)
    tmux.command("set-option", "-g", "default-terminal", "xterm-256color")
    tmux.command("set-option", "-g", "remain-on-exit", "on")  # a crash leaves its screen to report
    return tmux

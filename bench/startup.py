"""What runtimer costs as a program: start-up, CPU while running, memory. termdown as reference.

Both run as real processes in a private 80x24 tmux server, in the same
environment (TERM=xterm-256color, UTF-8, throwaway XDG folders so no real
history is touched), each counting down the same length: runtimer runs a
one-phase workout, termdown counts down the same number of seconds.

* Start-up: from the command reaching tmux to the first screen that shows the
  countdown in big digits, polled every 5 ms through a tmux control client. Launches alternate
  between the programs so background noise falls on all alike; one untimed
  launch of each first warms the disk cache and bytecode. Two floors run
  alongside: a bare Textual app, and one that validates a pydantic model
  first. They show what the stack alone costs on this machine, so the gap
  above them is runtimer's own. Where the distribution's Python differs from
  the venv's, runtimer also launches from a venv of its own on that Python
  (see :mod:`bench.distro_python`), to show what the interpreter's build adds.
* CPU: one session each, run side by side, with utime+stime read from /proc
  at the first frame and again near the end; the difference is scaled to a
  minute, so start-up work does not count as running cost.
* Memory: VmHWM (peak resident set) near the end of that session.
"""

from __future__ import annotations

import argparse
import os
import platform
import shlex
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from bench.distro_python import DISTRO_PYTHON, distro_runtimer, own_build
from bench.table import Row, median, render
from bench.termdown_env import termdown_path
from bench.tmux import Pane, Tmux
from tests.support.audio_capture import PulseCapture, pulse_capture, pulse_missing

POLL_S = 0.005
FIRST_FRAME_TIMEOUT_S = 15.0
EXIT_TIMEOUT_S = 5.0
END_MARGIN_S = 2.0
"""The CPU and memory sample is taken this long before the shorter countdown ends, while both still run."""
DIGIT_ROWS = 5
"""Both programs draw digits at least this many rows tall at 80x24; fewer means a frame still arriving."""
TICKS_PER_S = os.sysconf("SC_CLK_TCK")


class BenchError(RuntimeError):
    """A program did not behave as the benchmark needs (crashed, never drew, would not stop)."""


@dataclass(frozen=True)
class Program:
    name: str
    argv: list[str]
    shows_countdown: Callable[[list[str]], bool]
    """True once a captured screen shows the countdown, fully drawn."""


def runtimer_program(
    session_s: int, sound: Mapping[str, str] | None = None, script: Path | None = None
) -> Program:
    """``runtimer run`` from the environment running the benchmark: the project's own venv.

    Without ``sound`` the panes have no sound device and runtimer falls back to
    the bell. With it (the variables that point ALSA at a PulseAudio server),
    the launch also opens the device and loads the sounds, as on a runner's
    laptop, and the countdown only counts once the screen says "sound on".
    With ``script``, that other installation runs instead (the distribution's Python).
    """
    name = "runtimer" if script is None else "runtimer (distro python)"
    script = script or Path(sysconfig.get_path("scripts")) / "runtimer"

    def shows_countdown(screen: list[str]) -> bool:
        lead_in = any("GET READY" in row for row in screen)
        heard = sound is None or any("sound on" in row for row in screen)
        return lead_in and heard and sum("█" in row for row in screen) >= DIGIT_ROWS

    argv = [str(script), "run", f"{session_s}s run"]
    if sound is None:
        return Program(name, argv, shows_countdown)
    return Program("runtimer+sound", ["env", *(f"{k}={v}" for k, v in sound.items()), *argv], shows_countdown)


def floor_program(with_pydantic: bool) -> Program:
    """A bare Textual app (with one pydantic model validated first, or not) drawing a 5-row block."""
    script = Path(__file__).resolve().parent / "floor_app.py"
    argv = [sys.executable, str(script), *(["--pydantic"] if with_pydantic else [])]
    name = "textual+pydantic" if with_pydantic else "textual"

    def shows_countdown(screen: list[str]) -> bool:
        return any("GET READY" in row for row in screen) and sum("█" in row for row in screen) >= DIGIT_ROWS

    return Program(name, argv, shows_countdown)


def termdown_program(session_s: int) -> Program:
    """termdown draws nothing but its ASCII-art digits, so any tall enough block of text is the countdown."""

    def shows_countdown(screen: list[str]) -> bool:
        return sum(bool(row.strip()) for row in screen) >= DIGIT_ROWS

    return Program("termdown", [str(termdown_path()), str(session_s)], shows_countdown)


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
    """Wall time from sending the command to the first frame showing the countdown."""
    first_frame_at: float
    """``time.monotonic()`` when that frame was seen."""
    startup_cpu_s: float


def launch(tmux: Tmux, program: Program) -> Launch:
    """Start ``program`` and wait for its countdown; on any failure (or Ctrl-C) the program is stopped."""
    sent = time.monotonic()
    pane = tmux.launch(program.argv)
    try:
        while True:
            screen = tmux.capture(pane)
            seen = time.monotonic()
            if program.shows_countdown(screen):
                return Launch(program, pane, seen - sent, seen, cpu_seconds(pane.pid))
            if not running(pane.pid) or seen - sent > FIRST_FRAME_TIMEOUT_S:
                shown = "\n".join(row for row in screen if row.strip())
                raise BenchError(f"{program.name} never showed its countdown; its screen:\n{shown}")
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


# ------------------------------------------------------------ measures


@dataclass(frozen=True)
class Startup:
    first_frame_s: list[float]
    cpu_s: list[float]


def measure_startup(tmux: Tmux, programs: Sequence[Program], repeats: int) -> dict[str, Startup]:
    for program in programs:  # warm-up: disk cache, stale bytecode
        stop(tmux, launch(tmux, program).pane)
    results = {program.name: Startup([], []) for program in programs}
    for number in range(repeats):
        print(f"bench: start-up launches {number + 1}/{repeats}", file=sys.stderr)
        for program in programs:
            done = launch(tmux, program)
            stop(tmux, done.pane)
            results[program.name].first_frame_s.append(done.first_frame_s)
            results[program.name].cpu_s.append(done.startup_cpu_s)
    return results


@dataclass(frozen=True)
class Running:
    cpu_per_minute_s: float
    peak_rss_mb: float


def measure_running(tmux: Tmux, programs: Sequence[Program], session_s: int) -> dict[str, Running]:
    """One session of each, side by side, sampled ``END_MARGIN_S`` before the countdown would end.

    Side by side halves the wall time; both are asleep nearly all the time
    (a few percent of one core), so on two or more cores neither slows the other.
    """
    print(f"bench: {session_s} s sessions of {', '.join(p.name for p in programs)}", file=sys.stderr)
    window_s = session_s - END_MARGIN_S
    launches: list[Launch] = []
    results: dict[str, Running] = {}
    try:
        for program in programs:
            launches.append(launch(tmux, program))
        for done in launches:  # launched one after the other, so their sampling times come in this order
            time.sleep(max(0.0, done.first_frame_at + window_s - time.monotonic()))
            cpu, rss, at = cpu_seconds(done.pane.pid), peak_rss_mb(done.pane.pid), time.monotonic()
            if not running(done.pane.pid):
                raise BenchError(f"{done.program.name} exited before the end of its countdown")
            per_minute = (cpu - done.startup_cpu_s) / (at - done.first_frame_at) * 60
            results[done.program.name] = Running(per_minute, rss)
    finally:
        for done in launches:
            stop(tmux, done.pane)
    return results


# ---------------------------------------------------------------- table


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


def sound_variables(pulse: PulseCapture) -> dict[str, str]:
    """What points a pane's ALSA at the private PulseAudio server: its socket and an .asoundrc."""
    return {name: pulse.env[name] for name in ("HOME", "XDG_RUNTIME_DIR", "PULSE_SERVER")}


def measure(
    repeats: int, session_s: int, distro_script: Path | None
) -> tuple[dict[str, Startup], dict[str, Running]]:
    programs = [runtimer_program(session_s), termdown_program(session_s)]
    floors = [floor_program(with_pydantic=False), floor_program(with_pydantic=True)]
    others = [] if distro_script is None else [runtimer_program(session_s, script=distro_script)]
    with (
        tempfile.TemporaryDirectory(prefix="runtimer-bench-") as folder,
        Tmux(f"bench-{os.getpid()}", isolated_env(Path(folder)), Path(folder)) as tmux,
        ExitStack() as stack,
    ):
        tmux.command("set-option", "-g", "default-terminal", "xterm-256color")
        tmux.command("set-option", "-g", "remain-on-exit", "on")  # a crash leaves its screen to report
        launched = [*programs, *floors, *others]
        if pulse_missing() is None:
            pulse = stack.enter_context(pulse_capture(Path(folder) / "pulse"))
            launched.append(runtimer_program(session_s, sound_variables(pulse)))
        startup = measure_startup(tmux, launched, repeats)
        return startup, measure_running(tmux, programs, session_s)


def rows(repeats: int, session_s: int) -> list[Row]:
    """The table rows, or one row saying why there are none, so the timing rows already run still print."""
    if shutil.which("tmux") is None:
        return [Row("startup, cpu, memory", "skipped: tmux is not installed", "", "", "")]
    distro_script, distro_note = distro_runtimer()
    try:
        startup, sessions = measure(repeats, session_s, distro_script)
    except subprocess.CalledProcessError as error:
        return [Row("startup, cpu, memory", f"skipped: {shlex.join(error.cmd)} failed", "", "", "")]
    ours, theirs = startup["runtimer"], startup["termdown"]
    with_sound = startup.get("runtimer+sound")
    on_distro = startup.get("runtimer (distro python)")
    textual_floor, stack_floor = startup["textual"], startup["textual+pydantic"]
    ours_run, theirs_run = sessions["runtimer"], sessions["termdown"]

    def p50(values: list[float]) -> str:
        return f"{median(values):.2f}"

    def span(values: list[float]) -> str:
        return f"{min(values):.2f}-{max(values):.2f}"

    def ratio(value: Callable[[Running], float]) -> str:
        return f"{value(ours_run) / value(theirs_run):.2f}" if value(theirs_run) > 0 else "n/a"

    launches = f"startup ({repeats} launches, 80x24)"
    # What runtimer's own code adds to the least any program on its stack can do.
    above_floor = median(ours.first_frame_s) - median(stack_floor.first_frame_s)
    session = f"session ({session_s} s countdown)"
    cpu, rss = ours_run.cpu_per_minute_s, ours_run.peak_rss_mb
    return [
        Row(
            launches,
            f"first frame p50 (s), venv Python {platform.python_version()} ({own_build()})",
            p50(ours.first_frame_s),
            p50(theirs.first_frame_s),
            "< 0.6",
        ),
        Row(launches, "first frame range (s)", span(ours.first_frame_s), span(theirs.first_frame_s), ""),
        Row(launches, "CPU to first frame p50 (s)", p50(ours.cpu_s), p50(theirs.cpu_s), ""),
        Row(
            launches,
            "first frame with sound (PulseAudio), p50 (s)",
            p50(with_sound.first_frame_s) if with_sound else "skipped: " + str(pulse_missing()),
            "",
            "",
        ),
        Row(
            launches,
            f"first frame on the distribution's {DISTRO_PYTHON} ({distro_note}), p50 (s)",
            p50(on_distro.first_frame_s) if on_distro else "skipped: " + distro_note,
            "",
            "< 0.6",
        ),
        Row(launches, "floor: bare Textual app, p50 (s)", "", p50(textual_floor.first_frame_s), ""),
        Row(launches, "floor: Textual + one pydantic model, p50 (s)", "", p50(stack_floor.first_frame_s), ""),
        Row(launches, "first frame above that floor, p50 (s)", f"{above_floor:.2f}", "", ""),
        Row(session, "CPU s per minute", f"{cpu:.2f}", f"{theirs_run.cpu_per_minute_s:.2f}", "<= termdown"),
        Row(session, "CPU ratio runtimer/termdown", ratio(lambda r: r.cpu_per_minute_s), "", "<= 1"),
        Row(session, "peak RSS, VmHWM (MiB)", f"{rss:.1f}", f"{theirs_run.peak_rss_mb:.1f}", "< 80"),
        Row(session, "peak RSS ratio runtimer/termdown", ratio(lambda r: r.peak_rss_mb), "", ""),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeats", type=int, default=7, help="timed launches of each program")
    parser.add_argument("--seconds", type=int, default=60, help="length of the CPU and memory sessions")
    args = parser.parse_args()
    print(render(rows(args.repeats, args.seconds)))


if __name__ == "__main__":
    main()

"""What a whole session costs: CPU from the command to the end, and memory, against termdown.

runtimer runs a real interval workout of the session's length (warm-up,
sprints and jogs, cool-down: phase changes, cues on the bell, history
written as it goes) while termdown counts down the same number of seconds,
side by side in one private tmux server. Just before the shorter of the two
would end, each process's CPU (user + system, from /proc) is read: the total
includes start-up, as a runner's battery pays it; the steady figure leaves
start-up out and scales the rest to a minute.
"""

from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.programs import (
    BenchError,
    Launch,
    cpu_seconds,
    launch,
    peak_rss_mb,
    private_tmux,
    running,
    stop,
    termdown,
)
from bench.programs import runtimer_run as run_program
from bench.table import Row

END_MARGIN_S = 2.0
"""The sample is taken this long before the countdown would end, while both still run."""


def interval_plan(seconds: int) -> str:
    """An interval session of ``seconds``: a sixth warm-up, a sixth cool-down, sprints and jogs between."""
    ends = seconds // 6
    rep = 150 if seconds >= 1200 else 15  # 30 s sprint + 2 min jog, or 5 s + 10 s when short
    sprint, jog = (30, 120) if rep == 150 else (5, 10)
    reps = (seconds - 2 * ends) // rep
    last = seconds - 2 * ends - reps * rep
    return f"{ends}s warmup, {reps}x({sprint}s sprint, {jog}s jog), {ends + last}s cooldown"


@dataclass(frozen=True)
class Spent:
    total_cpu_s: float
    steady_cpu_per_minute_s: float
    peak_rss_mb: float


def sample(done: Launch, window_s: float) -> Spent:
    time.sleep(max(0.0, done.first_frame_at + window_s - time.monotonic()))
    cpu, rss, at = cpu_seconds(done.pane.pid), peak_rss_mb(done.pane.pid), time.monotonic()
    if not running(done.pane.pid):
        raise BenchError(f"{done.program.name} exited before the end of its session")
    steady = (cpu - done.startup_cpu_s) / (at - done.first_frame_at) * 60
    return Spent(cpu, steady, rss)


def measure(seconds: int) -> tuple[Spent, Spent]:
    ours, theirs = run_program(interval_plan(seconds)), termdown(seconds)
    print(f"bench: a {seconds} s session of runtimer and termdown, side by side", file=sys.stderr)
    with (
        tempfile.TemporaryDirectory(prefix="runtimer-bench-") as folder,
        private_tmux(Path(folder), "session") as tmux,
    ):
        launches: list[Launch] = []
        try:
            launches = [launch(tmux, ours), launch(tmux, theirs)]
            # One after the other, so they are sampled in this order, each before its own end.
            return sample(launches[0], seconds - END_MARGIN_S), sample(launches[1], seconds - END_MARGIN_S)
        finally:
            for done in launches:
                stop(tmux, done.pane)


def rows(seconds: int) -> list[Row]:
    ours, theirs = measure(seconds)
    bench = f"session ({seconds // 60} min {seconds % 60} s, intervals)"
    return [
        Row(
            bench,
            "whole-session CPU, start-up included (s)",
            f"{ours.total_cpu_s:.2f}",
            f"{theirs.total_cpu_s:.2f}",
            "",
        ),
        Row(
            bench,
            "whole-session CPU ratio runtimer/termdown",
            _ratio(ours.total_cpu_s, theirs.total_cpu_s),
            "",
            "<= 1.0",
        ),
        Row(
            bench,
            "steady CPU per minute after start-up (s)",
            f"{ours.steady_cpu_per_minute_s:.2f}",
            f"{theirs.steady_cpu_per_minute_s:.2f}",
            "",
        ),
        Row(
            bench,
            "steady CPU ratio runtimer/termdown",
            _ratio(ours.steady_cpu_per_minute_s, theirs.steady_cpu_per_minute_s),
            "",
            "",
        ),
        Row(bench, "peak RSS, VmHWM (MiB)", f"{ours.peak_rss_mb:.1f}", f"{theirs.peak_rss_mb:.1f}", "< 80"),
    ]


def _ratio(ours: float, theirs: float) -> str:
    return f"{ours / theirs:.2f}" if theirs > 0 else "n/a"

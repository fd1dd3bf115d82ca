"""Soak: one long session on the real clock. Does memory stay flat, and does the end land on time?

Two runs of the same workout (30 s sprints and 1 min jogs between a warm-up
and a cool-down that fill the length asked for) side by side:

* The installed ``runtimer run`` in tmux at 80x24, as a runner starts it (no
  sound device here, so cues ring the bell). Its resident memory (VmRSS in
  /proc) is sampled every minute, or ten times in a shorter run. The slope of
  a least-squares line through the samples after the first minute, in MiB per
  hour, says whether it grows; start-up and the first screens are over by then.
* The session itself in this process: the LiveSession the app builds (engine,
  runner, cue player on the bell output, recorder writing to a real SQLite
  history) on the monotonic clock, with a subscriber reading a snapshot on
  every event as the screen does. Each phase boundary's lateness against its
  ideal monotonic moment, and the end of the session against its planned end
  (the drift); its memory is sampled like the app's.

``make bench`` runs 10 minutes, ``--quick`` 2, ``--soak`` 3 hours (the soak alone).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import sysconfig
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench.programs import isolated_env, running, stop
from bench.table import Row, median, ms, percentile, render
from bench.tmux import Tmux
from runtimer.audio.base import BellOutput
from runtimer.config.settings import Settings
from runtimer.engine import events as e
from runtimer.plan.loader import Entry
from runtimer.plan.overrides import Overrides
from runtimer.plan.textsyntax import parse_workout_text
from runtimer.session.clock import MonotonicClock
from runtimer.session.live import LiveSession
from runtimer.session.prepare import prepare
from runtimer.store.sessions import SessionStore

RUNTIMER = Path(sysconfig.get_path("scripts")) / "runtimer"
CYCLE_S = 90
"""One rep: a 30 s sprint and a 1 min jog."""
MAX_REPS = 99
SAMPLE_EVERY_S = 60.0
SETTLE_S = 60.0
"""Samples before this are start-up, not the session's running cost."""


def workout(total_s: int) -> str:
    """A one-line workout of ``total_s``: as many reps as fit, the rest split into warm-up and cool-down."""
    reps = max(1, min(MAX_REPS, (total_s - 60) // CYCLE_S))
    rest = max(2, total_s - reps * CYCLE_S)
    return f"{rest // 2}s warmup, {reps}x(30s sprint, 60s jog), {rest - rest // 2}s cooldown"


def rss_mib(pid: int | str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"process {pid} has no VmRSS")


def peak_mib(pid: int | str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"process {pid} has no VmHWM")


def slope_per_hour(samples: list[tuple[float, float]]) -> float:
    """Least-squares slope of (seconds, MiB) samples, in MiB per hour."""
    times = [t / 3600 for t, _ in samples]
    values = [v for _, v in samples]
    mean_t, mean_v = sum(times) / len(times), sum(values) / len(values)
    spread = sum((t - mean_t) ** 2 for t in times)
    return sum((t - mean_t) * (v - mean_v) for t, v in zip(times, values, strict=True)) / spread


@dataclass
class Soak:
    app_rss: list[tuple[float, float]] = field(default_factory=list)
    core_rss: list[tuple[float, float]] = field(default_factory=list)
    app_peak: float = 0.0
    lateness_s: list[float] = field(default_factory=list)
    drift_s: float = 0.0
    phases: int = 0


async def sample(soak: Soak, pid: int, started: float, every_s: float, done: Callable[[], bool]) -> None:
    """Both processes' memory, every ``every_s``, until the in-process session is done."""
    while not done():
        await asyncio.sleep(every_s)
        at = time.monotonic() - started
        if running(pid):
            soak.app_rss.append((at, rss_mib(pid)))
            soak.app_peak = peak_mib(pid)
        soak.core_rss.append((at, rss_mib("self")))
        app = f"{soak.app_rss[-1][1]:.1f}" if soak.app_rss else "-"
        print(
            f"bench: soak {at / 60:.1f} min: RSS {app} MiB, in-process {soak.core_rss[-1][1]:.1f}",
            file=sys.stderr,
        )


async def core_session(text: str, folder: Path, soak: Soak, app_pid: int, every_s: float) -> None:
    settings = Settings(lead_in_s=0)
    prepared = prepare(Entry(parse_workout_text(text), "one-line"), Overrides(), settings, fresh=True)
    clock = MonotonicClock()
    store = SessionStore.open(folder / "core-history.sqlite3")
    live = LiveSession(
        prepared, clock=clock, audio=BellOutput(lambda: None, "bench"), store=store, settings=settings
    )
    seen: list[float] = []
    finished: list[float] = []

    def probe(event: e.Event) -> None:
        live.snapshot()  # what the screen does on every event
        if isinstance(event, e.PhaseStarted):
            seen.append(time.monotonic())
        elif isinstance(event, e.SessionFinished):
            finished.append(time.monotonic())

    live.subscribe(probe)
    start = clock.now()
    sampler = asyncio.create_task(sample(soak, app_pid, start, every_s, lambda: bool(finished)))
    live.start()
    await live.run()
    sampler.cancel()
    store.close()
    ideal, at = [], start
    for phase in prepared.phases:
        ideal.append(at)
        at += phase.duration or 0
    soak.lateness_s = [actual - planned for actual, planned in zip(seen, ideal, strict=True)]
    soak.drift_s = finished[0] - at
    soak.phases = len(prepared.phases)


def run(total_s: int) -> Soak:
    text = workout(total_s)
    every_s = min(SAMPLE_EVERY_S, total_s / 10)
    soak = Soak()
    with tempfile.TemporaryDirectory(prefix="runtimer-bench-soak-") as tmp:
        folder = Path(tmp)
        env = isolated_env(folder)
        settings = Path(env["XDG_CONFIG_HOME"]) / "runtimer" / "settings.toml"
        settings.parent.mkdir(parents=True)
        settings.write_text("lead_in_s = 0\n", encoding="utf-8")
        with Tmux(f"bench-soak-{os.getpid()}", env, folder) as tmux:
            tmux.command("set-option", "-g", "default-terminal", "xterm-256color")
            pane = tmux.launch([str(RUNTIMER), "run", text, "--mute"])
            try:
                print(f"bench: soak, {total_s / 60:g} min: {text}", file=sys.stderr)
                asyncio.run(core_session(text, folder, soak, pane.pid, every_s))
                if not running(pane.pid):
                    raise RuntimeError("runtimer run exited before the end of its session")
            finally:
                stop(tmux, pane)
    return soak


def rows(total_s: int) -> list[Row]:
    soak = run(total_s)
    label = f"soak ({total_s / 60:g} min on the real clock, {soak.phases} phases)"
    settle = SETTLE_S if total_s >= 10 * SAMPLE_EVERY_S else total_s / 10
    app = [(t, v) for t, v in soak.app_rss if t >= settle]
    core = [(t, v) for t, v in soak.core_rss if t >= settle]
    return [
        Row(label, "end-of-session drift (ms)", ms(soak.drift_s), "", "< 5"),
        Row(label, "boundary lateness p50 (ms)", ms(median(soak.lateness_s)), "", ""),
        Row(label, "boundary lateness p99 (ms)", ms(percentile(soak.lateness_s, 0.99)), "", "< 5"),
        Row(label, "boundary lateness max (ms)", ms(max(soak.lateness_s)), "", ""),
        Row(
            label,
            f"runtimer run: RSS slope, {len(app)} samples (MiB/hour)",
            f"{slope_per_hour(app):+.2f}",
            "",
            "~ 0",
        ),
        Row(
            label,
            "runtimer run: RSS first / last sample (MiB)",
            f"{app[0][1]:.1f} / {app[-1][1]:.1f}",
            "",
            "",
        ),
        Row(label, "runtimer run: peak RSS, VmHWM (MiB)", f"{soak.app_peak:.1f}", "", "< 80"),
        Row(label, "session in-process: RSS slope (MiB/hour)", f"{slope_per_hour(core):+.2f}", "", "~ 0"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--minutes", type=float, default=10.0)
    args = parser.parse_args()
    print(render(rows(round(args.minutes * 60))))


if __name__ == "__main__":
    main()

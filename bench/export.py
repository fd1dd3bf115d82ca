"""What writing a session to a training log costs: a 36:20 ``intervals`` session as FIT and TCX.

The session is the built-in workout at 8 x (40 s sprint, 2 min jog), laid out
phase by phase as history keeps it, with one pause. Two figures matter:

* the write itself, warm, as ``runtimer export`` repeats it per session;
* the first export in a fresh interpreter, Garmin's FIT SDK import included:
  what a session's end waits for with ``export_dir`` set (the summary shows
  once the history and the file are written; the runner allows 5 s).

The reference is the same session as CSV, which runtimer wrote before.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial

from bench.table import Row, ms
from runtimer.config.paths import seeds_dir, user_workouts_dir
from runtimer.interop.files import activity_bytes
from runtimer.plan.loader import Catalogue
from runtimer.plan.overrides import Overrides, apply_overrides
from runtimer.plan.phases import expand
from runtimer.records import PhaseRecord, SessionRecord
from runtimer.store.export import sessions_csv
from tests.support.records_factory import session_record

PAUSE_S = 45.0
FIRST_EXPORT = """
import time
start = time.perf_counter()
from bench.export import session
from runtimer.interop.files import activity_bytes
activity_bytes(session(), "fit")
print(time.perf_counter() - start)
"""


def session() -> SessionRecord:
    workout = Catalogue.load(seeds_dir(), user_workouts_dir()).resolve("intervals").workout
    phases = expand(apply_overrides(workout, Overrides(reps=8, sprint=40)))
    rows, started = [], 3.0
    for position, phase in enumerate(phases):
        length = float(phase.duration or 0)
        pauses = ((30.0, PAUSE_S),) if position == 2 else ()
        rows.append(
            PhaseRecord(
                position=position,
                kind=phase.kind,
                rep=phase.rep,
                planned_s=phase.duration,
                actual_s=length,
                started_s=started,
                pauses=pauses,
                ended_by="time",
            )
        )
        started += length + sum(pause[1] for pause in pauses)
    return session_record(plan_text="", reps_done=8, rest_s=120, phases=tuple(rows))


def timed(write: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        write()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def rows(repeats: int) -> list[Row]:
    record = session()
    label = f"export (intervals 36:20, {len(record.phases)} laps)"
    csv = timed(lambda: sessions_csv([record]), repeats * 10)
    result = [
        Row(
            label,
            f"{fmt.upper()} write, warm (ms; {len(activity_bytes(record, fmt))} bytes)",
            ms(timed(partial(activity_bytes, record, fmt), repeats * 10)),
            f"{ms(csv)} (CSV)",
            "",
        )
        for fmt in ("fit", "tcx")
    ]
    firsts = [
        float(
            subprocess.run(
                [sys.executable, "-c", FIRST_EXPORT], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(repeats)
    ]
    result.append(
        Row(label, "first FIT export, SDK import included (ms)", ms(statistics.median(firsts)), "", "< 5000")
    )
    return result

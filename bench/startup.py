"""Start-up: from the command reaching the terminal to the first frame a runner is waiting for.

``runtimer run`` (the countdown in big digits) and ``runtimer`` (the workout
list) against what their stack alone costs on this machine, measured in the
same run: a bare Textual app, and one that validates a pydantic model first,
each drawing a 5-row block (bench/floor_app.py). The gap above the second
floor is runtimer's own start-up. termdown shows where a plain countdown
program lands. Where the distribution's Python differs from the venv's,
runtimer and the floor also launch from a venv on it (bench/distro_python.py).

Screens are polled every 5 ms through a tmux control client. Launches
alternate between the programs so background noise falls on all alike; one
untimed launch of each first warms the disk cache and bytecode.
"""

from __future__ import annotations

import platform
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from bench.distro_python import DISTRO_PYTHON, distro_runtimer, own_build
from bench.programs import Program, launch, private_tmux, stop, termdown
from bench.programs import floor as floor_program
from bench.programs import runtimer_picker as picker_program
from bench.programs import runtimer_run as run_program
from bench.table import Row, median
from bench.tmux import Tmux
from tests.support.audio_capture import PulseCapture, pulse_capture, pulse_missing

RUN_PLAN = "60s run"
FLOOR_GAP_GOAL = "<= 0.10"
DISTRO_GOAL = "< 0.5"


@dataclass(frozen=True)
class Startup:
    first_frame_s: list[float]
    cpu_s: list[float]

    @property
    def p50(self) -> float:
        return median(self.first_frame_s)

    def describe(self) -> tuple[str, str]:
        """p50 and range, as the table shows them."""
        return f"{self.p50:.2f}", f"{min(self.first_frame_s):.2f}-{max(self.first_frame_s):.2f}"


def measure_startup(tmux: Tmux, programs: Sequence[Program], repeats: int) -> dict[str, Startup]:
    for program in programs:  # warm-up: disk cache, stale bytecode, the history file created
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


def sound_variables(pulse: PulseCapture) -> dict[str, str]:
    """What points a pane's ALSA at the private PulseAudio server: its socket and an .asoundrc."""
    return {name: pulse.env[name] for name in ("HOME", "XDG_RUNTIME_DIR", "PULSE_SERVER")}


def programs(distro_script: Path | None, sound: dict[str, str] | None) -> list[Program]:
    launched = [
        run_program(RUN_PLAN),
        picker_program(),
        floor_program(with_pydantic=False),
        floor_program(with_pydantic=True),
        termdown(60),
    ]
    if distro_script is not None:
        distro_python = distro_script.parent / "python"
        launched += [
            run_program(RUN_PLAN, script=distro_script),
            picker_program(distro_script),
            floor_program(with_pydantic=True, python=distro_python),
        ]
    if sound is not None:
        launched.append(run_program(RUN_PLAN, sound=sound))
    return launched


def rows(repeats: int) -> list[Row]:
    """The table rows, or one row saying why there are none, so the rows already run still print."""
    if shutil.which("tmux") is None:
        return [Row("startup", "skipped: tmux is not installed", "", "", "")]
    distro_script, distro_note = distro_runtimer()
    try:
        with tempfile.TemporaryDirectory(prefix="runtimer-bench-") as folder, ExitStack() as stack:
            tmux = stack.enter_context(private_tmux(Path(folder), "startup"))
            sound = None
            if pulse_missing() is None:
                sound = sound_variables(stack.enter_context(pulse_capture(Path(folder) / "pulse")))
            measured = measure_startup(tmux, programs(distro_script, sound), repeats)
    except subprocess.CalledProcessError as error:
        return [Row("startup", f"skipped: {' '.join(map(str, error.cmd))} failed", "", "", "")]
    return _rows(measured, repeats, distro_note)


def _rows(measured: dict[str, Startup], repeats: int, distro_note: str) -> list[Row]:
    bench = f"startup ({repeats} launches, 80x24)"
    venv = f"venv Python {platform.python_version()} ({own_build()})"
    stack_floor, bare_floor, term = measured["textual+pydantic"], measured["textual"], measured["termdown"]
    table = []
    for name, what in (("runtimer", "runtimer run"), ("picker", "runtimer (picker)")):
        ours = measured[name]
        p50, span = ours.describe()
        table += [
            Row(bench, f"{what}: first frame p50 (s), {venv}", p50, *term.describe()[:1], ""),
            Row(bench, f"{what}: first frame range (s)", span, term.describe()[1], ""),
            Row(bench, f"{what}: CPU to first frame p50 (s)", f"{median(ours.cpu_s):.2f}", "", ""),
            Row(
                bench,
                f"{what}: above the Textual + pydantic floor, p50 (s)",
                f"{ours.p50 - stack_floor.p50:.2f}",
                "",
                FLOOR_GAP_GOAL if name == "runtimer" else "",
            ),
        ]
    table += [
        Row(bench, "floor: bare Textual app, p50 and range (s)", "", " ".join(bare_floor.describe()), ""),
        Row(
            bench,
            "floor: Textual + one pydantic model, p50 and range (s)",
            "",
            " ".join(stack_floor.describe()),
            "",
        ),
    ]
    with_sound = measured.get("runtimer+sound")
    table.append(
        Row(
            bench,
            "runtimer run with sound (PulseAudio): first frame p50 (s)",
            with_sound.describe()[0] if with_sound else f"skipped: {pulse_missing()}",
            "",
            "",
        )
    )
    on_distro = f"the distribution's {DISTRO_PYTHON} ({distro_note})"
    distro_floor = measured.get("textual+pydantic (distro python)")
    for name, what in (
        ("runtimer (distro python)", "runtimer run"),
        ("picker (distro python)", "runtimer (picker)"),
    ):
        launched = measured.get(name)
        floor_p50 = f"{distro_floor.p50:.2f}" if distro_floor else ""
        value = launched.describe()[0] if launched else f"skipped: {distro_note}"
        table.append(Row(bench, f"{what} on {on_distro}: first frame p50 (s)", value, floor_p50, DISTRO_GOAL))
    return table

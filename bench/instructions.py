"""Start-up counted in instructions: what times cannot tell apart on a shared, noisy machine.

Each program runs under ``valgrind --tool=callgrind`` in a real 80x24
terminal (a private tmux server) from its first instruction until the first
frame is drawn, then ends at once; callgrind's total is the count. The same binary,
inputs and environment give the same count whatever else the machine is
doing, so a change of a few million instructions shows where a time of a few
milliseconds would drown in noise.

The exit at the first frame is patched in from outside (``bench/first_frame.py``),
so runtimer carries no benchmark hook. Slow (valgrind runs Python some 50
times slower): ``python -m bench.instructions``, not part of ``make bench``.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.programs import isolated_env

HERE = Path(__file__).resolve().parent
TIMEOUT_S = 600.0
PROGRAMS = {
    "runtimer run": ["run", "60s run"],
    "runtimer (picker)": [],
    "textual+pydantic floor": None,
    "textual floor": None,
}


def count(name: str, folder: Path) -> int:
    """Instructions from start to first frame (and the exit straight after it)."""
    out = folder / f"{name.replace(' ', '_')}.callgrind"
    args = PROGRAMS[name]
    if args is None:
        program = [sys.executable, str(HERE / "floor_app.py"), "--exit-at-first-frame"]
        if "pydantic" in name:
            program.append("--pydantic")
    else:
        program = [sys.executable, str(HERE / "first_frame.py"), *args]
    out.unlink(missing_ok=True)
    valgrind = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", "--dump-instr=no"]
    env = isolated_env(folder)
    # Valgrind runs the app some 50 times slower, and the session's clock is real: a long
    # lead-in keeps the first frame in the lead-in, with no phase begun and no cue played.
    settings = Path(env["XDG_CONFIG_HOME"]) / "runtimer" / "settings.toml"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text("lead_in_s = 30\n")
    env["PYTHONPATH"] = str(HERE.parent)
    env["PYTHONHASHSEED"] = "0"  # the same dict and set orders every run
    command = " ".join(shlex.quote(word) for word in [*valgrind, *program])
    socket = f"bench-instr-{os.getpid()}"
    tmux = ["tmux", "-L", socket, "-f", "/dev/null"]
    variables = " ".join(shlex.quote(f"{key}={value}") for key, value in env.items())
    window = ["new-session", "-d", "-x", "80", "-y", "24", "-s", "count", "-c", str(folder)]
    subprocess.run([*tmux, *window, f"env -i {variables} {command}"], check=True)
    deadline = time.monotonic() + TIMEOUT_S
    try:
        while not out.exists() or "totals:" not in out.read_text(errors="replace"):
            if time.monotonic() > deadline:
                raise RuntimeError(f"{name}: no callgrind total within {TIMEOUT_S} s")
            time.sleep(1)
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True, check=False)
    total = re.search(r"^totals:\s+(\d+)", out.read_text(), re.MULTILINE)
    if total is None:
        raise RuntimeError(f"{name}: callgrind wrote no total")
    return int(total.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("programs", nargs="*", metavar="PROGRAM", help=f"any of: {', '.join(PROGRAMS)}")
    args = parser.parse_args()
    # Bytecode first: a count must not include compiling runtimer's sources (about 300 M).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(HERE.parent / "runtimer")], check=True)
    with tempfile.TemporaryDirectory(prefix="runtimer-instr-") as folder:
        for name in args.programs or PROGRAMS:
            millions = count(name, Path(folder)) / 1e6
            print(f"{name:<24} {millions:>9,.0f} M instructions", flush=True)


if __name__ == "__main__":
    main()

"""``make bench``: every benchmark, one table.

``--quick`` shortens the long runs; ``--soak`` runs the 3-hour soak alone.
"""

from __future__ import annotations

import argparse

from bench import audio, export, load, session_cpu, soak, startup, timing
from bench.table import render
from tests.support.big_history import SESSIONS

SOAK_S = 3 * 3600


def main() -> None:
    parser = argparse.ArgumentParser(prog="make bench", description=__doc__)
    parser.add_argument(
        "--quick",
        action="store_true",
        help=(
            "10 s timing run, 3 launches and a 60 s session instead of 60 s, 7 and 30 min;"
            " audio: 5 s of cues, 3 s metronomes, 5-phase sessions instead of 20 s, 4 s, 10;"
            " export and load: 3 and 2 runs instead of 7 and 5; soak: 2 minutes instead of 10"
        ),
    )
    parser.add_argument(
        "--soak", action="store_true", help="only the soak, for 3 hours: memory and drift over a long session"
    )
    args = parser.parse_args()
    if args.soak:
        print(render(soak.rows(SOAK_S)))
        return
    rows = timing.rows(total_s=10 if args.quick else 60, phase_s=0.5)
    rows += startup.rows(repeats=3 if args.quick else 7)
    rows += session_cpu.rows(seconds=60 if args.quick else 1800)
    rows += audio.rows(
        latency_s=5 if args.quick else 20,
        metronome_s=3 if args.quick else 4,
        onset_phases=5 if args.quick else 10,
    )
    rows += export.rows(repeats=3 if args.quick else 7)
    rows += load.rows(sessions=SESSIONS, repeats=2 if args.quick else 5)
    rows += soak.rows(total_s=120 if args.quick else 600)
    print(render(rows))


main()

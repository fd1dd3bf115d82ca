"""``make bench``: every benchmark, one table. ``--quick`` shortens the long runs."""

from __future__ import annotations

import argparse

from bench import startup, timing
from bench.table import render


def main() -> None:
    parser = argparse.ArgumentParser(prog="make bench", description=__doc__)
    parser.add_argument(
        "--quick",
        action="store_true",
        help="10 s timing run, 3 launches and 15 s sessions instead of 60 s, 7, 60 s",
    )
    args = parser.parse_args()
    rows = timing.rows(total_s=10 if args.quick else 60, phase_s=0.5)
    rows += startup.rows(repeats=3 if args.quick else 7, session_s=15 if args.quick else 60)
    print(render(rows))


main()

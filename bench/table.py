"""One table for every benchmark, so ``make bench`` prints a single comparison."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    benchmark: str
    metric: str
    runtimer: str
    reference: str
    goal: str


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f}"


def percentile(values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile: with 120 samples, p99 is the second largest."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[rank]


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def render(rows: Sequence[Row]) -> str:
    header = Row("benchmark", "metric", "runtimer", "reference", "goal")
    cells = [header, *rows]
    widths = [max(len(getattr(row, field)) for row in cells) for field in Row.__dataclass_fields__]
    lines = []
    for number, row in enumerate(cells):
        values = [getattr(row, field) for field in Row.__dataclass_fields__]
        lines.append("| " + " | ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)) + " |")
        if number == 0:
            lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)

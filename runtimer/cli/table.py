"""What the command line prints: one table layout for list, show, history and pace, and plain lines.

Everything printed passes through :func:`~runtimer.plan.text.visible` here,
so a control character in a workout file, the history or an argument quoted
back in an error reaches the terminal as ``\\x1b``, never as a command to it.
"""

from __future__ import annotations

import sys
from collections.abc import Container, Sequence
from typing import TextIO

from runtimer.plan.text import visible


def text_table(rows: Sequence[Sequence[str]], right: Container[int] = ()) -> list[str]:
    """Columns two spaces apart; ``right`` columns right-aligned so times line up by the second.

    Rows may be ragged (a short row simply ends early), and no line carries
    trailing spaces, so the output pastes cleanly into notes and tests.
    """
    rows = [[visible(text) for text in row] for row in rows]
    widths = [max(len(row[i]) for row in rows if i < len(row)) for i in range(max(map(len, rows)))]
    return [
        "  ".join(
            text.rjust(widths[i]) if i in right else text.ljust(widths[i]) for i, text in enumerate(row)
        ).rstrip()
        for row in rows
    ]


def print_table(header: Sequence[str], rows: Sequence[Sequence[str]], right: Container[int] = ()) -> None:
    print("\n".join(text_table([header, *rows], right)))


def print_line(text: str, file: TextIO | None = None) -> None:
    """One line that may quote a workout, a file name or a value: on stdout, or ``file`` (stderr)."""
    print(visible(text), file=file or sys.stdout)

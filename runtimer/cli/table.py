"""Plain-text tables for the command line: one layout for list, show, history and pace."""

from __future__ import annotations

from collections.abc import Container, Sequence


def text_table(rows: Sequence[Sequence[str]], right: Container[int] = ()) -> list[str]:
    """Columns two spaces apart; ``right`` columns right-aligned so times line up by the second.

    Rows may be ragged (a short row simply ends early), and no line carries
    trailing spaces, so the output pastes cleanly into notes and tests.
    """
    widths = [max(len(row[i]) for row in rows if i < len(row)) for i in range(max(map(len, rows)))]
    return [
        "  ".join(
            text.rjust(widths[i]) if i in right else text.ljust(widths[i]) for i, text in enumerate(row)
        ).rstrip()
        for row in rows
    ]


def print_table(header: Sequence[str], rows: Sequence[Sequence[str]], right: Container[int] = ()) -> None:
    print("\n".join(text_table([header, *rows], right)))

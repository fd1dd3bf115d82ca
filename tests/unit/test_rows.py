"""The one-widget rows lay text out as Textual lays out a row of 1fr labels."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from runtimer.tui.widgets.textrow import fit, shares


def test_shares_round_as_textual_places_1fr_siblings() -> None:
    # The session's eight buttons at 80 columns (78 inside the padding), one cell after each,
    # as the snapshot of the session screen drew them with eight widgets.
    assert shares(78, 8, gap=1) == [(0, 8), (9, 9), (19, 9), (29, 9), (39, 8), (48, 9), (58, 9), (68, 9)]
    assert shares(69, 3) == [(0, 23), (23, 23), (46, 23)]
    assert shares(10, 0) == []


@given(width=st.integers(0, 300), count=st.integers(1, 12), gap=st.integers(0, 2))
def test_shares_fill_the_row_in_order_and_differ_by_a_cell_at_most(width: int, count: int, gap: int) -> None:
    placed = shares(width, count, gap)
    assert len(placed) == count
    widths = [w for _, w in placed]
    assert max(widths) - min(widths) <= 1
    assert all(a[0] + a[1] + gap <= b[0] for a, b in pairwise(placed))
    assert sum(widths) == max(0, width - gap * count)


def test_fit_pads_or_cuts_with_an_ellipsis_as_a_label_does() -> None:
    assert fit("rest as planned", 20) == "rest as planned     "
    assert fit("rest as planned", 8) == "rest as…"
    assert fit("left 04:05", 10) == "left 04:05"
    assert fit("anything", 0) == ""

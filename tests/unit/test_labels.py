"""Screen wording that has to fit: text cut to a width stays readable."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from runtimer.tui.labels import shorten

WORDS = st.lists(st.text(alphabet="abcdefghij,-·", min_size=1, max_size=12), min_size=1, max_size=12)


def test_text_that_fits_is_left_whole() -> None:
    assert shorten("Easy day: a short walk", 22) == "Easy day: a short walk"


def test_cut_text_ends_after_a_whole_word_with_an_ellipsis() -> None:
    assert shorten("Steady run, metronome climbing toward 180 spm", 30) == "Steady run, metronome…"
    assert shorten("Warm up, 6-10 x (30-45 s all-out sprint", 21) == "Warm up, 6-10 x…"


def test_a_word_ended_by_punctuation_is_kept_whole() -> None:
    assert shorten("Steady run, fast", 11) == "Steady run…"


def test_wide_characters_count_as_two_cells() -> None:
    assert shorten("走る 走る 走る", 9) == "走る…"
    assert shorten("走る 走る 走る", 10) == "走る 走る…"


def test_a_single_long_word_is_cut_inside_it() -> None:
    assert shorten("hamstrings", 5) == "hams…"


def test_no_room_gives_nothing_or_the_ellipsis() -> None:
    assert shorten("anything", 0) == ""
    assert shorten("anything", 1) == "…"


@given(words=WORDS, width=st.integers(min_value=0, max_value=80))
def test_shortened_text_fits_and_keeps_the_start_of_the_text(words: list[str], width: int) -> None:
    text = " ".join(words)
    short = shorten(text, width)
    assert cell_len(short) <= width
    if len(text) <= width:
        assert short == text
    else:
        assert short.endswith("…") or width == 0
        kept = short.removesuffix("…")
        assert text.startswith(kept)
        if " " in text[: width - 1] and width >= 2:
            assert text[len(kept) :][:1] in (" ", ",", "-", "·", ""), "cut between words"

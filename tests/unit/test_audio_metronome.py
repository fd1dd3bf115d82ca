"""Beat placement, click-track rendering and the segment player."""

from __future__ import annotations

import itertools
import time
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runtimer.audio.metronome import (
    SEGMENT_LEAD_IN,
    Metronome,
    beat_offset,
    beats_between,
    render,
    segment_bounds,
)

ACCENT = b"\x10\x00" * 3
CLICK = b"\x01\x00" * 2
tempos = st.floats(min_value=100, max_value=240, allow_nan=False) | st.sampled_from([170.0, 172.5, 181.0])


def test_180_spm_beats_are_exactly_14700_samples_apart() -> None:
    assert [beat_offset(k, 180) for k in range(5)] == [0, 14700, 29400, 44100, 58800]
    assert beat_offset(10_000, 180) == 147_000_000


def test_an_uneven_tempo_rounds_each_beat_from_the_origin() -> None:
    # 44100 * 60 / 170 = 15564.705... samples: spacing alternates so the error never builds up.
    assert [beat_offset(k, 170) for k in range(4)] == [0, 15565, 31129, 46694]
    assert beat_offset(3_400, 170) == 52_920_000  # 20 minutes of beats, still exact


@given(tempos, st.integers(0, 1_000_000))
def test_no_beat_is_more_than_half_a_sample_from_its_exact_time(spm: float, k: int) -> None:
    exact = k * Fraction(44100 * 60) / Fraction(spm)
    assert abs(beat_offset(k, spm) - exact) <= Fraction(1, 2)


def test_tempo_must_be_positive() -> None:
    with pytest.raises(ValueError, match="steps per minute must be positive"):
        beat_offset(1, 0)


@given(tempos, st.integers(0, 2_000_000), st.integers(0, 200_000))
def test_beats_between_is_every_beat_in_the_range(spm: float, start: int, length: int) -> None:
    stop = start + length
    found = list(beats_between(start, stop, spm))
    first = next(k for k in itertools.count() if beat_offset(k, spm) >= start)
    expected = list(
        itertools.takewhile(lambda b: b[1] < stop, ((k, beat_offset(k, spm)) for k in itertools.count(first)))
    )
    assert found == expected


def test_render_places_an_accent_on_every_fourth_beat() -> None:
    track = render(0, 5 * 14700, 180, ACCENT, CLICK)
    assert len(track) == 5 * 14700 * 2
    for k in range(5):
        at = k * 14700 * 2
        sound = ACCENT if k % 4 == 0 else CLICK
        assert track[at : at + len(sound)] == sound
        assert track[at + len(sound) : at + 14700 * 2] == bytes(14700 * 2 - len(sound))


def test_a_click_longer_than_a_beat_is_cut_at_the_next_beat() -> None:
    long_click = b"\x05\x00" * 20_000
    track = render(0, 2 * 14700, 180, long_click, long_click)
    assert track == long_click[: 14700 * 2] * 2


def test_render_can_start_mid_beat_and_stops_at_the_end() -> None:
    track = render(14_000, 14_702, 180, ACCENT, CLICK)
    assert track == bytes(700 * 2) + CLICK[:4]


def test_render_before_the_track_begins_is_silence() -> None:
    assert render(-882, 5, 180, ACCENT, CLICK) == bytes(882 * 2) + ACCENT + bytes(4)


@given(tempos, st.floats(min_value=0.5, max_value=40), st.integers(0, 500_000))
def test_segments_are_contiguous_whole_bars_about_the_asked_length(
    spm: float, segment_s: float, start: int
) -> None:
    bounds = list(itertools.islice(segment_bounds(start, spm, segment_s), 4))
    assert bounds[0][0] == start - SEGMENT_LEAD_IN
    assert all(a[1] == b[0] for a, b in itertools.pairwise(bounds))
    bar = 4 * Fraction(44100 * 60) / Fraction(spm)
    for _, stop in bounds:
        bar_line = stop + SEGMENT_LEAD_IN
        assert bar_line == beat_offset(4 * round(bar_line / bar), spm)
    bars = max(1, round(segment_s * 44100 / bar))
    # In whole samples, exactly: a segment half a bar off is within bounds, not a float's hair outside.
    assert bars == 1 or abs(bars * bar - Fraction(segment_s) * 44100) <= bar / 2
    for segment_start, stop in bounds[1:]:
        assert abs(stop - segment_start - bars * bar) <= 1


@given(tempos, st.integers(0, 300_000))
def test_segments_played_back_to_back_are_the_whole_track(spm: float, start: int) -> None:
    bounds = list(itertools.islice(segment_bounds(start, spm, 1.0), 3))
    joined = b"".join(render(a, b, spm, ACCENT, CLICK) for a, b in bounds)
    assert joined == render(start - SEGMENT_LEAD_IN, bounds[-1][1], spm, ACCENT, CLICK)
    for a, b in bounds if start == 0 else bounds[1:]:
        assert render(a, b, spm, ACCENT, CLICK).startswith(bytes(2 * SEGMENT_LEAD_IN) + ACCENT)


class FakePlayback:
    def __init__(self, pcm: bytes | memoryview) -> None:
        self.pcm = bytes(pcm)
        self.at = time.monotonic()
        self.stopped = False

    def stop(self) -> None:
        self.stopped = True


class Player:
    def __init__(self) -> None:
        self.played: list[FakePlayback] = []

    def __call__(self, pcm: bytes | memoryview) -> FakePlayback:
        playback = FakePlayback(pcm)
        self.played.append(playback)
        return playback

    def wait_for(self, count: int, timeout: float = 3.0) -> None:
        deadline = time.monotonic() + timeout
        while len(self.played) < count and time.monotonic() < deadline:
            time.sleep(0.005)
        assert len(self.played) >= count


def skipped(pcm: bytes, planned: bytes) -> int:
    """How many samples of ``planned`` a segment left out: only ever its leading silence."""
    skip = len(planned) - len(pcm)
    assert 0 <= skip < 2 * SEGMENT_LEAD_IN and planned.endswith(pcm) and not any(planned[:skip])
    return skip // 2


class ScriptedClock:
    """The worker's clock readings, given in order; the last one holds from then on.

    The worker reads the clock twice a segment: when to wait until, and how late
    it woke. Scripting the readings makes how late a segment starts exact on a
    busy machine too, while the waits themselves still run on real time.
    """

    def __init__(self, *readings: float) -> None:
        self._readings = list(readings)

    def __call__(self) -> float:
        return self._readings.pop(0) if len(self._readings) > 1 else self._readings[0]


T = 1000.0


def test_metronome_plays_from_the_offset_and_then_the_next_segment_on_time() -> None:
    player = Player()
    # At 240 spm a bar is 1 s (44100 samples). 0.9 s in, the first segment opens
    # 50 ms earlier in the track and runs to 50 ms before the next bar line, so
    # the second is due 0.1 s later; here it wakes exactly then.
    clock = ScriptedClock(T, T, T, T + 0.1)
    metronome = Metronome(player, lambda: (ACCENT, CLICK), segment_s=1.0, clock=clock)
    metronome.start(240, offset_s=0.9)
    player.wait_for(2)
    metronome.stop()

    first, second = player.played[:2]
    assert first.pcm == render(37_485, 41_895, 240, ACCENT, CLICK)
    assert second.pcm == render(41_895, 85_995, 240, ACCENT, CLICK)
    assert 0.09 < second.at - first.at < 1.0, "the worker waits, in real time, until the segment is due"
    assert second.stopped


def test_a_segment_started_late_skips_its_lead_in_to_stay_on_the_beat() -> None:
    player = Player()
    # The second segment is due at T + 0.1; its thread wakes 30 ms after that.
    clock = ScriptedClock(T, T, T, T + 0.13)
    metronome = Metronome(player, lambda: (ACCENT, CLICK), segment_s=1.0, clock=clock)
    metronome.start(240, offset_s=0.9)
    player.wait_for(2)
    metronome.stop()

    assert skipped(player.played[1].pcm, render(41_895, 85_995, 240, ACCENT, CLICK)) == round(0.03 * 44100)


def test_stop_ends_the_track_and_start_replaces_it() -> None:
    player = Player()
    metronome = Metronome(player, lambda: (ACCENT, CLICK), segment_s=30.0, clock=lambda: T)
    metronome.start(180)
    player.wait_for(1)
    metronome.start(160)
    player.wait_for(2)
    metronome.stop()
    metronome.stop()
    assert [p.stopped for p in player.played] == [True, True]
    bar_80 = beat_offset(80, 160) - SEGMENT_LEAD_IN
    assert player.played[1].pcm == render(-SEGMENT_LEAD_IN, bar_80, 160, ACCENT, CLICK)
    time.sleep(0.05)
    assert len(player.played) == 2


def test_a_bad_tempo_leaves_the_running_track_alone() -> None:
    player = Player()
    metronome = Metronome(player, lambda: (ACCENT, CLICK))
    metronome.start(180)
    player.wait_for(1)
    with pytest.raises(ValueError):
        metronome.start(-3)
    assert not player.played[0].stopped
    metronome.stop()

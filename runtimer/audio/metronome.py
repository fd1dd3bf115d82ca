"""A cadence metronome whose beats sit on exact sample offsets.

Starting one short sound per beat would put the event loop's and the sound
server's jitter on every beat. Instead the clicks are written into a buffer at
computed sample offsets and the device's own clock spaces them: at 44100 Hz and
180 steps a minute, beats are exactly 14700 samples apart. Beat k is always
placed at round(k * rate * 60 / spm) counted from the track's origin, so a
tempo that does not divide the rate never drifts.

A buffer for a whole 40-minute cadence run would be 200 MB, so the track is
played as consecutive segments of whole bars (30 s by default), each started
on the monotonic clock at the moment the previous one ends. A thread that
wakes late (a busy machine) starts its segment that much further in, so only
the stream's start-up time can put a segment off the beat (a few ms, once per
segment), and since each start is computed from the track's origin it never
adds up.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from fractions import Fraction
from typing import Protocol

from runtimer.audio.library import SAMPLE_RATE, SAMPLE_WIDTH

# Accent every fourth step: two strides, so the accent always falls on the
# same foot and the runner can lock footfalls to a bar.
BEATS_PER_BAR = 4
# Each segment's stream opens this many samples (50 ms) before the sound it is
# for. A segment started late skips that much of its lead-in to stay on time
# (see Metronome._run), and a sound server may drop the first moments of a new
# stream (PulseAudio was measured dropping 0.1-3 ms): both should eat silence,
# not the accent.
SEGMENT_LEAD_IN = 2205


def samples_per_beat(spm: float, rate: int = SAMPLE_RATE) -> Fraction:
    if not spm > 0:
        raise ValueError(f"steps per minute must be positive, not {spm}")
    return Fraction(rate * 60) / Fraction(spm)


def beat_offset(beat: int, spm: float, rate: int = SAMPLE_RATE) -> int:
    """Sample offset of beat ``beat`` from the track's origin (beat 0 at 0)."""
    return round(beat * samples_per_beat(spm, rate))


def beats_between(start: int, stop: int, spm: float, rate: int = SAMPLE_RATE) -> Iterator[tuple[int, int]]:
    """(beat number, sample offset) of every beat with start <= offset < stop."""
    period = samples_per_beat(spm, rate)
    beat = max(0, int(start / period) - 1)
    while (offset := round(beat * period)) < stop:
        if offset >= start:
            yield beat, offset
        beat += 1


def render(start: int, stop: int, spm: float, accent: bytes, click: bytes) -> bytes:
    """Samples [start, stop) of the click track as 16-bit PCM bytes; before sample 0 is silence.

    Each click is cut short at the next beat and at the end of the buffer, so a
    long user click.wav cannot smear one beat into the next.
    """
    track = bytearray((stop - start) * SAMPLE_WIDTH)
    beats = list(beats_between(start, stop, spm))
    ends = [offset for _, offset in beats[1:]] + [stop] if beats else []
    for (beat, offset), end in zip(beats, ends, strict=True):
        sound = accent if beat % BEATS_PER_BAR == 0 else click
        at = (offset - start) * SAMPLE_WIDTH
        length = min(len(sound), (end - offset) * SAMPLE_WIDTH)
        track[at : at + length] = sound[:length]
    return bytes(track)


def segment_bounds(start: int, spm: float, segment_s: float) -> Iterator[tuple[int, int]]:
    """Consecutive [start, stop) sample ranges of whole bars lasting about ``segment_s``.

    The track is wanted from ``start``; the first range opens SEGMENT_LEAD_IN
    earlier (before the track's sample 0 if need be: render pads with silence)
    and the others that much before a bar line, so each stream starts with a
    moment of silence.
    """
    bar = BEATS_PER_BAR * samples_per_beat(spm)
    span = max(1, round(segment_s * SAMPLE_RATE / bar)) * bar
    index = int(start / span)
    start -= SEGMENT_LEAD_IN
    while True:
        index += 1
        stop = round(index * span) - SEGMENT_LEAD_IN
        if stop > start:
            yield start, stop
            start = stop


class Playback(Protocol):
    def stop(self) -> None: ...


Pcm = bytes | memoryview


class Metronome:
    """Plays the click track in segments from a worker thread until stopped.

    ``play`` starts a buffer without blocking and must not raise; it returns
    None when nothing could be played.
    """

    def __init__(
        self,
        play: Callable[[Pcm], Playback | None],
        clicks: Callable[[], tuple[bytes, bytes]],
        *,
        segment_s: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._play = play
        self._clicks = clicks
        self._segment_s = segment_s
        self._clock = clock
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self._thread: threading.Thread | None = None
        self._current: Playback | None = None

    def start(self, spm: float, offset_s: float = 0.0) -> None:
        """Starts the track ``offset_s`` seconds in, replacing any track already running."""
        samples_per_beat(spm)  # a bad tempo raises before the running track is stopped
        self.stop()
        self._stopped = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(spm, round(offset_s * SAMPLE_RATE), self._stopped), daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        thread, self._thread = self._thread, None
        if thread is None:
            return
        self._stopped.set()
        with self._lock:
            if self._current is not None:
                self._current.stop()
                self._current = None
        thread.join(timeout=1.0)

    def _run(self, spm: float, first: int, stopped: threading.Event) -> None:
        accent, click = self._clicks()
        origin: float | None = None  # monotonic time of the track's sample 0
        for start, stop in segment_bounds(first, spm, self._segment_s):
            track = render(start, stop, spm, accent, click)
            if origin is None:
                # Anchored after the first render, so its few milliseconds do not
                # make the first segment late relative to the ones that follow.
                origin = self._clock() - start / SAMPLE_RATE
            elif stopped.wait(max(0.0, origin + start / SAMPLE_RATE - self._clock())):
                return
            with self._lock:
                if stopped.is_set():
                    return
                late = round((self._clock() - origin) * SAMPLE_RATE) - start
                skip = min(max(late, 0), stop - start) * SAMPLE_WIDTH
                self._current = self._play(memoryview(track)[skip:])

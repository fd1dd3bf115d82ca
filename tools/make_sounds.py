"""Synthesises runtimer's cue sounds into ``sounds/`` as 16-bit mono 44100 Hz WAVs.

Standard library only, and deterministic: no randomness, no dither, so running it
again reproduces the committed files byte for byte (tests/test_sounds.py checks).
A runner hears these without looking, often over traffic or a treadmill belt, so
every cue has its own pitch contour or rhythm; loudness alone is never the cue.

Usage: python tools/make_sounds.py [--out DIR]
"""

from __future__ import annotations

import argparse
import math
import sys
import wave
from array import array
from collections.abc import Callable, Sequence
from pathlib import Path

RATE = 44100
FULL_SCALE = 32767
DEFAULT_PEAK_DB = -3.0

Signal = list[float]
# Overtone recipes as (multiple of the fundamental, relative amplitude).
Timbre = Sequence[tuple[float, float]]
SOFT: Timbre = ((1, 1.0), (2, 0.25))
WARM: Timbre = ((1, 1.0), (2, 0.35), (3, 0.15))
# Odd overtones, a gentle square wave: reads as "alarm" and cuts through noise.
BRIGHT: Timbre = ((1, 1.0), (3, 0.3), (5, 0.12))
PURE: Timbre = ((1, 1.0),)
# Inharmonic partials of a struck bell, so "halfway" is a different instrument.
BELL: Timbre = ((1, 1.0), (2.76, 0.45), (5.4, 0.2))

NOTE_OFFSETS = {"C": -9, "D": -7, "E": -5, "F": -4, "G": -2, "A": 0, "B": 2}


def pitch(name: str) -> float:
    """Equal-tempered frequency of a note name like "A4", "F#5" or "Bb3"."""
    letter, accidental, octave = name[0], name[1:-1], int(name[-1])
    semitones = NOTE_OFFSETS[letter] + {"": 0, "#": 1, "b": -1}[accidental] + 12 * (octave - 4)
    return 440.0 * 2 ** (semitones / 12)


def tone(
    start: str | float,
    seconds: float,
    *,
    end: str | float | None = None,
    timbre: Timbre = WARM,
    attack: float = 0.005,
    release: float = 0.03,
    decay: float | None = None,
) -> Signal:
    """One note, optionally gliding exponentially from ``start`` to ``end``.

    The phase is accumulated sample by sample so a glide never jumps, and the
    raised-cosine fades keep both edges from clicking.
    """
    f0 = pitch(start) if isinstance(start, str) else start
    f1 = f0 if end is None else (pitch(end) if isinstance(end, str) else end)
    count = round(seconds * RATE)
    attack_n = max(1, round(attack * RATE))
    release_n = max(1, round(release * RATE))
    out: Signal = []
    phase = 0.0
    for i in range(count):
        fraction = i / count
        phase += 2 * math.pi * f0 * (f1 / f0) ** fraction / RATE
        value = sum(amp * math.sin(mult * phase) for mult, amp in timbre)
        gain = 1.0
        if i < attack_n:
            gain *= 0.5 - 0.5 * math.cos(math.pi * i / attack_n)
        if i >= count - release_n:
            gain *= 0.5 - 0.5 * math.cos(math.pi * (count - i) / release_n)
        if decay is not None:
            gain *= math.exp(-i / (decay * RATE))
        out.append(value * gain)
    return out


def rest(seconds: float) -> Signal:
    return [0.0] * round(seconds * RATE)


def seq(*parts: Signal) -> Signal:
    return [sample for part in parts for sample in part]


def mix(*parts: Signal) -> Signal:
    out = [0.0] * max(len(part) for part in parts)
    for part in parts:
        for i, sample in enumerate(part):
            out[i] += sample
    return out


def session_start() -> Signal:
    # A fast rising major arpeggio landing on the octave: "here we go".
    notes = [seq(tone(n, 0.11), rest(0.02)) for n in ("C5", "E5", "G5")]
    return seq(*notes, tone("C6", 0.35, release=0.12))


def warmup() -> Signal:
    # A slow, soft rising fifth: easing in.
    return seq(
        tone("A4", 0.35, timbre=SOFT, attack=0.03), tone("E5", 0.5, timbre=SOFT, attack=0.02, release=0.2)
    )


def sprint() -> Signal:
    # Four quick upward chirps, each starting higher, then a long rising sweep: urgency.
    chirps = [
        seq(tone(n, 0.08, end=pitch(n) * 4 / 3, timbre=BRIGHT), rest(0.025)) for n in ("A4", "D5", "G5")
    ]
    return seq(*chirps, tone("C6", 0.3, end="F6", timbre=BRIGHT, release=0.06))


def jog() -> Signal:
    # Two long, pure, falling notes: settle down (jog, rest and walk recoveries).
    return seq(tone("G5", 0.3, timbre=PURE, attack=0.02), tone("C5", 0.45, timbre=PURE, release=0.2))


def run() -> Signal:
    # Two equal notes at one pitch: steady effort, no change of gear.
    return seq(tone("E5", 0.18, timbre=SOFT), rest(0.12), tone("E5", 0.18, timbre=SOFT))


def exercise() -> Signal:
    # Up and back down, like a repetition.
    return seq(tone("C5", 0.13), rest(0.03), tone("G5", 0.13), rest(0.03), tone("C5", 0.13))


def cooldown() -> Signal:
    # A slow falling arpeggio, the reverse of session_start and twice as slow.
    notes = [seq(tone(n, 0.2, timbre=SOFT, attack=0.02), rest(0.01)) for n in ("C6", "G5", "E5")]
    return seq(*notes, tone("C5", 0.4, timbre=SOFT, release=0.2))


def tick() -> Signal:
    # The 3-2-1 beep of a race clock.
    return seq(tone("A5", 0.11, timbre=SOFT, release=0.02), rest(0.04))


def go() -> Signal:
    # The race clock's start: an octave above the ticks and three times longer.
    return tone("A6", 0.45, timbre=SOFT, release=0.08)


def halfway() -> Signal:
    # Two bell strikes: a different instrument from every other cue.
    strike = tone("E5", 0.6, timbre=BELL, attack=0.002, release=0.05, decay=0.18)
    return mix(strike, seq(rest(0.3), strike))


def lap() -> Signal:
    # Three short high blips: a stopwatch's split.
    blip = tone("E6", 0.045, timbre=SOFT, attack=0.003, release=0.015)
    return seq(blip, rest(0.045), blip, rest(0.045), blip)


def rest_shorter() -> Signal:
    # A quick falling pair; rest_longer is its mirror image.
    return seq(tone("B5", 0.1, timbre=BRIGHT), rest(0.04), tone("F#5", 0.1, timbre=BRIGHT))


def rest_longer() -> Signal:
    return seq(tone("F#5", 0.1, timbre=BRIGHT), rest(0.04), tone("B5", 0.1, timbre=BRIGHT))


def paused() -> Signal:
    # A continuous glide down an octave, like something powering down.
    return tone("A5", 0.35, end="A4", timbre=PURE, attack=0.01, release=0.06)


def resumed() -> Signal:
    return tone("A4", 0.35, end="A5", timbre=PURE, attack=0.01, release=0.06)


def finished() -> Signal:
    # Short-short-short-long fanfare ending on a major chord.
    pickup = seq(tone("G5", 0.09), rest(0.05))
    chord = mix(*(tone(n, 0.6, release=0.3) for n in ("C6", "E6", "G6")))
    return seq(pickup, pickup, pickup, chord)


def click_accent() -> Signal:
    # Metronome downbeat: higher and a little longer than the plain click.
    return tone(2500.0, 0.025, timbre=PURE, attack=0.001, release=0.005, decay=0.006)


def click() -> Signal:
    return tone(1600.0, 0.018, timbre=PURE, attack=0.001, release=0.005, decay=0.004)


# Cue name -> (synthesiser, peak level in dBFS). The names are the API that
# runtimer.audio.library.CUE_NAMES lists and users override by file name.
CUES: dict[str, tuple[Callable[[], Signal], float]] = {
    "session_start": (session_start, DEFAULT_PEAK_DB),
    "warmup": (warmup, DEFAULT_PEAK_DB),
    "sprint": (sprint, DEFAULT_PEAK_DB),
    "jog": (jog, DEFAULT_PEAK_DB),
    "run": (run, DEFAULT_PEAK_DB),
    "exercise": (exercise, DEFAULT_PEAK_DB),
    "cooldown": (cooldown, DEFAULT_PEAK_DB),
    "tick": (tick, DEFAULT_PEAK_DB),
    "go": (go, DEFAULT_PEAK_DB),
    "halfway": (halfway, DEFAULT_PEAK_DB),
    "lap": (lap, DEFAULT_PEAK_DB),
    "rest_shorter": (rest_shorter, DEFAULT_PEAK_DB),
    "rest_longer": (rest_longer, DEFAULT_PEAK_DB),
    "paused": (paused, DEFAULT_PEAK_DB),
    "resumed": (resumed, DEFAULT_PEAK_DB),
    "finished": (finished, DEFAULT_PEAK_DB),
    "click_accent": (click_accent, DEFAULT_PEAK_DB),
    # The plain click sits under the accent so the bar's downbeat stands out.
    "click": (click, -6.0),
}


def to_pcm(signal: Signal, peak_db: float) -> array[int]:
    """Normalises to the requested peak so cues share one loudness scale."""
    target = FULL_SCALE * 10 ** (peak_db / 20)
    scale = target / max(abs(sample) for sample in signal)
    return array("h", (round(sample * scale) for sample in signal))


def write_wav(path: Path, samples: array[int]) -> None:
    if sys.byteorder != "little":
        samples = array("h", samples)
        samples.byteswap()
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(samples.tobytes())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_out = Path(__file__).resolve().parent.parent / "sounds"
    parser.add_argument("--out", type=Path, default=default_out, help=f"folder to write into ({default_out})")
    args = parser.parse_args(argv)
    out_dir: Path = args.out
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, (synth, peak_db) in CUES.items():
        write_wav(out_dir / f"{name}.wav", to_pcm(synth(), peak_db))
    print(f"wrote {len(CUES)} cues to {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

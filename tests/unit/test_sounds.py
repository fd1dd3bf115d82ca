"""The shipped sounds: format, length, level, and that no two cues sound alike."""

from __future__ import annotations

import importlib.util
import itertools
import math
import subprocess
import sys
import wave
from array import array
from pathlib import Path
from types import ModuleType

import pytest

from runtimer.audio.library import CUE_NAMES, VOICE_FOLDER, scale
from runtimer.config.paths import sounds_dir

ROOT = Path(__file__).resolve().parents[2]
FULL_SCALE = 32768
FRAME = 441  # 10 ms


def load_tool(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read(path: Path) -> tuple[tuple[int, int, int, str], array[int]]:
    with wave.open(str(path), "rb") as wav:
        shape = (wav.getnchannels(), wav.getsampwidth(), wav.getframerate(), wav.getcomptype())
        samples = array("h", wav.readframes(wav.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    return shape, samples


CUES = {name: read(sounds_dir() / f"{name}.wav")[1] for name in CUE_NAMES}


def dbfs(level: float) -> float:
    return 20 * math.log10(level / FULL_SCALE)


@pytest.mark.parametrize("name", CUE_NAMES)
def test_cue_is_16_bit_mono_44100_pcm_of_sane_length_and_level(name: str) -> None:
    shape, samples = read(sounds_dir() / f"{name}.wav")
    assert shape == (1, 2, 44100, "NONE")
    seconds = len(samples) / 44100
    limit = {"tick": 0.16, "click": 0.03, "click_accent": 0.03}.get(name, 1.2)
    assert 0.01 < seconds <= limit
    peak = max(abs(sample) for sample in samples)
    assert -7 <= dbfs(peak) <= -2.9
    # Faded in and out: a jump from or to silence would be heard as a click.
    assert abs(samples[0]) < 0.01 * FULL_SCALE and abs(samples[-1]) < 0.01 * FULL_SCALE


def test_every_wav_in_the_sounds_folder_is_a_cue() -> None:
    assert {path.stem for path in sounds_dir().glob("*.wav")} == set(CUE_NAMES)


def features(samples: array[int]) -> tuple[list[float], list[float | None]]:
    """Per 10 ms frame: loudness relative to the cue's peak, and pitch in octaves.

    Pitch comes from the zero-crossing rate, which for these near-sinusoidal
    tones (overtones too weak to add crossings) is twice the fundamental.
    Frames quieter than 5 % of the peak have no pitch.
    """
    peak = max(abs(sample) for sample in samples)
    envelope: list[float] = []
    pitch: list[float | None] = []
    for start in range(0, len(samples), FRAME):
        frame = samples[start : start + FRAME]
        level = math.sqrt(sum(s * s for s in frame) / len(frame)) / peak
        crossings = sum(1 for a, b in itertools.pairwise(frame) if (a < 0) != (b < 0))
        envelope.append(level)
        pitch.append(math.log2(crossings * 44100 / (2 * len(frame))) if level > 0.05 and crossings else None)
    return envelope, pitch


def differences(a: array[int], b: array[int]) -> tuple[float, float, float]:
    """How two cues differ in rhythm, pitch contour and register.

    - rhythm: mean absolute difference of the peak-normalised envelopes, the
      shorter padded with silence (0 = same rhythm; volume cancels out);
    - contour: mean difference, in semitones, of each frame's pitch from the
      cue's own mean pitch, over frames where both sound (a transposed copy
      scores 0);
    - register: difference of the mean pitches in semitones.
    """
    (env_a, pitch_a), (env_b, pitch_b) = features(a), features(b)
    length = max(len(env_a), len(env_b))
    rhythm = sum(abs(x - y) for x, y in itertools.zip_longest(env_a, env_b, fillvalue=0.0)) / length
    both = [(x, y) for x, y in zip(pitch_a, pitch_b, strict=False) if x is not None and y is not None]
    if not both:
        return rhythm, 0.0, 0.0
    mean_a = sum(x for x, _ in both) / len(both)
    mean_b = sum(y for _, y in both) / len(both)
    contour = 12 * sum(abs((x - mean_a) - (y - mean_b)) for x, y in both) / len(both)
    return rhythm, contour, 12 * abs(mean_a - mean_b)


# Two cues can be told apart when any one of these is clearly different.
# Measured on the shipped set: cues with the same rhythm score under 0.05
# (rest_shorter/rest_longer 0.001), cues with different rhythms 0.13 and up;
# mirror-image contours (paused/resumed) differ by 5.8 semitones, the same
# contour by 0; click and click_accent are a sixth apart (7.7 semitones).
# The thresholds sit near the middle of each gap. A register change below a
# fourth does not count: without a reference tone few people hear it.
RHYTHM = 0.08
CONTOUR = 2.0
REGISTER = 5.0


def distinct(a: array[int], b: array[int]) -> bool:
    rhythm, contour, register = differences(a, b)
    return rhythm >= RHYTHM or contour >= CONTOUR or register >= REGISTER


def test_the_metric_calls_a_quieter_or_retimed_copy_the_same_sound() -> None:
    sprint = CUES["sprint"]
    assert not distinct(sprint, scale(sprint, 50))
    assert not distinct(sprint, array("h", sprint[: len(sprint) - FRAME]))
    assert distinct(sprint, array("h", reversed(sprint)))


@pytest.mark.parametrize(("a", "b"), list(itertools.combinations(CUE_NAMES, 2)))
def test_no_two_cues_sound_alike(a: str, b: str) -> None:
    assert distinct(CUES[a], CUES[b]), differences(CUES[a], CUES[b])


def test_make_sounds_names_the_cues_that_runtimer_plays() -> None:
    assert tuple(load_tool("make_sounds").CUES) == CUE_NAMES


def test_make_sounds_reproduces_the_committed_files_byte_for_byte(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_sounds.py"), "--out", str(tmp_path)], check=True
    )
    for name in CUE_NAMES:
        assert (tmp_path / f"{name}.wav").read_bytes() == (sounds_dir() / f"{name}.wav").read_bytes(), name


def test_every_voice_phrase_has_a_trimmed_clip() -> None:
    make_voice = load_tool("make_voice")
    voice = sounds_dir() / VOICE_FOLDER
    assert {path.stem for path in voice.glob("*.wav")} == {make_voice.stem(p) for p in make_voice.PHRASES}
    for phrase in make_voice.PHRASES:
        shape, samples = read(voice / f"{make_voice.stem(phrase)}.wav")
        assert shape == (1, 2, 44100, "NONE"), phrase
        assert 0.1 < len(samples) / 44100 < 1.5, phrase
        # Trimmed: sound above -40 dBFS within the first and last 50 ms (espeak-ng
        # pads with more), so the gaps between joined words are say()'s alone.
        threshold = 0.01 * FULL_SCALE
        assert max(map(abs, samples[: 5 * FRAME])) > threshold, phrase
        assert max(map(abs, samples[-5 * FRAME :])) > threshold, phrase


def test_voice_stems_are_snake_case_phrases() -> None:
    make_voice = load_tool("make_voice")
    assert make_voice.stem("cool down") == "cool_down"
    assert make_voice.stem("ten seconds") == "ten_seconds"
    assert {"three", "warm_up", "last_rep", "rest_shorter", "rest_longer"} <= set(
        map(make_voice.stem, make_voice.PHRASES)
    )

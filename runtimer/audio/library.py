"""Every cue and voice clip, read once at start and kept as samples in memory.

Reading WAVs at play time would put disk I/O between a phase change and its
sound; a few megabytes held in memory do not. The built-in set comes from
runtimer.config.paths; a WAV in the user's sounds folder with a built-in's file
name replaces it. A user file that cannot be used is skipped with its reason
kept in ``problems``: a broken sprint.wav must never stop a workout.
"""

from __future__ import annotations

import sys
import wave
from array import array
from collections.abc import Iterable, Sequence
from pathlib import Path

from runtimer.config import paths
from runtimer.plan.text import control_name, first_control, visible

MAX_SOUND_BYTES = 4 * 1024 * 1024
"""The largest sound file read: 47 s of 16-bit mono at 44100 Hz. Every cue is held in memory (twice,
once scaled to the volume), so a larger file is skipped unread rather than loaded."""
SAMPLE_RATE = 44100
SAMPLE_WIDTH = 2
CHANNELS = 1
VOICE_FOLDER = "voice"
# The cue vocabulary. These file stems are the API between the engine's
# event-to-cue mapping, tools/make_sounds.py and users replacing a sound.
CUE_NAMES: tuple[str, ...] = (
    "session_start",
    "warmup",
    "sprint",
    "jog",
    "run",
    "exercise",
    "cooldown",
    "tick",
    "go",
    "halfway",
    "lap",
    "rest_shorter",
    "rest_longer",
    "paused",
    "resumed",
    "finished",
    "click_accent",
    "click",
)


class SoundFileError(ValueError):
    """A WAV that runtimer cannot play as it is; the message says why."""


def read_wav(path: Path) -> array[int]:
    """Reads a 16-bit mono 44100 Hz PCM WAV; anything else is a SoundFileError.

    No resampling or mixing down: the fix is one sox command (see docs/sounds.md),
    while guessing would hide a wrong file behind a sound that plays too fast.
    """
    try:
        with wave.open(str(path), "rb") as wav:
            shape = (wav.getnchannels(), wav.getsampwidth(), wav.getframerate())
            frames = wav.readframes(wav.getnframes())
    except (wave.Error, EOFError, OSError) as exc:
        raise SoundFileError(f"is not a readable WAV file ({exc})") from exc
    channels, width, rate = shape
    if shape != (CHANNELS, SAMPLE_WIDTH, SAMPLE_RATE):
        raise SoundFileError(
            f"is {width * 8}-bit, {channels} channel(s), {rate} Hz; runtimer needs 16-bit mono 44100 Hz PCM"
        )
    # A truncated file can end mid-sample; array() would refuse the odd byte.
    samples = array("h", frames[: len(frames) - len(frames) % SAMPLE_WIDTH])
    if not samples:
        raise SoundFileError("has no samples")
    if sys.byteorder == "big":
        samples.byteswap()
    return samples


def gain_q15(percent: int) -> int:
    """Volume percent to a fixed-point gain where 32768 is unity.

    Squared, because loudness is closer to the square of amplitude than to the
    amplitude itself: 50 % then sounds like half, not like barely quieter.
    """
    fraction = min(max(percent, 0), 100) / 100
    return round(fraction * fraction * 32768)


def scale(samples: array[int], percent: int) -> array[int]:
    """Samples at a volume, rounded to nearest; 100 % is an exact copy."""
    gain = gain_q15(percent)
    if gain == 32768:
        return array("h", samples)
    return array("h", [(sample * gain + 16384) >> 15 for sample in samples])


def pcm_bytes(samples: array[int]) -> bytes:
    """Little-endian bytes, the byte order simpleaudio hands to ALSA."""
    if sys.byteorder == "big":
        samples = array("h", samples)
        samples.byteswap()
    return samples.tobytes()


def silence_bytes(seconds: float) -> bytes:
    return bytes(round(seconds * SAMPLE_RATE) * SAMPLE_WIDTH)


def builtin_voice_words() -> frozenset[str]:
    """The stems say() can speak with the clips that ship with runtimer."""
    return frozenset(path.stem for path in (paths.sounds_dir() / VOICE_FOLDER).glob("*.wav"))


class Library:
    """Cue and voice samples, scaled to the volume the first time each is needed at it.

    Scaling in pure Python costs about 8 ms per second of sound on a slow
    machine: 50-70 ms for all the cues (about 8 s of sound). Done when the
    volume was set at start-up, that delayed the first frame, so nothing is
    scaled up front. A cue or word is scaled when first needed and kept (a few
    milliseconds each), and prepare_cues(), run in the background once the
    screen is up, scales the remaining cues during the 3-2-1 lead-in, before
    the first phase cue plays.

    Each kept sound is tagged with its volume, so a background preparation
    that races a volume change can only waste work, never play the old level.
    """

    def __init__(
        self, cues: dict[str, array[int]], voice: dict[str, array[int]], problems: Iterable[str] = ()
    ) -> None:
        self._cues = cues
        self._voice = voice
        self.problems: list[str] = list(problems)
        self._volume = 100
        self._cue_pcm: dict[str, tuple[int, bytes]] = {}
        self._word_pcm: dict[str, tuple[int, bytes]] = {}

    @property
    def cue_names(self) -> frozenset[str]:
        return frozenset(self._cues)

    @property
    def voice_words(self) -> frozenset[str]:
        return frozenset(self._voice)

    @property
    def volume(self) -> int:
        return self._volume

    def set_volume(self, percent: int) -> None:
        self._volume = min(max(percent, 0), 100)

    def cue(self, name: str) -> bytes:
        """The cue's PCM bytes at the current volume; KeyError for an unknown name."""
        return _scaled(self._cue_pcm, self._cues, name, self._volume)

    def word(self, word: str) -> bytes:
        """A voice clip's PCM bytes at the current volume; KeyError for an unknown word."""
        return _scaled(self._word_pcm, self._voice, word, self._volume)

    def prepare_cues(self) -> None:
        """Scales every cue at the current volume now; safe to run in another thread."""
        for name in list(self._cues):
            self.cue(name)


def _scaled(
    kept: dict[str, tuple[int, bytes]], samples: dict[str, array[int]], name: str, volume: int
) -> bytes:
    hit = kept.get(name)
    if hit is not None and hit[0] == volume:
        return hit[1]
    pcm = pcm_bytes(scale(samples[name], volume))
    kept[name] = (volume, pcm)
    return pcm


def _load_folder(
    folder: Path, names: Iterable[str] | None, problems: list[str], label: str
) -> dict[str, array[int]]:
    """Reads every ``*.wav`` in ``folder``; ``names`` (when given) limits which stems count."""
    allowed = None if names is None else set(names)
    loaded: dict[str, array[int]] = {}
    if not folder.is_dir():
        return loaded
    for path in sorted(folder.glob("*.wav")):
        problem = _unusable(path, allowed)
        if problem is None:
            try:
                loaded[path.stem] = read_wav(path)
            except SoundFileError as exc:
                problem = str(exc)
        if problem is not None:
            problems.append(visible(f"{label}{path.name} {problem} (skipped)"))
    return loaded


def _unusable(path: Path, allowed: set[str] | None) -> str | None:
    """Why a file cannot be a cue before it is opened, if it cannot: checked first, as it is cheap."""
    if (found := first_control(path.name)) is not None:
        return f"has control character {control_name(found[1])} in its name"
    if allowed is not None and path.stem not in allowed:
        return "does not replace any built-in sound"
    try:
        size = path.stat().st_size
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    if path.is_dir():
        return "is a folder, not a WAV file"
    if size > MAX_SOUND_BYTES:
        return f"is larger than {MAX_SOUND_BYTES // (1024 * 1024)} MiB, the most a sound file may be"
    return None


def load_library(builtin_dir: Path | None = None, user_dir: Path | None = None) -> Library:
    """Built-in sounds overlaid with the user's, by file name.

    A user file that is skipped leaves the built-in in place. A built-in that is
    missing is reported too (an install without sounds/ plays nothing, loudly).
    """
    builtin_dir = paths.sounds_dir() if builtin_dir is None else builtin_dir
    user_dir = paths.user_sounds_dir() if user_dir is None else user_dir
    problems: list[str] = []
    cues = _load_folder(builtin_dir, CUE_NAMES, problems, "built-in ")
    problems.extend(f"built-in {name}.wav is missing" for name in CUE_NAMES if name not in cues)
    voice = _load_folder(builtin_dir / VOICE_FOLDER, None, problems, "built-in voice/")
    cues.update(_load_folder(user_dir, CUE_NAMES, problems, f"{user_dir}/"))
    voice.update(_load_folder(user_dir / VOICE_FOLDER, voice, problems, f"{user_dir / VOICE_FOLDER}/"))
    return Library(cues, voice, problems)


def join_words(clips: Sequence[bytes], gap_s: float) -> bytes:
    """One buffer for a whole announcement, so words never wait on each other's streams."""
    return silence_bytes(gap_s).join(clips)

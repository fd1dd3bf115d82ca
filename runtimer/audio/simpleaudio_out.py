"""Real sound through simpleaudio, and the factory that falls back to the bell.

simpleaudio's ``play_buffer`` opens an ALSA stream, hands the buffer to a C
thread and returns: about a quarter of a millisecond once ALSA has read its
configuration, which the first call of a process does (tens to hundreds of
milliseconds). That first call happens here, at construction, with a short
silence, so it is never the first sprint cue that arrives late. Every sound is
its own stream, so cues overlap the metronome and each other freely.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from runtimer.audio.base import AudioOutput, BellOutput
from runtimer.audio.library import CHANNELS, SAMPLE_RATE, SAMPLE_WIDTH, Library, join_words, load_library
from runtimer.audio.metronome import Metronome, Pcm, samples_per_beat
from runtimer.audio.quiet_alsa import silence_alsa_errors, stderr_silenced

WORD_GAP_S = 0.06
PROBE_S = 0.01
# close() lets a cue or announcement in flight end, but no longer than this.
CLOSE_WAIT_S = 1.5


class AudioUnavailable(RuntimeError):
    """No sound device could be opened; the message is the reason to show."""


class PlayObject(Protocol):
    def stop(self) -> None: ...

    def is_playing(self) -> bool: ...


def _reason(exc: Exception) -> str:
    """simpleaudio's "Error opening PCM device. -- CODE: -2 -- MSG: No such file ..." made readable."""
    text = " ".join(str(exc).split())
    match = re.fullmatch(r"(.*?)\.? -- CODE: -?\d+ -- MSG: (.*)", text)
    return f"{match[1]}: {match[2]}" if match else text


class SimpleaudioOutput:
    """Plays preloaded cues, spoken announcements and a click track through simpleaudio.

    If the device fails later (unplugged, sound server gone), the output turns
    into a BellOutput with the reason in ``status`` rather than raising into
    the app.
    """

    def __init__(
        self,
        library: Library | None = None,
        *,
        bell: Callable[[], None] = lambda: None,
        metronome_segment_s: float = 30.0,
    ) -> None:
        self._sa, self._error, probe = _open_device()
        self._library = load_library() if library is None else library
        self._bell = bell
        self._fallback: BellOutput | None = None
        self._muted = False
        self._reported: set[str] = set()
        self._problems = list(self._library.problems)
        self._playing: list[PlayObject] = [probe]
        self._announcement: PlayObject | None = None
        self._metronome = Metronome(self._start, self._clicks, segment_s=metronome_segment_s)
        # The track the caller asked for, kept while muted so unmuting resumes it
        # in phase: its tempo (None for no metronome) and when its beat 0 was.
        self._wanted_spm: float | None = None
        self._track_origin = 0.0
        # Guards the list of playing sounds, which the metronome's thread adds to.
        self._lock = threading.Lock()

    @property
    def volume(self) -> int:
        return self._library.volume

    @property
    def muted(self) -> bool:
        return self._muted

    @property
    def status(self) -> str:
        return "sound on" if self._fallback is None else self._fallback.status

    @property
    def problems(self) -> Sequence[str]:
        return tuple(self._problems)

    def play(self, cue: str) -> None:
        if self._fallback is not None:
            self._fallback.play(cue)
            return
        if self._silent():
            return
        try:
            pcm = self._library.cue(cue)
        except KeyError:
            self._problem(f"no sound for cue {cue!r}")
            return
        self._start(pcm)

    def say(self, words: Sequence[str]) -> None:
        if self._fallback is not None:
            self._fallback.say(words)
            return
        if self._silent():
            return
        clips = []
        for word in words:
            try:
                clips.append(self._library.word(word))
            except KeyError:
                self._problem(f"no voice clip for {word!r}")
        if not clips:
            return
        if self._announcement is not None:
            self._announcement.stop()
        self._announcement = self._start(join_words(clips, WORD_GAP_S))

    def start_metronome(self, spm: float, offset_s: float = 0.0) -> None:
        samples_per_beat(spm)  # a bad tempo raises before anything changes
        self._wanted_spm = spm
        self._track_origin = time.monotonic() - offset_s
        self._resync_metronome()

    def stop_metronome(self) -> None:
        self._wanted_spm = None
        self._metronome.stop()

    def set_volume(self, percent: int) -> None:
        """Rescales the library; a running metronome restarts in phase at the new level."""
        self._library.set_volume(percent)
        if self._fallback is not None:
            self._fallback.set_volume(percent)
        self._resync_metronome()

    def warm_up(self) -> None:
        """Scales every cue in a background thread, so no phase change waits for it.

        Only once the screen is up: a thread started earlier would hold
        Python's lock against the start-up it is meant to stay out of.
        """
        threading.Thread(target=self._library.prepare_cues, name="runtimer-cues", daemon=True).start()

    def set_muted(self, muted: bool) -> None:
        """Muting silences everything at once, the metronome included; unmuting resumes it in phase."""
        self._muted = muted
        if self._fallback is not None:
            self._fallback.set_muted(muted)
        if muted:
            self._stop_all()
        self._resync_metronome()

    def close(self) -> None:
        """Waits (briefly) for sounds in flight, then stops them.

        simpleaudio's playback threads take Python's lock as they finish; one
        finishing while the interpreter shuts down can crash it, so the app
        must not exit with sounds still playing.
        """
        self.stop_metronome()
        deadline = time.monotonic() + CLOSE_WAIT_S
        while self._busy() and time.monotonic() < deadline:
            time.sleep(0.02)
        self._stop_all()
        deadline = time.monotonic() + 0.5
        while self._busy() and time.monotonic() < deadline:
            time.sleep(0.01)

    def _silent(self) -> bool:
        return self._muted or self._library.volume == 0

    def _resync_metronome(self) -> None:
        """Brings the click track in line with the current volume and mute, keeping its phase."""
        self._metronome.stop()
        if self._wanted_spm is not None and self._fallback is None and not self._silent():
            self._metronome.start(self._wanted_spm, time.monotonic() - self._track_origin)

    def _clicks(self) -> tuple[bytes, bytes]:
        return self._library.cue("click_accent"), self._library.cue("click")

    def _start(self, pcm: Pcm) -> PlayObject | None:
        """Starts a buffer without waiting for it; on a device error, switches to the bell."""
        with self._lock:
            if self._fallback is not None:
                return None
            try:
                play: PlayObject = self._sa.play_buffer(pcm, CHANNELS, SAMPLE_WIDTH, SAMPLE_RATE)
            except self._error as exc:
                fallback = BellOutput(self._bell, f"sound device failed: {_reason(exc)}")
                fallback.set_muted(self._muted)
                fallback.set_volume(self._library.volume)
                self._fallback = fallback
                return None
            self._playing = [sound for sound in self._playing if sound.is_playing()]
            self._playing.append(play)
            return play

    def _busy(self) -> bool:
        with self._lock:
            self._playing = [sound for sound in self._playing if sound.is_playing()]
            return bool(self._playing)

    def _stop_all(self) -> None:
        self._metronome.stop()  # outside the lock: its thread may be waiting for it in _start
        with self._lock:
            for sound in self._playing:
                sound.stop()
        self._announcement = None

    def _problem(self, text: str) -> None:
        if text not in self._reported:
            self._reported.add(text)
            self._problems.append(text)


def _open_device() -> tuple[Any, type[Exception], PlayObject]:
    """Imports simpleaudio and starts a short silence, quietly; AudioUnavailable if that fails.

    Returns the module, its error class and the silence's play object.
    """
    try:
        import simpleaudio  # type: ignore[import-untyped]
        from simpleaudio._simpleaudio import SimpleaudioError  # type: ignore[import-untyped]
    except ImportError as exc:
        raise AudioUnavailable(f"simpleaudio is not installed ({exc})") from exc
    silence_alsa_errors()
    silence = bytes(round(PROBE_S * SAMPLE_RATE) * SAMPLE_WIDTH)
    try:
        with stderr_silenced():
            probe: PlayObject = simpleaudio.play_buffer(silence, CHANNELS, SAMPLE_WIDTH, SAMPLE_RATE)
    except SimpleaudioError as exc:
        raise AudioUnavailable(f"no sound device ({_reason(exc)})") from exc
    error: type[Exception] = SimpleaudioError
    return simpleaudio, error, probe


def open_audio(bell: Callable[[], None]) -> AudioOutput:
    """Real sound when a device opens, else the bell with the reason in ``status``.

    Call it before the UI starts: the device probe briefly points descriptor 2,
    where Textual draws, at /dev/null.
    """
    try:
        return SimpleaudioOutput(bell=bell)
    except AudioUnavailable as exc:
        return BellOutput(bell, str(exc))

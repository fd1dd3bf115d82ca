"""What the app asks of sound, and the two outputs that need no sound device.

The app and runner talk to an ``AudioOutput`` only, so a session runs the same
with real speakers (SimpleaudioOutput), with the terminal bell when there are
none (BellOutput), and in tests, where RecordingOutput notes every request with
the time it came.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Sequence
from typing import NamedTuple, Protocol

from runtimer.audio.library import CUE_NAMES, builtin_voice_words


class AudioOutput(Protocol):
    """Sound for a session. No method blocks the event loop or raises for a missing device."""

    @property
    def volume(self) -> int:
        """0-100."""
        ...

    @property
    def muted(self) -> bool: ...

    @property
    def status(self) -> str:
        """One line for the screen: "sound on", or "sound off: <reason>"."""
        ...

    @property
    def problems(self) -> Sequence[str]:
        """Sounds skipped or words missing, each said once, for a notice or a log."""
        ...

    def play(self, cue: str) -> None:
        """Starts one of library.CUE_NAMES and returns at once; overlaps whatever is playing."""

    def say(self, words: Sequence[str]) -> None:
        """Speaks voice clips (stems such as "sprint", "three", "cool_down") as one announcement.

        A new announcement cuts off one still playing: stale news is worse than none.
        """

    def start_metronome(self, spm: float, offset_s: float = 0.0) -> None:
        """Clicks at ``spm`` steps a minute, ``offset_s`` seconds into the track (to resume in phase)."""

    def stop_metronome(self) -> None: ...

    def set_volume(self, percent: int) -> None:
        """Clamped to 0-100."""

    def set_muted(self, muted: bool) -> None: ...

    def warm_up(self) -> None:
        """Gets every cue ready to play without delay, in the background; call once the screen is up."""

    def close(self) -> None:
        """Stops the metronome and lets a cue in flight finish, briefly; call before exit."""


class Recorded(NamedTuple):
    time: float
    action: str
    argument: object


class _Controls:
    """Volume and mute as plain state, for the outputs that have no samples to scale."""

    def __init__(self) -> None:
        self._volume = 100
        self._muted = False

    @property
    def volume(self) -> int:
        return self._volume

    @property
    def muted(self) -> bool:
        return self._muted

    @property
    def problems(self) -> Sequence[str]:
        return ()

    def set_volume(self, percent: int) -> None:
        self._volume = min(max(percent, 0), 100)

    def set_muted(self, muted: bool) -> None:
        self._muted = muted

    def warm_up(self) -> None:
        """No samples, nothing to prepare."""


class RecordingOutput(_Controls):
    """A fake that records ``(time, action, argument)`` for every request.

    Stricter than the real outputs on purpose: an unknown cue or word raises
    ValueError here, so a typo fails the app's tests instead of going quiet.
    """

    def __init__(
        self, clock: Callable[[], float] = time.monotonic, *, words: Collection[str] | None = None
    ) -> None:
        super().__init__()
        self._clock = clock
        self._words = builtin_voice_words() if words is None else frozenset(words)
        self.records: list[Recorded] = []

    @property
    def status(self) -> str:
        return "sound on"

    def arguments(self, action: str) -> list[object]:
        """The arguments of every ``action`` request, in order: ``arguments("play") == ["go"]``."""
        return [record.argument for record in self.records if record.action == action]

    def play(self, cue: str) -> None:
        if cue not in CUE_NAMES:
            raise ValueError(f"unknown cue {cue!r}")
        self._record("play", cue)

    def say(self, words: Sequence[str]) -> None:
        unknown = [word for word in words if word not in self._words]
        if unknown:
            raise ValueError(f"no voice clip for {', '.join(map(repr, unknown))}")
        self._record("say", tuple(words))

    def start_metronome(self, spm: float, offset_s: float = 0.0) -> None:
        self._record("start_metronome", (spm, offset_s))

    def stop_metronome(self) -> None:
        self._record("stop_metronome", None)

    def set_volume(self, percent: int) -> None:
        super().set_volume(percent)
        self._record("set_volume", self._volume)

    def set_muted(self, muted: bool) -> None:
        super().set_muted(muted)
        self._record("set_muted", muted)

    def close(self) -> None:
        self._record("close", None)

    def _record(self, action: str, argument: object) -> None:
        self.records.append(Recorded(self._clock(), action, argument))


# Cues and words that announce a new phase: the changes a runner must not miss.
PHASE_CUES = frozenset(
    {"session_start", "warmup", "sprint", "jog", "run", "exercise", "cooldown", "finished"}
)
PHASE_WORDS = frozenset({"warm_up", "sprint", "jog", "run", "walk", "rest", "cool_down", "exercise", "done"})


class BellOutput(_Controls):
    """The fallback without a sound device: the terminal bell on phase changes only.

    Ringing for ticks, clicks or "halfway" too would turn one alert into noise.
    One ring stands for everything requested within ``min_gap_s``, so a phase
    cue and its spoken announcement ring once, not twice.
    """

    def __init__(
        self,
        bell: Callable[[], None],
        reason: str,
        *,
        min_gap_s: float = 0.5,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self._bell = bell
        self._reason = reason
        self._min_gap_s = min_gap_s
        self._clock = clock
        self._last_ring: float | None = None

    @property
    def status(self) -> str:
        return f"sound off: {self._reason}"

    def play(self, cue: str) -> None:
        if cue in PHASE_CUES:
            self._ring()

    def say(self, words: Sequence[str]) -> None:
        if PHASE_WORDS.intersection(words):
            self._ring()

    def start_metronome(self, spm: float, offset_s: float = 0.0) -> None:
        """A bell per step would be unbearable: the metronome stays silent."""

    def stop_metronome(self) -> None:
        """Nothing to stop."""

    def close(self) -> None:
        """Nothing is held open."""

    def _ring(self) -> None:
        if self._muted or self._volume == 0:
            return
        now = self._clock()
        if self._last_ring is not None and now - self._last_ring < self._min_gap_s:
            return
        self._last_ring = now
        self._bell()

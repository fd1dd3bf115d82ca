"""The outputs' behaviour: the recording fake, the bell fallback, and SimpleaudioOutput
driven through a stand-in simpleaudio module (real sound is in test_audio_real.py)."""

from __future__ import annotations

import sys
import threading
import time
from array import array
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from runtimer.audio import BellOutput, Recorded, RecordingOutput, SimpleaudioOutput, load_library, open_audio
from runtimer.audio.library import Library, join_words, pcm_bytes, scale, silence_bytes
from runtimer.audio.metronome import SEGMENT_LEAD_IN
from runtimer.audio.simpleaudio_out import PROBE_S, WORD_GAP_S, AudioUnavailable


def scale_bytes(pcm: bytes, percent: int) -> bytes:
    samples = array("h")
    samples.frombytes(pcm)
    return pcm_bytes(scale(samples, percent))


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_recording_output_notes_each_request_with_its_time() -> None:
    clock = FakeClock()
    out = RecordingOutput(clock)
    out.play("sprint")
    clock.now += 1.5
    out.say(["sprint", "rep", "three", "of", "eight"])
    out.start_metronome(180, 12.5)
    out.set_volume(130)
    out.set_muted(True)
    out.stop_metronome()
    out.close()

    assert out.records == [
        (100.0, "play", "sprint"),
        (101.5, "say", ("sprint", "rep", "three", "of", "eight")),
        (101.5, "start_metronome", (180, 12.5)),
        (101.5, "set_volume", 100),
        (101.5, "set_muted", True),
        (101.5, "stop_metronome", None),
        (101.5, "close", None),
    ]
    assert out.records[0] == Recorded(time=100.0, action="play", argument="sprint")
    assert out.arguments("play") == ["sprint"]
    assert (out.volume, out.muted, out.status) == (100, True, "sound on")


def test_recording_output_rejects_unknown_cues_and_words() -> None:
    out = RecordingOutput(words={"go"})
    with pytest.raises(ValueError, match="unknown cue 'sprnt'"):
        out.play("sprnt")
    with pytest.raises(ValueError, match="no voice clip for 'gone'"):
        out.say(["go", "gone"])
    assert out.records == []


def test_bell_rings_for_phase_changes_only_and_once_per_moment() -> None:
    clock = FakeClock()
    rings: list[float] = []
    out = BellOutput(lambda: rings.append(clock.now), "no sound device", clock=clock)

    out.play("tick")
    out.play("click")
    out.say(["ten", "seconds"])
    out.start_metronome(180)
    assert rings == []

    out.play("sprint")
    out.say(["sprint", "rep", "one", "of", "eight"])  # the same change, said as well as played
    clock.now += 0.6
    out.say(["jog", "two", "minutes"])
    clock.now += 0.6
    out.set_muted(True)
    out.play("cooldown")
    out.set_muted(False)
    out.set_volume(0)
    out.play("finished")
    assert rings == [100.0, 100.6]
    assert out.status == "sound off: no sound device"


class FakePlay:
    def __init__(self, pcm: bytes | memoryview) -> None:
        self.pcm = bytes(pcm)
        self.playing = True
        self.stopped = False

    def stop(self) -> None:
        self.stopped = True
        self.playing = False

    def is_playing(self) -> bool:
        return self.playing


class FakeSimpleaudio(ModuleType):
    """Stands in for simpleaudio: records buffers, can be told to fail."""

    class SimpleaudioError(Exception):
        pass

    def __init__(self) -> None:
        super().__init__("simpleaudio")
        self.played: list[FakePlay] = []
        self.formats: set[tuple[int, int, int]] = set()
        self.fail: str | None = None

    def play_buffer(self, pcm: bytes | memoryview, channels: int, width: int, rate: int) -> FakePlay:
        if self.fail is not None:
            raise self.SimpleaudioError(self.fail)
        self.formats.add((channels, width, rate))
        play = FakePlay(pcm)
        self.played.append(play)
        return play

    def buffers(self) -> list[bytes]:
        """What was played after the device probe."""
        return [play.pcm for play in self.played[1:]]


@pytest.fixture
def fake_sa(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeSimpleaudio]:
    fake = FakeSimpleaudio()
    errors = ModuleType("simpleaudio._simpleaudio")
    errors.SimpleaudioError = fake.SimpleaudioError  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "simpleaudio", fake)
    monkeypatch.setitem(sys.modules, "simpleaudio._simpleaudio", errors)
    yield fake


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return load_library(user_dir=tmp_path / "no-user-sounds")


def test_opening_plays_a_short_silence_so_alsa_loads_its_config_early(
    fake_sa: FakeSimpleaudio, library: Library
) -> None:
    out = SimpleaudioOutput(library)
    assert fake_sa.played[0].pcm == silence_bytes(PROBE_S)
    assert fake_sa.formats == {(1, 2, 44100)}
    assert (out.status, out.volume, out.muted, out.problems) == ("sound on", 100, False, ())


def test_warming_up_scales_every_cue_in_the_background(
    fake_sa: FakeSimpleaudio, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = SimpleaudioOutput(library)
    out.set_volume(70)
    go = threading.Event()
    prepare = library.prepare_cues
    monkeypatch.setattr(library, "prepare_cues", lambda: go.wait(10) and prepare())
    out.warm_up()  # returns while the preparation still waits: it runs off the event loop's thread
    assert library._cue_pcm == {}
    go.set()
    deadline = time.monotonic() + 10
    while len(library._cue_pcm) < len(library.cue_names):
        assert time.monotonic() < deadline, "the cues were never prepared"
        time.sleep(0.01)
    out.play("sprint")
    assert fake_sa.buffers() == [scale_bytes(pcm_bytes(library._cues["sprint"]), 70)]


def test_play_starts_the_preloaded_cue(fake_sa: FakeSimpleaudio, library: Library) -> None:
    out = SimpleaudioOutput(library)
    full = [library.cue("sprint"), library.cue("tick")]
    out.play("sprint")
    out.play("tick")
    out.set_volume(50)
    out.play("tick")
    assert fake_sa.buffers() == [*full, scale_bytes(full[1], 50)]
    assert library.volume == 50 and out.volume == 50
    assert not any(play.stopped for play in fake_sa.played)  # cues overlap, nothing is cut


def test_say_plays_one_buffer_and_skips_unknown_words_noting_each_once(
    fake_sa: FakeSimpleaudio, library: Library
) -> None:
    out = SimpleaudioOutput(library)
    out.say(["sprint", "rep", "three", "of", "umpteen"])
    out.say(["umpteen", "go"])
    out.say(["umpteen"])
    out.play("sprnt")
    out.play("sprnt")

    words = [library.word(w) for w in ("sprint", "rep", "three", "of")]
    assert fake_sa.buffers() == [join_words(words, WORD_GAP_S), library.word("go")]
    assert out.problems == ("no voice clip for 'umpteen'", "no sound for cue 'sprnt'")


def test_a_new_announcement_cuts_off_the_one_still_playing(
    fake_sa: FakeSimpleaudio, library: Library
) -> None:
    out = SimpleaudioOutput(library)
    out.play("sprint")
    out.say(["halfway"])
    out.say(["ten_seconds"])
    cue, first, second = fake_sa.played[1:]
    assert first.stopped and not second.stopped and not cue.stopped


def wait_for_plays(fake: FakeSimpleaudio, count: int) -> None:
    """The metronome starts its track from its own thread."""
    deadline = time.monotonic() + 2
    while len(fake.played) < count and time.monotonic() < deadline:
        time.sleep(0.005)
    assert len(fake.played) >= count


def test_mute_silences_everything_and_unmute_resumes_the_metronome_in_phase(
    fake_sa: FakeSimpleaudio, library: Library
) -> None:
    out = SimpleaudioOutput(library)
    out.play("jog")
    started = time.monotonic()
    out.start_metronome(180, offset_s=10.0)
    wait_for_plays(fake_sa, 3)
    cue, track = fake_sa.played[1:3]

    out.set_muted(True)
    assert cue.stopped and track.stopped
    out.play("sprint")
    out.say(["sprint"])
    out.start_metronome(180, offset_s=10.0)  # asked for while muted: remembered, not played
    started = time.monotonic()
    assert len(fake_sa.played) == 3

    time.sleep(0.2)
    unmuted = time.monotonic()
    out.set_muted(False)
    wait_for_plays(fake_sa, 4)
    resumed = fake_sa.played[3].pcm
    # The track resumes about 10.2 s in (its stream opening 20 ms earlier in
    # the track), mid-beat: silence up to the next beat.
    position = round((10.0 + unmuted - started) * 44100)
    expected = (SEGMENT_LEAD_IN - position) % 14700
    first_click = next(i for i in range(0, len(resumed), 2) if resumed[i : i + 2] != bytes(2)) // 2
    miss = (first_click - expected) % 14700
    assert min(miss, 14700 - miss) < 0.02 * 44100
    out.close()


def test_volume_change_restarts_a_running_metronome_at_the_new_level(
    fake_sa: FakeSimpleaudio, library: Library
) -> None:
    out = SimpleaudioOutput(library)
    out.start_metronome(180)
    wait_for_plays(fake_sa, 2)
    out.set_volume(30)
    wait_for_plays(fake_sa, 3)
    before, after = fake_sa.played[1:3]
    assert before.stopped
    assert library.cue("click_accent") in after.pcm or library.cue("click") in after.pcm
    out.stop_metronome()
    assert after.stopped


def test_a_device_that_fails_later_turns_into_the_bell(fake_sa: FakeSimpleaudio, library: Library) -> None:
    rings: list[str] = []
    out = SimpleaudioOutput(library, bell=lambda: rings.append("ding"))
    fake_sa.fail = "Error opening PCM device. -- CODE: -16 -- MSG: Device or resource busy"
    out.play("tick")
    assert out.status == "sound off: sound device failed: Error opening PCM device: Device or resource busy"
    out.play("sprint")
    out.start_metronome(180)
    assert rings == ["ding"]
    out.close()


def test_close_lets_sounds_in_flight_finish_then_stops_the_rest(
    fake_sa: FakeSimpleaudio, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("runtimer.audio.simpleaudio_out.CLOSE_WAIT_S", 0.1)
    out = SimpleaudioOutput(library)
    out.play("finished")
    started = time.monotonic()
    out.close()
    assert 0.1 <= time.monotonic() - started < 1.0
    assert fake_sa.played[1].stopped


def test_open_audio_falls_back_to_the_bell_without_simpleaudio(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "simpleaudio", None)
    with pytest.raises(AudioUnavailable, match="simpleaudio is not installed"):
        SimpleaudioOutput()
    rings: list[int] = []
    out = open_audio(lambda: rings.append(1))
    assert isinstance(out, BellOutput)
    assert out.status.startswith("sound off: simpleaudio is not installed")
    out.play("sprint")
    assert rings == [1]


def test_a_device_that_will_not_open_is_reported_readably(fake_sa: FakeSimpleaudio) -> None:
    fake_sa.fail = "Error opening PCM device. -- CODE: -2 -- MSG: No such file or directory"
    out = open_audio(lambda: None)
    assert out.status == "sound off: no sound device (Error opening PCM device: No such file or directory)"

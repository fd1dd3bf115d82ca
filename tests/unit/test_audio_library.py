"""Loading cues and voice clips, user overrides, bad files, and volume scaling."""

from __future__ import annotations

import wave
from array import array
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from runtimer.audio.library import (
    CUE_NAMES,
    gain_q15,
    join_words,
    load_library,
    pcm_bytes,
    read_wav,
    scale,
)
from runtimer.config.paths import sounds_dir


def write_wav(
    path: Path, samples: list[int], *, channels: int = 1, width: int = 2, rate: int = 44100
) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(channels)
        wav.setsampwidth(width)
        wav.setframerate(rate)
        if width == 2:
            wav.writeframes(pcm_bytes(array("h", samples)))
        else:
            wav.writeframes(bytes(128 + s // 256 for s in samples))
    return path


def test_builtin_library_has_every_cue_and_no_problems(tmp_path: Path) -> None:
    library = load_library(user_dir=tmp_path / "none")
    assert library.cue_names == set(CUE_NAMES)
    assert {"sprint", "three", "cool_down", "ten_seconds"} <= library.voice_words
    assert library.problems == []
    assert library.cue("sprint") == pcm_bytes(read_wav(sounds_dir() / "sprint.wav"))


def test_a_user_wav_replaces_the_builtin_with_the_same_file_name(tmp_path: Path) -> None:
    write_wav(tmp_path / "sprint.wav", [0, 1000, -1000, 0])
    write_wav(tmp_path / "voice" / "three.wav", [0, 7, 0])

    library = load_library(user_dir=tmp_path)

    assert library.cue("sprint") == pcm_bytes(array("h", [0, 1000, -1000, 0]))
    assert library.word("three") == pcm_bytes(array("h", [0, 7, 0]))
    assert library.cue("jog") == pcm_bytes(read_wav(sounds_dir() / "jog.wav"))
    assert library.problems == []


def test_bad_user_wavs_are_skipped_with_a_reason_and_the_builtin_kept(tmp_path: Path) -> None:
    write_wav(tmp_path / "sprint.wav", [0, 1000, 0], width=1)
    write_wav(tmp_path / "jog.wav", [0, 1000, 0, 1000], channels=2)
    write_wav(tmp_path / "run.wav", [0, 1000, 0], rate=48000)
    (tmp_path / "tick.wav").write_bytes(b"RIFF not really")
    write_wav(tmp_path / "go.wav", [])
    write_wav(tmp_path / "sprnt.wav", [0, 1000, 0])
    write_wav(tmp_path / "voice" / "fourty.wav", [0, 1000, 0])

    library = load_library(user_dir=tmp_path)

    for name in ("sprint", "jog", "run", "tick", "go"):
        assert library.cue(name) == pcm_bytes(read_wav(sounds_dir() / f"{name}.wav")), name
    problems = "\n".join(library.problems)
    assert len(library.problems) == 7, problems
    assert (
        f"{tmp_path}/sprint.wav is 8-bit, 1 channel(s), 44100 Hz; runtimer needs 16-bit mono 44100 Hz PCM"
        in problems
    )
    assert "jog.wav is 16-bit, 2 channel(s), 44100 Hz" in problems
    assert "run.wav is 16-bit, 1 channel(s), 48000 Hz" in problems
    assert "tick.wav is not a readable WAV file" in problems
    assert "go.wav has no samples" in problems
    assert "sprnt.wav does not replace any built-in sound (skipped)" in problems
    assert "voice/fourty.wav does not replace any built-in sound" in problems


def test_files_that_cannot_be_cues_are_skipped_unread_and_named_visibly(tmp_path: Path) -> None:
    (tmp_path / "sprint.wav").write_bytes(b"")
    (tmp_path / "jog.wav").mkdir()
    with (tmp_path / "run.wav").open("wb") as huge:  # a sparse 200 MB file: a header, then nothing stored
        huge.write(b"RIFF")
        huge.truncate(200 * 1024 * 1024)
    write_wav(tmp_path / "tick\x1b[2J.wav", [0, 1000, 0])
    write_wav(tmp_path / "voice" / "go\u202e.wav", [0, 1000, 0])

    library = load_library(user_dir=tmp_path)

    for name in ("sprint", "jog", "run", "tick"):
        assert library.cue(name) == pcm_bytes(read_wav(sounds_dir() / f"{name}.wav")), name
    assert library.word("go") == pcm_bytes(read_wav(sounds_dir() / "voice" / "go.wav"))
    problems = "\n".join(library.problems)
    assert f"{tmp_path}/sprint.wav is not a readable WAV file" in problems
    assert "jog.wav is a folder, not a WAV file (skipped)" in problems
    assert "run.wav is larger than 4 MiB, the most a sound file may be (skipped)" in problems
    assert "tick\\x1b[2J.wav has control character U+001B in its name (skipped)" in problems
    assert "go\\u202e.wav has control character U+202E in its name (skipped)" in problems
    assert len(library.problems) == 5, problems
    assert not any(char in problems for char in "\x1b\u202e")


def test_a_missing_builtin_is_reported_not_fatal(tmp_path: Path) -> None:
    builtin = tmp_path / "sounds"
    write_wav(builtin / "sprint.wav", [0, 5, 0])

    library = load_library(builtin_dir=builtin, user_dir=tmp_path / "user")

    assert library.cue_names == {"sprint"}
    assert "built-in jog.wav is missing" in library.problems
    assert len(library.problems) == len(CUE_NAMES) - 1


def test_gain_is_the_square_of_the_volume_fraction() -> None:
    assert [gain_q15(p) for p in (100, 50, 10, 0)] == [32768, 8192, 328, 0]
    assert gain_q15(150) == 32768 and gain_q15(-5) == 0


def test_scale_rounds_to_nearest() -> None:
    assert list(scale(array("h", [32767, -32768, 1000, -1000, 3, 1]), 50)) == [8192, -8192, 250, -250, 1, 0]
    assert list(scale(array("h", [32767, -32768, 5]), 100)) == [32767, -32768, 5]
    assert list(scale(array("h", [32767, -32768, 5]), 0)) == [0, 0, 0]


@given(st.lists(st.integers(-32768, 32767), max_size=50), st.integers(0, 100))
def test_scaling_never_grows_a_sample_or_overflows(samples: list[int], percent: int) -> None:
    scaled = scale(array("h", samples), percent)
    assert all(abs(out) <= abs(sample) for out, sample in zip(scaled, samples, strict=True))


def test_cues_and_words_play_at_the_volume_set_last(tmp_path: Path) -> None:
    library = load_library(user_dir=tmp_path)
    library.set_volume(40)
    assert library.volume == 40
    assert library.cue("tick") == pcm_bytes(scale(read_wav(sounds_dir() / "tick.wav"), 40))
    assert library.word("go") == pcm_bytes(scale(read_wav(sounds_dir() / "voice" / "go.wav"), 40))
    assert library.word("go") is library.word("go")
    library.set_volume(140)
    assert library.volume == 100
    assert library.cue("tick") == pcm_bytes(read_wav(sounds_dir() / "tick.wav"))


def test_setting_the_volume_scales_nothing_until_a_sound_is_needed(tmp_path: Path) -> None:
    library = load_library(user_dir=tmp_path)
    library.set_volume(80)
    assert library._cue_pcm == {}, "start-up sets the volume before the first frame: it must stay cheap"
    tick = library.cue("tick")
    assert library.cue("tick") is tick
    assert set(library._cue_pcm) == {"tick"}


def test_prepared_cues_are_the_ones_played(tmp_path: Path) -> None:
    library = load_library(user_dir=tmp_path)
    library.set_volume(60)
    library.prepare_cues()
    assert set(library._cue_pcm) == set(CUE_NAMES)
    prepared = library.cue("sprint")
    assert prepared == pcm_bytes(scale(read_wav(sounds_dir() / "sprint.wav"), 60))
    assert library.cue("sprint") is prepared


def test_a_preparation_racing_a_volume_change_never_plays_the_old_level(tmp_path: Path) -> None:
    library = load_library(user_dir=tmp_path)
    library.set_volume(60)
    library.prepare_cues()
    library.set_volume(30)
    library._cue_pcm["go"] = (60, b"stale")  # what a background preparation could store late
    assert library.cue("go") == pcm_bytes(scale(read_wav(sounds_dir() / "go.wav"), 30))


def test_words_join_with_gaps_between_and_none_at_the_ends() -> None:
    one, two = b"\x01\x00" * 3, b"\x02\x00" * 2
    assert join_words([one, two], 0.06) == one + bytes(2646 * 2) + two
    assert join_words([one], 0.06) == one

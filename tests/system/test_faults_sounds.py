"""Fault suite, sound files: every kind of bad user sound is skipped and named, and the built-in plays.

The user's sounds folder holds one bad file per way a file can be bad; the
real output (simpleaudio into ALSA's ``file`` plugin) then plays each of
those cues, and what the sound card received must be the built-in cue, byte
for byte. The 200 MB file must be skipped unread: the playing process counts
the bytes it read (``rchar`` in /proc/self/io).
"""

from __future__ import annotations

import json
import sys
import wave
from array import array
from pathlib import Path

import pytest

from runtimer.audio.library import load_library, pcm_bytes, silence_bytes
from runtimer.audio.simpleaudio_out import PROBE_S
from tests.support.audio_capture import file_capture_home, isolated_env, run_python, wait_for_size

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ALSA stand-ins are Linux only"),
]

HUGE = 200 * 1024 * 1024


def write_wav(path: Path, *, channels: int = 1, width: int = 2, rate: int = 44100) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(width)
        out.setframerate(rate)
        out.writeframes(pcm_bytes(array("h", [0, 9000, -9000, 0] * 100)) if width == 2 else bytes(400))


def bad_sounds(folder: Path) -> dict[str, str]:
    """Each bad file, by the cue it tries to replace, with what the skip notice must say."""
    folder.mkdir(parents=True)
    (folder / "sprint.wav").write_text("this is text, not sound\n", encoding="utf-8")
    write_wav(folder / "jog.wav", channels=2)
    write_wav(folder / "run.wav", rate=48000)
    write_wav(folder / "tick.wav", width=1)
    (folder / "lap.wav").write_bytes(b"")
    with (folder / "go.wav").open("wb") as huge:  # sparse: 200 MB long, next to nothing on disk
        huge.write(b"RIFF")
        huge.truncate(HUGE)
    (folder / "finished.wav").mkdir()
    write_wav(folder / "halfway\x1b[2J.wav")
    return {
        "sprint": "sprint.wav is not a readable WAV file",
        "jog": "jog.wav is 16-bit, 2 channel(s), 44100 Hz",
        "run": "run.wav is 16-bit, 1 channel(s), 48000 Hz",
        "tick": "tick.wav is 8-bit, 1 channel(s), 44100 Hz",
        "lap": "lap.wav is not a readable WAV file",
        "go": "go.wav is larger than 4 MiB, the most a sound file may be",
        "finished": "finished.wav is a folder, not a WAV file",
        "halfway": "halfway\\x1b[2J.wav has control character U+001B in its name",
    }


PLAY = """
    import json, sys, time
    from pathlib import Path
    from runtimer.audio import SimpleaudioOutput

    capture = Path(sys.argv[1])
    cues = json.loads(sys.argv[2])
    lengths = json.loads(sys.argv[3])

    def settle(size):
        deadline = time.monotonic() + 5
        while (capture.stat().st_size if capture.exists() else 0) < size and time.monotonic() < deadline:
            time.sleep(0.005)

    out = SimpleaudioOutput()
    read = int(next(line for line in open("/proc/self/io") if line.startswith("rchar")).split()[1])
    print(json.dumps({"status": out.status, "problems": list(out.problems), "read": read}))
    total = lengths.pop(0)
    settle(total)
    for cue in cues:
        out.play(cue)
        total += lengths.pop(0)
        settle(total)
    out.close()
"""


def test_every_bad_user_sound_is_skipped_named_and_the_built_in_plays(tmp_path: Path) -> None:
    home = tmp_path / "home"
    capture = file_capture_home(home)
    notices = bad_sounds(home / "config" / "runtimer" / "sounds")
    builtin = load_library(user_dir=tmp_path / "none")
    cues = ["sprint", "jog", "run", "tick", "lap", "go", "finished", "halfway"]
    expected = [silence_bytes(PROBE_S), *(builtin.cue(cue) for cue in cues)]

    result = run_python(
        PLAY, isolated_env(home), str(capture), json.dumps(cues), json.dumps(list(map(len, expected)))
    )

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    report = json.loads(result.stdout)
    assert report["status"] == "sound on"
    assert report["read"] < HUGE // 10, "the 200 MB file was read"
    problems = report["problems"]
    assert len(problems) == len(notices), problems
    for cue, notice in notices.items():
        assert any(notice in problem and problem.endswith("(skipped)") for problem in problems), cue
    assert not any("\x1b" in problem for problem in problems)
    wait_for_size(capture, sum(map(len, expected)))
    assert capture.read_bytes() == b"".join(expected), "the built-in cues, as they are"

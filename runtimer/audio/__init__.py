"""Sound cues, spoken announcements and the cadence metronome.

``open_audio(bell)`` gives the app an AudioOutput: real sound when a device
opens, otherwise the terminal bell with the reason in ``status``. Tests use
RecordingOutput.
"""

from runtimer.audio.base import AudioOutput, BellOutput, Recorded, RecordingOutput
from runtimer.audio.library import CUE_NAMES, Library, load_library
from runtimer.audio.simpleaudio_out import AudioUnavailable, SimpleaudioOutput, open_audio

__all__ = [
    "CUE_NAMES",
    "AudioOutput",
    "AudioUnavailable",
    "BellOutput",
    "Library",
    "Recorded",
    "RecordingOutput",
    "SimpleaudioOutput",
    "load_library",
    "open_audio",
]

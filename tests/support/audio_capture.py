"""Stand-in sound cards for the real-sound tests, and helpers to read what they heard.

Two captures, for two questions:

- ALSA's ``file`` plugin over the ``null`` device appends every stream's
  samples, exactly as the application handed them to ALSA, to a file. The
  null device consumes faster than real time, so this checks content and
  order, not timing. With simpleaudio 1.0.4 what lands is raw S16_LE, mono,
  44100 Hz: the format runtimer asks for, untouched (no plug conversion sits in
  between, since ``file`` passes the stream's format through to ``null``).
- A PulseAudio null sink recorded with parec hears in real time, so onset
  spacing measures scheduling. As root, ``pulseaudio`` runs in the foreground
  without ``--system`` given its own XDG_RUNTIME_DIR (mode 700) and HOME; it
  only warns that it is "not intended to be run as root".
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from array import array
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pytest

RATE = 44100
PULSE_PLUGIN_GLOBS = ("/usr/lib/*/alsa-lib/libasound_module_pcm_pulse.so", "/usr/lib/alsa-lib/*pcm_pulse.so")


def isolated_env(home: Path, **extra: str) -> dict[str, str]:
    """An environment whose HOME (so ~/.asoundrc) and config folder are ``home``'s."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PULSE_", "XDG_"))}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), PYTHONUNBUFFERED="1", **extra)
    return env


def write_asoundrc(home: Path, text: str) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / ".asoundrc").write_text(textwrap.dedent(text))


def file_capture_home(home: Path) -> Path:
    """Makes ``home`` capture every ALSA stream into the returned file."""
    capture = home / "capture.raw"
    write_asoundrc(
        home,
        f"""\
        pcm.!default {{
            type file
            slave.pcm "null"
            file "|cat >> {capture}"
            format "raw"
        }}
        """,
    )
    return capture


def run_python(
    code: str, env: Mapping[str, str], *args: str, timeout: float = 30
) -> subprocess.CompletedProcess[str]:
    """Runs ``code`` with this interpreter in a fresh process, capturing stdout and stderr."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        env=dict(env),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def read_s16(data: bytes) -> array[int]:
    samples = array("h", data[: len(data) - len(data) % 2])
    if sys.byteorder == "big":
        samples.byteswap()
    return samples


def wait_for_size(path: Path, size: int, timeout: float = 5.0) -> int:
    """Waits for a capture to reach ``size`` bytes: the ``cat`` writing it may outlive the player."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        current = path.stat().st_size if path.exists() else 0
        if current >= size:
            return current
        time.sleep(0.01)
    return path.stat().st_size if path.exists() else 0


def onsets(samples: array[int], threshold: int, quiet: int) -> list[int]:
    """Indexes of the first sample above ``threshold`` after at least ``quiet`` samples below it."""
    found: list[int] = []
    last_loud = -quiet - 1
    for index, sample in enumerate(samples):
        if abs(sample) > threshold:
            if index - last_loud > quiet:
                found.append(index)
            last_loud = index
    return found


def pulse_missing() -> str | None:
    """Why the PulseAudio capture cannot run here, or None when it can."""
    missing = [name for name in ("pulseaudio", "parec") if shutil.which(name) is None]
    if missing:
        return f"needs {', '.join(missing)} (Debian: pulseaudio, pulseaudio-utils)"
    if not any(Path("/").glob(pattern.lstrip("/")) for pattern in PULSE_PLUGIN_GLOBS):
        return "needs ALSA's pulse plugin (Debian: libasound2-plugins)"
    return None


def require_pulse() -> None:
    missing = pulse_missing()
    if missing is not None:
        pytest.skip(missing)


class PulseCapture:
    """A private PulseAudio server with one null sink, and a parec recording of its monitor."""

    def __init__(self, root: Path) -> None:
        self.home = root / "home"
        self.runtime = root / "run"
        self.runtime.mkdir(parents=True, mode=0o700)
        write_asoundrc(self.home, "pcm.!default { type pulse }\nctl.!default { type pulse }\n")
        socket = self.runtime / "pulse" / "native"
        self.env = isolated_env(
            self.home,
            XDG_RUNTIME_DIR=str(self.runtime),
            PULSE_SERVER=f"unix:{socket}",
        )
        self._socket = socket
        self._chunks: list[bytes] = []
        self._received = 0
        self._server: subprocess.Popen[bytes] | None = None
        self._recorder: subprocess.Popen[bytes] | None = None
        self._reader: threading.Thread | None = None

    def start(self) -> None:
        self._server = subprocess.Popen(
            [
                "pulseaudio",
                "-n",
                "--daemonize=no",
                "--exit-idle-time=-1",
                "--use-pid-file=no",
                "-L",
                "module-null-sink sink_name=cap rate=44100 channels=1 format=s16le",
                "-L",
                "module-native-protocol-unix",
            ],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while not self._socket.exists():
            if self._server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"pulseaudio did not start (exit code {self._server.poll()})")
            time.sleep(0.02)
        self._recorder = subprocess.Popen(
            [
                *("parec", "-d", "cap.monitor", "--raw", "--format=s16le"),
                *(f"--rate={RATE}", "--channels=1", "--latency-msec=4"),
            ],
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        # Recording has begun once samples flow; only then is anything played.
        deadline = time.monotonic() + 10
        while self._received < RATE * 2 // 5:
            if time.monotonic() > deadline:
                raise RuntimeError("parec recorded nothing from the null sink's monitor")
            time.sleep(0.01)

    def _read(self) -> None:
        assert self._recorder is not None and self._recorder.stdout is not None
        # os.read returns what has arrived, so recording keeps pace.
        while chunk := os.read(self._recorder.stdout.fileno(), 65536):
            self._chunks.append(chunk)
            self._received += len(chunk)

    def recorded(self) -> array[int]:
        return read_s16(b"".join(self._chunks))

    def stop(self) -> None:
        for process in (self._recorder, self._server):
            if process is not None and process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        if self._reader is not None:
            self._reader.join(timeout=5)


@contextmanager
def pulse_capture(root: Path) -> Iterator[PulseCapture]:
    capture = PulseCapture(root)
    try:
        capture.start()
        yield capture
    finally:
        capture.stop()

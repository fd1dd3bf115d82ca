"""The real ``runtimer`` in a real terminal: a private tmux server per test, and what a runner runs next.

Textual draws on stderr, so the app's stderr is never redirected here: the
screen would go into the file instead of the pane.
"""

from __future__ import annotations

import json
import os
import secrets
import shlex
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

Size = tuple[int, int]

RUNTIMER = Path(sys.executable).parent / "runtimer"
"""The installed console script, as a runner would start it."""
TMUX = shutil.which("tmux")
needs_tmux = pytest.mark.skipif(TMUX is None, reason="tmux is not installed (make test installs it)")
POLL_S = 0.1
NOBODY = 65534
UNPRIVILEGED = (
    ("setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups") if os.geteuid() == 0 else ()
)
"""What runs a command as a user whom file permissions bind: root ignores a read-only file or folder."""


def _folders(home: Path) -> dict[str, str]:
    return {"XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data")}


FAKETIME_LIBRARY = next(iter(sorted(Path("/usr/lib").glob("*/faketime/libfaketimeMT.so.1"))), None)
"""libfaketime, to start runtimer on a date of the test's choosing (the faketime package)."""
needs_faketime = pytest.mark.skipif(
    FAKETIME_LIBRARY is None, reason="faketime is not installed (make test installs it)"
)


def on_day(day: str) -> dict[str, str]:
    """Variables that start a program's wall clock at 08:00 on ``day`` (its monotonic clock is
    left alone: the session's timing must stay real)."""
    assert FAKETIME_LIBRARY is not None
    return {"LD_PRELOAD": str(FAKETIME_LIBRARY), "FAKETIME": f"@{day} 08:00:00", "DONT_FAKE_MONOTONIC": "1"}


def runtimer_env(home: Path) -> dict[str, str]:
    """The environment for a real ``runtimer``: its config and history under ``home``."""
    return {**server_env(), **_folders(home)}


def server_env() -> dict[str, str]:
    """The tmux server's environment, which every pane inherits, without a terminal size in it.

    A child process gets the C library's environment, which can hold ``COLUMNS=80`` and
    ``LINES=24`` that Python's ``os.environ`` does not show: GNU readline exports them when it
    is imported, as it is in the test process. Textual takes those over the terminal's own size,
    so every pane would draw at 80x24 whatever its size, and no resize would reach it.
    """
    return {key: value for key, value in os.environ.items() if key not in ("COLUMNS", "LINES")}


def write_settings(home: Path, text: str) -> None:
    folder = home / "config" / "runtimer"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "settings.toml").write_text(text, encoding="utf-8")


def history_json(home: Path) -> list[dict[str, Any]]:
    """``runtimer history --json``, run the way the runner would run it afterwards."""
    done = subprocess.run(
        [str(RUNTIMER), "history", "--json"],
        env=runtimer_env(home),
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    records: list[dict[str, Any]] = json.loads(done.stdout)
    return records


def phase_line(screen: str) -> str:
    """The session screen's top line (phase name and rep), without the "Next: ..." line below."""
    lines = screen.splitlines()
    return lines[0].strip() if lines else ""


class Tmux:
    """A private tmux server (its own ``-L`` socket, no config file) for driving real terminals.

    Panes stay after their program exits (``remain-on-exit``) so the last screen can
    still be read, and a "keeper" session keeps the server up while test sessions
    come and go. Every screen read is kept in :attr:`seen` for checks over the whole run.
    :meth:`close` kills any ``runtimer`` it started that is still alive, then the server.
    """

    def __init__(self, folder: Path) -> None:
        assert TMUX is not None
        socket = f"runtimer-test-{os.getpid()}-{secrets.token_hex(4)}"
        self._base = [TMUX, "-u", "-L", socket, "-f", os.devnull]
        self._folder = folder
        self._pid_files: dict[str, Path] = {}
        self.seen: list[str] = []
        self.tmux("new-session", "-d", "-s", "keeper", "-x", "80", "-y", "24", "sleep 3600")
        self.tmux("set-option", "-g", "remain-on-exit", "on")

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            [*self._base, *args], env=server_env(), capture_output=True, text=True, timeout=10, check=True
        )
        return done.stdout

    def start(
        self,
        name: str,
        args: Sequence[str],
        home: Path,
        *,
        report_exit: bool = False,
        size: Size = (80, 24),
        env: Mapping[str, str] | None = None,
        stdin: str | None = None,
        as_nobody: bool = False,
    ) -> None:
        """Run ``runtimer ARGS`` with its config and history under ``home``, in a new detached session.

        runtimer is the pane's own process (the session leader, as in ``xterm -e runtimer``)
        unless ``report_exit``: then a shell waits for it and prints ``EXIT=<code>``. ``env``
        adds variables (``TERM=dumb``), ``stdin`` redirects its input from a file, and
        ``as_nobody`` runs it as an unprivileged user when the tests run as root.
        """
        pid_file = self._folder / f"{name}.pid"
        self._pid_files[name] = pid_file
        words = " ".join(
            shlex.quote(word) for word in (*(UNPRIVILEGED if as_nobody else ()), str(RUNTIMER), *args)
        )
        if stdin is not None:
            words += f" < {shlex.quote(stdin)}"
        command = f"echo $$ > {shlex.quote(str(pid_file))}; exec {words}"
        if report_exit:
            command = f"sh -c {shlex.quote(command)}; echo EXIT=$?"
        variables = {**_folders(home), **(env or {})}
        options = [arg for key, value in variables.items() for arg in ("-e", f"{key}={value}")]
        width, height = size
        self.tmux("new-session", "-d", "-s", name, "-x", str(width), "-y", str(height), *options, command)

    def resize(self, name: str, size: Size) -> None:
        """Resize the terminal, as dragging its window does: the program gets SIGWINCH."""
        width, height = size
        self.tmux("resize-window", "-t", name, "-x", str(width), "-y", str(height))

    def pid(self, name: str) -> int:
        """The runtimer process of session ``name``."""
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            text = self._pid_files[name].read_text() if self._pid_files[name].exists() else ""
            if text.strip():
                return int(text)
            time.sleep(POLL_S)
        raise AssertionError(f"{name}: runtimer never started")

    def screen(self, name: str, *, scrollback: bool = False) -> str:
        """What the terminal shows now; with ``scrollback``, everything it ever printed too.

        tmux may push a short-lived program's last lines (a shell's ``EXIT=0``) into the
        scrollback as the pane dies, so look there for anything printed after the app.
        """
        text = self.tmux("capture-pane", "-p", "-t", name, *(["-S", "-"] if scrollback else []))
        self.seen.append(text)
        return text

    def wait_for(
        self,
        name: str,
        found: Callable[[str], bool],
        timeout: float,
        what: str,
        *,
        scrollback: bool = False,
    ) -> str:
        """Poll the screen until ``found`` says yes; fail with the last screen after ``timeout``."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen(name, scrollback=scrollback)
            if found(screen):
                return screen
            if "Pane is dead" in screen:
                raise AssertionError(f"the program ended before any {what}; the screen:\n{screen}")
            if time.monotonic() > deadline:
                raise AssertionError(f"no {what} within {timeout} s; the screen:\n{screen}")
            time.sleep(POLL_S)

    def pane(self, name: str, field: str) -> str:
        """A tmux format field of the session's pane, such as ``pane_dead``."""
        return self.tmux("display-message", "-p", "-t", name, f"#{{{field}}}").strip()

    def wait_until_closed(self, name: str, timeout: float) -> str:
        """The whole pane once its program has closed the terminal, so all it wrote has been read.

        Does not wait for tmux to collect the exit status ("Pane is dead (status N)"):
        with several programs ending at once tmux sometimes leaves one unreaped for a while.
        """
        deadline = time.monotonic() + timeout
        while self.pane(name, "pane_dead") != "1":
            if time.monotonic() > deadline:
                raise AssertionError(f"{name}: the terminal is still open after {timeout} s")
            time.sleep(POLL_S)
        return self.screen(name, scrollback=True)

    def record(self, name: str, into: Path) -> None:
        """Keep every byte the program writes to its terminal in ``into``, as the terminal receives it."""
        self.tmux("pipe-pane", "-o", "-t", name, f"cat >> {shlex.quote(str(into))}")

    def clipboard(self) -> str:
        """tmux's paste buffers: where a program's OSC 52 "set the clipboard" lands (``set-clipboard on``)."""
        return self.tmux("list-buffers")

    def send(self, name: str, *keys: str) -> None:
        self.tmux("send-keys", "-t", name, *keys)

    def kill_session(self, name: str) -> None:
        """Close the terminal: tmux hangs up the pane's process group and closes the pty."""
        self.tmux("kill-session", "-t", name)

    def close(self) -> None:
        for pid_file in self._pid_files.values():
            if pid_file.exists() and pid_file.read_text().strip():
                pid = int(pid_file.read_text())
                if is_alive(pid) and "runtimer" in Path(f"/proc/{pid}/cmdline").read_text(errors="replace"):
                    os.kill(pid, signal.SIGKILL)
        subprocess.run([*self._base, "kill-server"], capture_output=True, timeout=10, check=False)


def is_alive(pid: int) -> bool:
    """Running, as opposed to gone or a zombie (exited; only its parent has not looked yet)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


def wait_for_exit(pid: int, timeout: float) -> bool:
    """Whether ``pid`` has exited within ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while is_alive(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(POLL_S)
    return True

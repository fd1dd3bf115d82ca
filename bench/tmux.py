"""A private tmux server, driven through one control-mode client so polling stays cheap.

Polling a pane by running ``tmux capture-pane`` as a new process costs about
5 ms of CPU per look, spent on the same cores the program under test is
starting on. A control-mode client (``tmux -C``) stays connected and answers
the same command in about 0.2 ms, so a 5 ms polling loop barely disturbs what
it measures.
"""

from __future__ import annotations

import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO

SESSION = "bench"


class TmuxError(RuntimeError):
    """A tmux command failed; the message is tmux's own."""


@dataclass(frozen=True)
class Pane:
    window: str
    """tmux's window id, like ``@3``: names can be renamed under us, ids cannot."""
    pid: int
    """The program itself: panes are started without a shell, so there is no wrapper process."""


def quote(argument: str) -> str:
    """Single quotes make tmux's parser take an argument literally (no ``~``, ``$`` or ``;``)."""
    if "'" in argument:
        raise ValueError(f"cannot pass {argument!r} to tmux: it contains a single quote")
    return f"'{argument}'"


class Tmux:
    """A tmux server on its own socket, ``width`` x ``height``, whose panes see ``env`` and ``folder`` only.

    The server is started with ``env`` as its whole environment, which every
    pane inherits: nothing from the benchmark's own shell (a virtualenv, a
    ``COLORTERM``, ``PYTHON*`` variables) leaks into the programs measured.
    Panes start in ``folder`` rather than the checkout, where ``python -m``
    would import the working tree instead of what is installed.
    """

    def __init__(
        self, socket: str, env: Mapping[str, str], folder: Path, width: int = 80, height: int = 24
    ) -> None:
        self._base = ["tmux", "-L", socket, "-f", "/dev/null", "-u"]
        self._env = dict(env)
        size = ["-x", str(width), "-y", str(height)]
        # The placeholder ``cat`` keeps the session, and so the control client, alive between launches.
        subprocess.run(
            [*self._base, "new-session", "-d", *size, "-s", SESSION, "-c", str(folder), "cat"],
            check=True,
            env=self._env,
        )
        self._client = subprocess.Popen(
            [*self._base, "-C", "attach-session", "-t", SESSION],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=self._env,
            bufsize=0,
        )
        self._read_block()  # the attach command's own (empty) reply comes first
        self.command("refresh-client", "-f", "no-output")  # no %output stream to wade through
        self._socket = Path(self.command("display-message", "-p", quote("#{socket_path}"))[0])

    def __enter__(self) -> Tmux:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def command(self, *arguments: str, check: bool = True) -> list[str]:
        """Run one tmux command through the control client and return its output lines."""
        stdin = self._stream(self._client.stdin)
        stdin.write((" ".join(arguments) + "\n").encode())
        ok, lines = self._read_block()
        if check and not ok:
            raise TmuxError(f"tmux {' '.join(arguments)}: {' '.join(lines)}")
        return lines

    def launch(self, argv: Sequence[str]) -> Pane:
        """Start ``argv`` directly (no shell) in a new background window of the session.

        tmux hands a command of one word to a shell, which would then be the
        pane's process; ``env`` in front makes it two words, and env execs the
        program in its own place, so the pane's pid is the program's.
        """
        words = ["env", *argv] if len(argv) == 1 else list(argv)
        reply = self.command(
            "new-window", "-d", "-P", "-F", quote("#{window_id} #{pane_pid}"), *map(quote, words)
        )
        window, pid = reply[0].split()
        return Pane(window, int(pid))

    def capture(self, pane: Pane) -> list[str]:
        """What the pane shows now, one string per row, as a user would read it."""
        return self.command("capture-pane", "-p", "-t", pane.window)

    def close_window(self, pane: Pane) -> None:
        """Remove the window; it may already be gone, since a pane closes when its program exits."""
        self.command("kill-window", "-t", pane.window, check=False)

    def close(self) -> None:
        """Stop the server and remove its socket, which tmux 3.3 leaves behind in /tmp."""
        subprocess.run([*self._base, "kill-server"], env=self._env, capture_output=True, check=False)
        self._client.wait(timeout=10)
        self._socket.unlink(missing_ok=True)

    def _read_block(self) -> tuple[bool, list[str]]:
        """Read up to the next reply, skipping notifications (``%window-add`` and such) between replies."""
        stdout = self._stream(self._client.stdout)
        lines: list[str] | None = None
        while True:
            raw = stdout.readline()
            if not raw:
                raise TmuxError("the tmux control client exited")
            line = raw.decode(errors="replace").rstrip("\n")
            if lines is None:
                if line.startswith("%begin"):
                    lines = []
            elif line.startswith(("%end", "%error")):
                return line.startswith("%end"), lines
            else:
                lines.append(line)

    @staticmethod
    def _stream(stream: IO[bytes] | None) -> IO[bytes]:
        if stream is None:
            raise TmuxError("the tmux control client has no pipes")
        return stream

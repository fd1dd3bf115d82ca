"""Keeps ALSA's C library from writing on the terminal.

alsa-lib reports problems ("ALSA lib pcm.c:...: underrun occurred", "cannot
find card '0'") by printing straight to file descriptor 2, below Python. Textual
draws the whole screen on that same descriptor, so each line would scribble
over the timer. Two layers:

- an ALSA error handler that discards every message, installed once for the
  process and covering every later play (underruns, a vanished device);
- while the device is first opened, descriptor 2 pointed at /dev/null, for
  what is printed around alsa-lib rather than through it (a plugin's own
  library, a ``file`` plugin's shell command).
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

# void (*snd_lib_error_handler_t)(const char *file, int line, const char *function,
#                                 int err, const char *fmt, ...)
# The trailing arguments are variadic; a handler that never reads them can be
# declared with the fixed ones alone.
_ERROR_HANDLER = ctypes.CFUNCTYPE(
    None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p
)


def _discard(file: bytes | None, line: int, function: bytes | None, err: int, fmt: bytes | None) -> None:
    """Drops the message; the caller's SimpleaudioError carries what matters."""


# alsa-lib keeps only the C pointer: this module-level reference keeps the
# callback alive for as long as the library might call it.
_handler = _ERROR_HANDLER(_discard)
_installed = False


def silence_alsa_errors() -> bool:
    """Installs the discarding handler in the process's libasound; False where there is none."""
    global _installed
    if _installed:
        return True
    try:
        libasound = ctypes.CDLL("libasound.so.2")
    except OSError:
        return False
    libasound.snd_lib_error_set_handler(_handler)
    _installed = True
    return True


@contextmanager
def stderr_silenced() -> Iterator[None]:
    """Points descriptor 2 at /dev/null for the duration.

    It hides Python's own stderr too, so wrap only the device probe, before the
    UI takes over the terminal.
    """
    if sys.stderr is not None:
        sys.stderr.flush()
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)

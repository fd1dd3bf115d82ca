"""Text from outside: refused with control characters where it comes in, shown visibly where it goes out.

Workouts are shared between runners, and their names, descriptions and notes
end up on a terminal, which takes some characters as commands rather than text:
ESC starts sequences that clear the screen, retitle the window or write the
clipboard (OSC 52); the C1 controls do the same in a single byte on some
terminals; bidirectional overrides make a line read differently from what it
holds (the "Trojan Source" trick). None of them belongs in a one-line field.

So :func:`check_plain` refuses them where text comes in (workout files, the
one-line syntax, settings, sound file names), and :func:`visible` writes them
out as escapes (``\\x1b``, ``\\u202e``) wherever text is shown: a second line
of defence for what an older runtimer let into the history, and for the file
names and values that error messages quote.

The directional *marks* (U+200E, U+200F, U+061C) are allowed: right-to-left
text needs them, and unlike the overrides and isolates they cannot reorder a
run of text, only decide which side a space or a comma sits on.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator

_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""C0 (tab and newline included: every field here is one line), DEL, C1, the line and paragraph
separators (newlines by another name), the bidi overrides and isolates, and lone surrogates:
Python's stand-ins for the bytes of a file name that are not UTF-8, which no terminal can be sent."""
WHY = "(text here is shown on screen, so it must be plain)"


def control_name(char: str) -> str:
    """``U+001B``: how the refusal names a character that cannot be shown as itself."""
    return f"U+{ord(char):04X}"


def first_control(text: str) -> tuple[int, str] | None:
    """The first control character and its position (counted from 1), or ``None`` for plain text."""
    found = _CONTROLS.search(text)
    return None if found is None else (found.start() + 1, found.group())


def check_plain(text: str) -> str:
    """``text`` itself, or a ``ValueError`` (a user-facing message) naming the first control character."""
    found = first_control(text)
    if found is not None:
        position, char = found
        raise ValueError(f"control character {control_name(char)} at position {position} {WHY}")
    return text


PlainText = Annotated[str, AfterValidator(check_plain)]
"""A string field of a model that text from outside fills in: a workout's name, a note, a setting."""


def visible(text: str) -> str:
    """``text`` with each control character written out as an escape, so a terminal shows it, not obeys it.

    Backslashes are left as they are: the result is for reading, not for parsing back.
    """
    return _CONTROLS.sub(_escape, text)


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8: shown as that byte
        code -= 0xDC00
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"

"""Durations as runners write them: ``90``, ``90s``, ``2m``, ``1m30s``, ``1:30``, ``0:01:30``.

Plans keep whole seconds: nobody programs a 40.5 s sprint, and whole numbers
make the text form round-trip exactly.
"""

from __future__ import annotations

import re

DURATION_HINT = "try 40s, 2m, 1:30"

_UNIT_SECONDS = {"h": 3600, "m": 60, "s": 1}
_UNITS = re.compile(r"(\d+)([hms])")
_UNIT_FORM = re.compile(r"(?:\d+[hms])+")
_CLOCK_FORM = re.compile(r"\d+(?::\d{1,2}){1,2}")


def parse_duration(text: str) -> int:
    """Return the whole seconds ``text`` stands for, or raise ``ValueError``.

    The error message is the user-facing explanation; callers add the place.
    """
    cleaned = text.strip().lower()
    if cleaned.isdigit():
        seconds = int(cleaned)
    elif _UNIT_FORM.fullmatch(cleaned):
        seconds = _from_units(cleaned, text)
    elif _CLOCK_FORM.fullmatch(cleaned):
        seconds = _from_clock(cleaned, text)
    else:
        raise ValueError(f'"{text}" is not a duration ({DURATION_HINT})')
    if seconds <= 0:
        raise ValueError(f'"{text}" must be longer than zero')
    return seconds


def _from_units(cleaned: str, original: str) -> int:
    units = [unit for _, unit in _UNITS.findall(cleaned)]
    if len(set(units)) != len(units) or units != sorted(units, key="hms".index):
        raise ValueError(f'"{original}" is not a duration ({DURATION_HINT})')
    return sum(int(number) * _UNIT_SECONDS[unit] for number, unit in _UNITS.findall(cleaned))


def _from_clock(cleaned: str, original: str) -> int:
    parts = [int(part) for part in cleaned.split(":")]
    if any(part >= 60 for part in parts[1:]):
        raise ValueError(f'"{original}" has minutes or seconds of 60 or more ({DURATION_HINT})')
    seconds = 0
    for part in parts:
        seconds = seconds * 60 + part
    return seconds


def format_duration(seconds: int) -> str:
    """The compact unit form (``1m30s``) that :func:`parse_duration` reads back."""
    if seconds <= 0:
        raise ValueError("durations are positive")
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    text = ""
    if hours:
        text += f"{hours}h"
    if minutes:
        text += f"{minutes}m"
    if secs:
        text += f"{secs}s"
    return text


def format_clock(seconds: float) -> str:
    """``MM:SS`` below an hour, ``H:MM:SS`` from an hour on, rounding up.

    Rounding up matches what a countdown shows: with 0.3 s left the runner
    still sees ``00:01``, and ``00:00`` means the phase is over.
    """
    whole = max(0, int(-(-seconds // 1)))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"


def format_time(seconds: float) -> str:
    """``M:SS``, or ``H:MM:SS`` from an hour on, to the nearest second.

    Nearest, with Python's ``round()`` (ties go to the even second): 96.9 s
    shows as 1:37 and 382.5 s as 6:22. A pace or split is a target to aim at,
    so the closest whole second is the honest label, and ties-to-even keeps a
    table of halves from leaning all slow or all fast. This differs on purpose
    from :func:`format_clock`, which rounds a countdown
    up so that 0:00 only ever means "over".

    Unit conversion leaves float noise (8:30/mi at 25% faster comes back from
    kilometres as 382.50000000000006 s), which would tip a tie the other way;
    clearing everything below a microsecond first makes the result what the
    same sum gives on paper.
    """
    hours, rest = divmod(whole_seconds(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def whole_seconds(seconds: float) -> int:
    """The nearest whole second, ties to even, after clearing float noise (see :func:`format_time`)."""
    return round(round(seconds, 6))
